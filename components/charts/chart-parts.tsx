'use client';

import { useState } from 'react';
import { ReferenceArea, ReferenceLine, XAxis } from 'recharts';
import type { SignalBandDto } from '@/lib/dto/series';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import { type ChartZone, formatTick } from './time-format';

// What the signal chart and the compare chart draw alike. These are functions returning recharts
// elements, not components: recharts finds its axes and areas among the chart's direct children.

// Colours are the theme's tokens (app/globals.css), so the charts follow light and dark mode.
const BAND_FILL: Record<SignalBandDto['quality'], string> = {
  excellent: 'var(--chart-band-excellent)',
  good: 'var(--chart-band-good)',
  fair: 'var(--chart-band-fair)',
  poor: 'var(--chart-band-poor)',
};

/** The quality bands shaded behind an RSRP line, each labelled, from the one banding table. */
export function bandAreas(bands: SignalBandDto[], domain: readonly [number, number], opacity: number) {
  return bands.map((band, i) => (
    <ReferenceArea
      key={band.quality}
      y1={band.min ?? domain[0]}
      y2={i === 0 ? domain[1] : (bands[i - 1]!.min ?? domain[1])}
      fill={BAND_FILL[band.quality]}
      fillOpacity={opacity}
      ifOverflow="hidden"
      label={{ value: QUALITY_LABEL[band.quality], position: 'insideLeft', fontSize: 10, fill: 'var(--chart-label)' }}
    />
  ));
}

/** A time axis over exactly the shown window, its ticks in the chosen zone. */
export function timeAxis(from: number, to: number, zone: ChartZone) {
  return (
    <XAxis
      dataKey="t"
      type="number"
      domain={[from, to]}
      allowDataOverflow
      scale="time"
      tickFormatter={(t: number) => formatTick(t, to - from, zone)}
      minTickGap={40}
    />
  );
}

/** The shared cursor: where the viewer points, on this chart, its twin pane or the map. */
export function cursorLine(cursor: number | null) {
  return cursor === null ? null : (
    <ReferenceLine
      x={cursor}
      stroke="var(--chart-cursor)"
      strokeWidth={1.5}
      ifOverflow="hidden"
      className="chart-cursor"
    />
  );
}

/** How far the tooltip reaches for each line's nearest point: a few pixels' worth of time. */
export function tooltipReach(from: number, to: number, width: number): number {
  return ((to - from) / Math.max(1, width)) * 4;
}

function pointedTime(state: unknown): number | null {
  const label = (state as { activeLabel?: number | string } | null)?.activeLabel;
  const t = Number(label);
  return label === undefined || !Number.isFinite(t) ? null : t;
}

/**
 * Drag-to-zoom and the pointer cursor: the mouse handlers for a LineChart, and the dragged range
 * drawn while the button is down. A drag shorter than 1/200 of the window is a click, not a zoom.
 */
export function useDragZoom(
  from: number,
  to: number,
  onZoom: (from: number, to: number) => void,
  onCursor: (t: number | null) => void,
) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const handlers = {
    onMouseDown: (state: unknown) => {
      const t = pointedTime(state);
      if (t !== null) setDrag({ a: t, b: t });
    },
    onMouseMove: (state: unknown) => {
      const t = pointedTime(state);
      onCursor(t);
      if (drag && t !== null) setDrag({ ...drag, b: t });
    },
    onMouseUp: () => {
      if (drag && Math.abs(drag.b - drag.a) > (to - from) / 200)
        onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
      setDrag(null);
    },
    onMouseLeave: () => {
      onCursor(null);
      setDrag(null);
    },
  };
  const area = drag && (
    <ReferenceArea
      x1={Math.min(drag.a, drag.b)}
      x2={Math.max(drag.a, drag.b)}
      fill="var(--chart-rsrp)"
      fillOpacity={0.12}
    />
  );
  return { handlers, area };
}
