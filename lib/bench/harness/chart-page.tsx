/**
 * Benchmark #8's page (bundled by the bench, never part of the app): the product's SignalChart
 * (components/charts/signal-chart.tsx) mounted on one modem's samples held in the page.
 * - "ours": the samples are shaped as the server shapes them (lib/series downsampleColumns: at most
 *   two points per pixel) before the chart gets them; a zoom shapes the new window again, as the
 *   server answers the zoomed window;
 * - "naive": the anchor, recharts out of the box given every sample (naive-signal-chart.tsx: a
 *   recharts <Line> per series, as the product's chart was drawn before it drew its own paths).
 * The bench drives it through `window.__chart` and real mouse input.
 */
import '../../../app/globals.css';
import { useLayoutEffect, useMemo, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { SignalChart } from '@/components/charts/signal-chart';
import { UTC_ZONE } from '@/components/charts/time-format';
import type { ModemSignalDto, SeriesLineDto, SeriesMarkerDto } from '@/lib/dto/series';
import { downsampleColumns } from '@/lib/series';
import { RSRP_BANDS } from '@/lib/signal/bands';
import { type SignalFixture, signalFixture } from './fixtures';
import { NaiveSignalChart } from './naive-signal-chart';
import { installProbe, type Probe } from './page-probe';

export type ChartMode = 'ours' | 'naive';

/** The chart's width: a desktop router page. */
export const CHART_WIDTH = 1200;

const BANDS = RSRP_BANDS.map((b) => ({ ...b }));

installProbe();
const probe = (window as unknown as { __probe: Probe }).__probe;

const line = (t: ArrayLike<number>, v: ArrayLike<number>, from: number, to: number): SeriesLineDto => {
  const out: SeriesLineDto = { t: [], v: [] };
  for (let i = 0; i < t.length; i++) {
    if (t[i]! < from || t[i]! > to) continue;
    out.t.push(t[i]!);
    out.v.push(v[i]!);
  }
  return out;
};

/** What the chart is given for the window [from, to]. */
function modemFor(mode: ChartMode, data: SignalFixture, from: number, to: number): ModemSignalDto {
  const base = { modemId: '5000001', name: 'modem1', carrier: 'Verizon', samples: data.t.length };
  if (mode === 'naive') {
    return {
      ...base,
      rsrp: line(data.t, data.rsrp, from, to),
      rsrq: line(data.t, data.rsrq, from, to),
      sinr: line(data.t, data.sinr, from, to),
      rssi: line(data.t, data.rssi, from, to),
    };
  }
  const shaped = downsampleColumns(
    data.t,
    { rsrp: data.rsrp, rsrq: data.rsrq, sinr: data.sinr, rssi: data.rssi },
    { width: CHART_WIDTH, from, to },
  );
  return { ...base, ...shaped };
}

/** An outage marker where each hour-long gap begins, as the state markers of the product. */
function markersOf(data: SignalFixture): SeriesMarkerDto[] {
  const out: SeriesMarkerDto[] = [];
  for (let i = 1; i < data.t.length; i++) {
    if (data.t[i]! - data.t[i - 1]! > 60_000)
      out.push(
        { t: data.t[i - 1]!, kind: 'state', from: 'online', to: 'offline' },
        { t: data.t[i]!, kind: 'state', from: 'offline', to: 'online' },
      );
  }
  return out;
}

interface Shown {
  mode: ChartMode;
  data: SignalFixture;
  markers: SeriesMarkerDto[];
  /** The full window already shaped, as the server's answer arrives; shaped in the page when absent. */
  answer: ModemSignalDto | null;
}

let committed: (() => void) | null = null;
let lastZoom: { at: number; points: number } | null = null;
/** How long the last shaping took (the server's share of a real chart). */
let lastShapeMs = 0;

/** What the router page does around the chart: the zoomed window and the shared cursor as state. */
function Harness({ shown }: { shown: Shown }) {
  const full = { from: shown.data.t[0]!, to: shown.data.t[shown.data.t.length - 1]! };
  const [range, setRange] = useState(full);
  const [cursor, setCursor] = useState<number | null>(null);
  const modem = useMemo(() => {
    if (shown.answer && range.from === full.from && range.to === full.to) return shown.answer;
    const started = performance.now();
    const shaped = modemFor(shown.mode, shown.data, range.from, range.to);
    lastShapeMs = performance.now() - started;
    return shaped;
  }, [shown, range, full.from, full.to]);
  useLayoutEffect(() => {
    const points = modem.rsrp.t.length + modem.rsrq.t.length + modem.sinr.t.length + modem.rssi.t.length;
    lastZoom = { at: performance.now(), points };
    committed?.();
    committed = null;
  }, [modem]);
  const Chart = shown.mode === 'ours' ? SignalChart : NaiveSignalChart;
  return (
    <div data-testid="chart-harness">
      <Chart
        modem={modem}
        bands={BANDS}
        markers={shown.markers}
        from={range.from}
        to={range.to}
        width={CHART_WIDTH}
        zone={UTC_ZONE}
        onZoom={(from, to) => setRange({ from, to })}
        cursor={cursor}
        onCursor={setCursor}
      />
    </div>
  );
}

let root: Root | null = null;
let data: SignalFixture | null = null;
/** Every size prepared in this page, so the bench can alternate between them. */
const prepared = new Map<number, SignalFixture>();
/** The measurement armed last: the bench arms, moves the mouse, then awaits `result()`. */
let pending: Promise<unknown> = Promise.resolve(null);
const round = (ms: number) => Math.round(ms * 10) / 10;

/** The next hover: mousemove → the tooltip shows another time → painted. */
function hoverDone(): Promise<{ ms: number | null }> {
  const tooltip = () => document.querySelector('.chart-tooltip strong')?.textContent ?? null;
  const before = tooltip();
  return new Promise((resolve) => {
    let t0: number | null = null;
    const onMove = (e: MouseEvent) => {
      t0 ??= e.timeStamp;
    };
    const finish = (timedOut: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('mousemove', onMove, { capture: true });
      const start = t0;
      if (timedOut || start === null) return resolve({ ms: null });
      probe.nextPaint().then((t1) => resolve({ ms: round(t1 - start) }));
    };
    document.addEventListener('mousemove', onMove, { capture: true });
    const observer = new MutationObserver(() => {
      const now = tooltip();
      if (t0 !== null && now !== null && now !== before) finish(false);
    });
    observer.observe(document.getElementById('root')!, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish(true), 120_000);
  });
}

/** The next drag-to-zoom: mouseup → the zoomed window drawn → painted. */
function zoomDone(): Promise<{ ms: number | null; points: number }> {
  const before = lastZoom;
  return new Promise((resolve) => {
    let t0: number | null = null;
    const onUp = (e: MouseEvent) => {
      t0 = e.timeStamp;
    };
    document.addEventListener('mouseup', onUp, { capture: true });
    const started = performance.now();
    const check = () => {
      const start = t0;
      const zoom = lastZoom;
      if (start !== null && zoom !== null && zoom !== before && zoom.at >= start) {
        document.removeEventListener('mouseup', onUp, { capture: true });
        probe.nextPaint().then((t1) => resolve({ ms: round(t1 - start), points: zoom.points }));
      } else if (performance.now() - started > 180_000) resolve({ ms: null, points: 0 });
      else setTimeout(check, 5);
    };
    check();
  });
}

const api = {
  /**
   * Makes `n` samples the ones the next mounts draw, generating them in the page the first time
   * (not measured); a size prepared before is switched back to as it was.
   */
  prepare(n: number): number {
    data = prepared.get(n) ?? signalFixture(n);
    prepared.set(n, data);
    return data.t.length;
  },
  /**
   * Mounts the chart on the prepared samples and resolves after the frame that shows it. With
   * `answered`, the clock starts with the server's answer in hand (the window shaped beforehand, as
   * the server does once for every viewer; its time is `shapeMs`); without, with the raw samples in
   * hand (shaping, React, recharts, layout and paint inside).
   */
  async mount(
    mode: ChartMode,
    answered = false,
  ): Promise<{ ms: number; shapeMs: number; points: number; longTasks: ReturnType<Probe['longTasks']> }> {
    if (!data) throw new Error('prepare first');
    root?.unmount();
    const container = document.getElementById('root')!;
    container.replaceChildren();
    root = createRoot(container);
    let answer: ModemSignalDto | null = null;
    if (answered) {
      const started = performance.now();
      answer = modemFor(mode, data, data.t[0]!, data.t[data.t.length - 1]!);
      lastShapeMs = performance.now() - started;
    }
    const shown: Shown = { mode, data, markers: markersOf(data), answer };
    // The clock starts on a clean heap, just after a frame, for every size: the shaping above (long
    // and full of garbage for a million samples, nothing for a thousand) is the server's work, and
    // must neither leave its collection inside the measured span nor decide where in a frame the
    // measured work begins. (The bench starts this browser with V8's gc() exposed.)
    (window as unknown as { gc?: () => void }).gc?.();
    await probe.nextPaint();
    await probe.nextPaint();
    const t0 = performance.now();
    const done = new Promise<void>((resolve) => {
      committed = resolve;
    });
    root.render(<Harness shown={shown} />);
    await done;
    const t1 = await probe.nextPaint();
    return {
      ms: round(t1 - t0),
      shapeMs: round(lastShapeMs),
      points: lastZoom?.points ?? 0,
      longTasks: probe.longTasks(t0, t1),
    };
  },
  armHover(): void {
    pending = hoverDone();
  },
  armZoom(): void {
    pending = zoomDone();
  },
  result(): Promise<unknown> {
    return pending;
  },
  /** The first pane's plotting area, for the mouse. */
  plotBox(): { x: number; y: number; width: number; height: number } {
    const grid = document.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
    return { x: grid.x, y: grid.y, width: grid.width, height: grid.height };
  },
};

(window as unknown as { __chart: typeof api }).__chart = api;
