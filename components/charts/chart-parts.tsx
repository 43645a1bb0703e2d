'use client';

import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ReferenceArea, XAxis } from 'recharts';
import type { SignalBandDto } from '@/lib/dto/series';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import { type ChartZone, formatTick, timeTicks } from './time-format';

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

/** A time axis over exactly the shown window, its ticks on round times of the chosen zone. */
export function timeAxis(from: number, to: number, width: number, zone: ChartZone) {
  return (
    <XAxis
      dataKey="t"
      type="number"
      domain={[from, to]}
      allowDataOverflow
      scale="linear"
      ticks={timeTicks(from, to, width, zone)}
      tickFormatter={(t: number) => formatTick(t, to - from, zone)}
      minTickGap={24}
    />
  );
}

/** The plot's place inside each chart: the margins and the value axis, shared by the overlay. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 4 } as const;
export const VALUE_AXIS_WIDTH = 44;
/** recharts' default height of a bottom axis. */
const TIME_AXIS_HEIGHT = 30;

/**
 * The shared cursor (where the viewer points, on this chart, its twin pane or the map), drawn over
 * the chart rather than inside it: moving it re-renders no line, so hovering stays quick whatever
 * the number of points drawn.
 */
export function CursorOverlay({
  cursor,
  from,
  to,
  width,
  height,
}: {
  cursor: number | null;
  from: number;
  to: number;
  width: number;
  height: number;
}) {
  if (cursor === null || to <= from || cursor < from || cursor > to) return null;
  const left = CHART_MARGIN.left + VALUE_AXIS_WIDTH;
  const x = left + ((cursor - from) / (to - from)) * (width - left - CHART_MARGIN.right);
  return (
    <svg className="chart-cursor" width={width} height={height} aria-hidden="true" focusable="false">
      <line
        x1={x}
        x2={x}
        y1={CHART_MARGIN.top}
        y2={height - CHART_MARGIN.bottom - TIME_AXIS_HEIGHT}
        stroke="var(--chart-cursor)"
        strokeWidth={1.5}
      />
    </svg>
  );
}

/** Zones are equal when they draw the same times (the viewer's zone is rebuilt on every render). */
function sameZone(a: ChartZone, b: ChartZone): boolean {
  return a === b || (a.choice === b.choice && a.timeZone === b.timeZone && a.label === b.label);
}

/** For memo(): every prop the same object, except the zone, compared by what it draws. */
export function samePlotProps<P extends { zone: ChartZone }>(a: P, b: P): boolean {
  for (const key of Object.keys(a) as Array<keyof P>) {
    if (key === 'zone') continue;
    if (!Object.is(a[key], b[key])) return false;
  }
  return sameZone(a.zone, b.zone);
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
 * The handlers keep their identity across renders (they read the latest values from a ref), so a
 * memoized plot is not drawn again because its parent re-rendered.
 */
export function useDragZoom(
  from: number,
  to: number,
  onZoom: (from: number, to: number) => void,
  onCursor: (t: number | null) => void,
) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const dragging = useRef<{ a: number; b: number } | null>(null);
  const latest = useRef({ from, to, onZoom, onCursor });
  useLayoutEffect(() => {
    latest.current = { from, to, onZoom, onCursor };
  });
  const handlers = useMemo(() => {
    const show = (d: { a: number; b: number } | null) => {
      dragging.current = d;
      setDrag(d);
    };
    return {
      onMouseDown: (state: unknown) => {
        const t = pointedTime(state);
        if (t !== null) show({ a: t, b: t });
      },
      onMouseMove: (state: unknown) => {
        const t = pointedTime(state);
        latest.current.onCursor(t);
        const d = dragging.current;
        if (d && t !== null) show({ ...d, b: t });
      },
      onMouseUp: () => {
        const d = dragging.current;
        const { from: f, to: t, onZoom: zoom } = latest.current;
        if (d && Math.abs(d.b - d.a) > (t - f) / 200) zoom(Math.min(d.a, d.b), Math.max(d.a, d.b));
        show(null);
      },
      onMouseLeave: () => {
        latest.current.onCursor(null);
        show(null);
      },
    };
  }, []);
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

/** What every chart's outer component gets from its panel: the window, the zone and the shared cursor. */
export interface ChartWindowProps {
  from: number;
  to: number;
  width: number;
  zone: ChartZone;
  /** Called with a dragged time range: the chart zooms to it (the page puts it in the URL). */
  onZoom: (from: number, to: number) => void;
  /** The time the viewer points at (shared by the panes and, on tracks, the map). */
  cursor: number | null;
  onCursor: (t: number | null) => void;
}

/** What a memoized plot gets instead of the cursor: stable mouse handlers and the dragged range. */
export type PlotWindowProps = Omit<ChartWindowProps, 'onZoom' | 'cursor' | 'onCursor'> & {
  handlers: ReturnType<typeof useDragZoom>['handlers'];
  area: ReactNode;
};
