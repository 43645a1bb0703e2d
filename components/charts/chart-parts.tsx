'use client';

import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { CartesianGrid, DefaultZIndexes, ReferenceArea, usePlotArea, XAxis, ZIndexLayer } from 'recharts';
import type { SignalBandDto } from '@/lib/dto/series';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import { type ChartZone, formatInstant, formatTick, timeTicks } from './time-format';

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

/**
 * Tick labels are the page's text size (16 px by default), about 9.5 px a character at most: the
 * ticks are spaced so their labels, so estimated, never meet (the axis draws every tick it is given).
 */
const TICK_CHAR_PX = 9.5;
const TICK_LABEL_GAP = 24;
/** recharts' look for an axis: the tick mark's length and the room between it and the label. */
const TICK_SIZE = 6;
const TICK_MARGIN = 2;

interface AxisTick {
  t: number;
  label: string;
}

/** The time axis' ticks for a window: round times of the zone, spaced for their labels. */
export function timeAxisTicks(from: number, to: number, width: number, zone: ChartZone): AxisTick[] {
  const sample = formatTick(from, to - from, zone);
  const gap = Math.max(90, sample.length * TICK_CHAR_PX + TICK_LABEL_GAP);
  return timeTicks(from, to, width, zone, gap).map((t) => ({ t, label: formatTick(t, to - from, zone) }));
}

/**
 * The time axis' tick marks and labels, drawn here rather than by recharts: recharts measures and
 * lays out every tick label through its text component, which cost more than all of a chart's
 * lines (several milliseconds a pane, and more for the longer labels of a long window). The ticks
 * are already spaced for their labels, so each is one line and one plain text. A label that would
 * run off the chart's edge is anchored at its tick instead of centred on it.
 */
function TimeTickMarks({ from, to, width, ticks }: { from: number; to: number; width: number; ticks: AxisTick[] }) {
  const plot = usePlotArea();
  if (!plot || !(to > from)) return null;
  const bottom = plot.y + plot.height;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.axis}>
      <g className="chart-time-ticks">
        {ticks.map(({ t, label }) => {
          const x = plot.x + ((t - from) / (to - from)) * plot.width;
          const half = (label.length * TICK_CHAR_PX) / 2;
          const anchor = x + half > width ? 'end' : x - half < 0 ? 'start' : 'middle';
          return (
            <g key={t}>
              <line className="chart-tick-line" x1={x} x2={x} y1={bottom} y2={bottom + TICK_SIZE} />
              <text
                className="chart-tick-label"
                x={x}
                y={bottom + TICK_SIZE + TICK_MARGIN}
                dy="0.71em"
                textAnchor={anchor}
              >
                {label}
              </text>
            </g>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}

/**
 * A time axis over exactly the shown window, its ticks on round times of the chosen zone. The axis
 * itself is a linear scale (recharts draws a time scale by turning every value into a Date) and
 * draws no ticks of its own: TimeTickMarks does.
 */
export function timeAxis(from: number, to: number, width: number, zone: ChartZone) {
  return [
    <XAxis
      key="time-axis"
      dataKey="t"
      type="number"
      domain={[from, to]}
      allowDataOverflow
      scale="linear"
      tick={false}
      height={TIME_AXIS_HEIGHT}
    />,
    <TimeTickMarks key="time-ticks" from={from} to={to} width={width} ticks={timeAxisTicks(from, to, width, zone)} />,
  ];
}

/** The chart's grid, its verticals on the time axis' ticks (recharts would derive them from its own). */
export function timeGrid(from: number, to: number, width: number, zone: ChartZone) {
  const ticks = timeAxisTicks(from, to, width, zone);
  return (
    <CartesianGrid
      strokeDasharray="3 3"
      stroke="var(--chart-grid)"
      verticalCoordinatesGenerator={({ offset }) =>
        to > from ? ticks.map(({ t }) => offset.left + ((t - from) / (to - from)) * offset.width) : []
      }
    />
  );
}

/** The plot's place inside each chart: the margins and the value axis, shared by the overlays. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 4 } as const;
export const VALUE_AXIS_WIDTH = 44;
/** recharts' default height of a bottom axis. */
const TIME_AXIS_HEIGHT = 30;

/** How much narrower the plotting area is than the chart: the value axis and the side margins. */
export const PLOT_INSET = CHART_MARGIN.left + VALUE_AXIS_WIDTH + CHART_MARGIN.right;

/** Where the plotting area lies inside a chart of this size (the value axis on the left). */
function plotBox(width: number, height: number) {
  return {
    left: CHART_MARGIN.left + VALUE_AXIS_WIDTH,
    right: width - CHART_MARGIN.right,
    top: CHART_MARGIN.top,
    bottom: height - CHART_MARGIN.bottom - TIME_AXIS_HEIGHT,
  };
}

/** The horizontal pixel of a time in the window, inside a chart `width` wide. */
function xOfTime(t: number, from: number, to: number, width: number): number {
  const { left, right } = plotBox(width, 0);
  return left + ((t - from) / (to - from)) * (right - left);
}

/** The time under a pointer at (x, y) inside a chart, or null outside its plotting area. */
export function timeAtPoint(
  x: number,
  y: number,
  chart: { from: number; to: number; width: number; height: number },
): number | null {
  const { from, to, width, height } = chart;
  const box = plotBox(width, height);
  if (to <= from || x < box.left || x > box.right || y < box.top || y > box.bottom) return null;
  return from + ((x - box.left) / (box.right - box.left)) * (to - from);
}

const shown = (cursor: number | null, from: number, to: number): cursor is number =>
  cursor !== null && to > from && cursor >= from && cursor <= to;

/**
 * The shared cursor (where the viewer points, on this chart, its twin pane or the map), drawn over
 * the chart rather than inside it: moving it re-renders no line, so hovering stays quick whatever
 * the number of points drawn.
 */
interface OverlayProps {
  cursor: number | null;
  from: number;
  to: number;
  width: number;
}

function CursorOverlay({ cursor, from, to, width, height }: OverlayProps & { height: number }) {
  if (!shown(cursor, from, to)) return null;
  const x = xOfTime(cursor, from, to, width);
  const box = plotBox(width, height);
  return (
    <svg className="chart-cursor" width={width} height={height} aria-hidden="true" focusable="false">
      <line x1={x} x2={x} y1={box.top} y2={box.bottom} stroke="var(--chart-cursor)" strokeWidth={1.5} />
    </svg>
  );
}

/** The tooltip beside the cursor, on the side with more room; the pointer passes through it. */
function TooltipOverlay({ cursor, from, to, width, children }: OverlayProps & { children: ReactNode }) {
  if (!shown(cursor, from, to)) return null;
  const x = xOfTime(cursor, from, to, width);
  const flip = x > width / 2;
  return (
    <div
      className="chart-tooltip-anchor"
      style={{ left: flip ? x - 12 : x + 12, top: CHART_MARGIN.top, transform: flip ? 'translateX(-100%)' : undefined }}
    >
      {children}
    </div>
  );
}

/**
 * A chart's plotting element: the pointer and the keys drive its cursor, drag-to-zoom and tooltip.
 * Focused, it is a slider over the window: the arrow keys move the cursor (and the tooltip) through
 * time, and a screen reader hears the time pointed at. The tooltip shows while this chart is pointed
 * at or focused.
 */
export function ChartPlot({
  label,
  from,
  to,
  width,
  height,
  zone,
  cursor,
  zoom,
  tooltip,
  children,
}: {
  label: string;
  from: number;
  to: number;
  width: number;
  height: number;
  zone: ChartZone;
  cursor: number | null;
  zoom: ReturnType<typeof useDragZoom>;
  tooltip: (t: number) => ReactNode;
  children: ReactNode;
}) {
  const [pointed, setPointed] = useState(false);
  return (
    <div
      className="chart-plot"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={from}
      aria-valuemax={to}
      aria-valuenow={cursor ?? from}
      aria-valuetext={cursor === null ? 'no time pointed: arrow keys move the cursor' : formatInstant(cursor, zone)}
      {...zoom.handlers}
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => {
        setPointed(false);
        zoom.handlers.onPointerLeave();
      }}
      onFocus={() => setPointed(true)}
      onBlur={() => setPointed(false)}
    >
      {children}
      <CursorOverlay cursor={cursor} from={from} to={to} width={width} height={height} />
      {pointed && cursor !== null && (
        <TooltipOverlay cursor={cursor} from={from} to={to} width={width}>
          {tooltip(cursor)}
        </TooltipOverlay>
      )}
    </div>
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

type PlotPointerEvent = PointerEvent<HTMLElement>;

/**
 * Where a key moves the cursor on a focused chart: arrows step a hundredth of the window (a tenth
 * with Shift), Home and End go to its ends, Escape lifts the cursor. Undefined for any other key.
 */
export function keyedTime(
  key: string,
  shift: boolean,
  cursor: number | null,
  from: number,
  to: number,
): number | null | undefined {
  const step = ((to - from) / 100) * (shift ? 10 : 1);
  const at = cursor ?? (from + to) / 2;
  const clamp = (t: number) => Math.min(to, Math.max(from, t));
  switch (key) {
    case 'ArrowRight':
      return clamp(cursor === null ? at : at + step);
    case 'ArrowLeft':
      return clamp(cursor === null ? at : at - step);
    case 'Home':
      return from;
    case 'End':
      return to;
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}

/** The time under the pointer, from the plot element the handlers sit on. */
function pointedTime(e: PlotPointerEvent, chart: { from: number; to: number; width: number }): number | null {
  const rect = e.currentTarget.getBoundingClientRect();
  return timeAtPoint(e.clientX - rect.left, e.clientY - rect.top, { ...chart, height: rect.height });
}

/**
 * Drag-to-zoom and the pointer cursor: the pointer handlers for a chart's plot element, and the
 * dragged range drawn while the button is down. A drag shorter than 1/200 of the window is a click,
 * not a zoom. Times come from where the pointer is in the plotting area (the lines are not recharts
 * data, so recharts has no tooltip label to offer); on a focused plot the keys move the cursor
 * instead (keyedTime). The handlers keep their identity across renders (they read the latest values
 * from a ref), so a memoized plot is not drawn again because its parent re-rendered.
 */
export function useDragZoom({
  from,
  to,
  width,
  onZoom,
  cursor,
  onCursor,
}: Pick<ChartWindowProps, 'from' | 'to' | 'width' | 'onZoom' | 'cursor' | 'onCursor'>) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const dragging = useRef<{ a: number; b: number } | null>(null);
  const latest = useRef({ from, to, width, onZoom, cursor, onCursor });
  useLayoutEffect(() => {
    latest.current = { from, to, width, onZoom, cursor, onCursor };
  });
  const handlers = useMemo(() => {
    const show = (d: { a: number; b: number } | null) => {
      dragging.current = d;
      setDrag(d);
    };
    return {
      onPointerDown: (e: PlotPointerEvent) => {
        if (e.button !== 0) return;
        const t = pointedTime(e, latest.current);
        if (t !== null) show({ a: t, b: t });
      },
      onPointerMove: (e: PlotPointerEvent) => {
        const t = pointedTime(e, latest.current);
        latest.current.onCursor(t);
        const d = dragging.current;
        if (d && t !== null) show({ ...d, b: t });
      },
      onPointerUp: () => {
        const d = dragging.current;
        const { from: f, to: t, onZoom: zoom } = latest.current;
        if (d && Math.abs(d.b - d.a) > (t - f) / 200) zoom(Math.min(d.a, d.b), Math.max(d.a, d.b));
        show(null);
      },
      onPointerLeave: () => {
        latest.current.onCursor(null);
        show(null);
      },
      // A touch that turns into a scroll: the drag is abandoned, not zoomed.
      onPointerCancel: () => show(null),
      onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
        const { from: f, to: t, cursor: at, onCursor: point } = latest.current;
        const next = keyedTime(e.key, e.shiftKey, at, f, t);
        if (next === undefined) return;
        e.preventDefault();
        point(next);
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

/** What a memoized plot gets instead of the cursor: the dragged range (the pointer is its parent's). */
export type PlotWindowProps = Omit<ChartWindowProps, 'onZoom' | 'cursor' | 'onCursor'> & {
  area: ReactNode;
};
