/**
 * The Signal and Location tabs as URLs: the time window, the track's colouring, the replay's
 * position and speed, the compared routers and metric. Every parameter is read on its own: a bad
 * one is named in a message and replaced by its default, and the others still apply, so a link
 * with one typo loses nothing else. Browser-safe and pure.
 */
import { CHART_RANGES, type ChartRange, type ChartWindow } from './signal';

/** What the server accepts for a custom window (lib/dto/series.ts): at most 90 days, UTC. */
const MAX_WINDOW_MS = 90 * 86_400_000;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z$/;
const NUMERIC_ID = /^\d{1,12}$/;

export const RANGE_LABEL: Record<ChartRange, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

/** Read-only access to search params (URLSearchParams, or Next's ReadonlyURLSearchParams). */
export interface ParamSource {
  get(name: string): string | null;
}

export interface Parsed<T> {
  value: T;
  /** One sentence per parameter that was ignored, saying what is shown instead. */
  problems: string[];
}

function isUtcInstant(raw: string): boolean {
  return ISO_UTC.test(raw) && Number.isFinite(Date.parse(raw));
}

/** `range=1h|24h|7d`, or a custom `from`/`to` in UTC (both), which replaces the range. */
export function parseChartWindow(params: ParamSource, fallback: ChartRange = '24h'): Parsed<ChartWindow> {
  const problems: string[] = [];
  const rawRange = params.get('range');
  let range = fallback;
  if (rawRange !== null) {
    if ((CHART_RANGES as readonly string[]).includes(rawRange)) range = rawRange as ChartRange;
    else
      problems.push(
        `The window "${rawRange}" is not one of 1h, 24h or 7d; showing the ${RANGE_LABEL[fallback].toLowerCase()}.`,
      );
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from === null && to === null) return { value: { range }, problems };
  const label = RANGE_LABEL[range].toLowerCase();
  if (from === null || to === null) {
    problems.push(`A custom window needs both from and to; showing the ${label}.`);
  } else if (!isUtcInstant(from) || !isUtcInstant(to)) {
    problems.push(
      `The custom window's times must be ISO 8601 in UTC, such as 2026-11-20T10:00:00Z; showing the ${label}.`,
    );
  } else {
    const span = Date.parse(to) - Date.parse(from);
    if (span <= 0) problems.push(`The custom window ends before it starts; showing the ${label}.`);
    else if (span > MAX_WINDOW_MS) problems.push(`A custom window is at most 90 days; showing the ${label}.`);
    else return { value: { range, from, to }, problems };
  }
  return { value: { range }, problems };
}

export const TRACK_COLORINGS = ['signal', 'speed'] as const;
export type TrackColoring = (typeof TRACK_COLORINGS)[number];
export const REPLAY_SPEEDS = [1, 2, 5, 10, 30, 60] as const;
const MIN_REPLAY_SPEED = 1;
const MAX_REPLAY_SPEED = 60;
export const DEFAULT_REPLAY_SPEED = 10;

export interface LocationView {
  window: ChartWindow;
  coloring: TrackColoring;
  /** Replay speed: track time runs this many times faster than real time. */
  speed: number;
  /** The replay's position (ms since epoch); null: the start of the track. */
  at: number | null;
}

/** The Location tab's own parameters (`tz` and `modem` are read by the panels). */
export function parseLocationView(params: ParamSource): Parsed<LocationView> {
  const { value: window, problems } = parseChartWindow(params);
  let coloring: TrackColoring = 'signal';
  const rawColor = params.get('color');
  if (rawColor !== null) {
    if ((TRACK_COLORINGS as readonly string[]).includes(rawColor)) coloring = rawColor as TrackColoring;
    else problems.push(`The colouring "${rawColor}" is not signal or speed; colouring by signal.`);
  }
  let speed = DEFAULT_REPLAY_SPEED;
  const rawSpeed = params.get('speed');
  if (rawSpeed !== null) {
    const n = Number(rawSpeed);
    if (/^\d+$/.test(rawSpeed) && n >= MIN_REPLAY_SPEED && n <= MAX_REPLAY_SPEED) speed = n;
    else
      problems.push(
        `The replay speed "${rawSpeed}" is not a whole number from ${MIN_REPLAY_SPEED} to ${MAX_REPLAY_SPEED}; replaying at ${DEFAULT_REPLAY_SPEED}×.`,
      );
  }
  let at: number | null = null;
  const rawAt = params.get('at');
  if (rawAt !== null) {
    if (isUtcInstant(rawAt)) at = Date.parse(rawAt);
    else
      problems.push(
        `The replay position "${rawAt}" is not an ISO 8601 UTC time; starting at the beginning of the track.`,
      );
  }
  return { value: { window, coloring, speed, at }, problems };
}

export const COMPARE_METRICS = ['rsrp', 'rsrq', 'sinr', 'rssi'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];
/** This router plus at most three others on one chart. */
export const MAX_COMPARED_ROUTERS = 3;

export interface CompareView {
  /** Other routers on the chart (ids), in the order they were added. */
  routers: string[];
  /** The modem drawn for a compared router, where the link names one (else its first modem). */
  modems: Record<string, string>;
  metric: CompareMetric;
}

/**
 * `compare=id1,id2:modem` (other routers, at most three, each with the modem to draw if not its
 * first) and `metric=rsrp|rsrq|sinr|rssi`.
 */
export function parseCompareView(params: ParamSource, selfId: string): Parsed<CompareView> {
  const problems: string[] = [];
  let metric: CompareMetric = 'rsrp';
  const rawMetric = params.get('metric');
  if (rawMetric !== null) {
    if ((COMPARE_METRICS as readonly string[]).includes(rawMetric)) metric = rawMetric as CompareMetric;
    else problems.push(`The metric "${rawMetric}" is not one of RSRP, RSRQ, SINR or RSSI; comparing RSRP.`);
  }
  const routers: string[] = [];
  const modems: Record<string, string> = {};
  const raw = params.get('compare');
  if (raw !== null && raw !== '') {
    const entries = raw.split(',').map((v) => {
      const [id = '', modem, ...rest] = v.trim().split(':');
      return {
        text: v.trim(),
        id,
        modem: modem ?? null,
        ok: rest.length === 0 && (modem === undefined || NUMERIC_ID.test(modem)),
      };
    });
    const bad = entries.filter((e) => !NUMERIC_ID.test(e.id) || !e.ok);
    if (bad.length > 0)
      problems.push(
        `Left out of the comparison: ${bad.map((b) => `"${b.text.slice(0, 40)}"`).join(', ')} (router ids are numbers, a modem is named by its number after a colon).`,
      );
    for (const e of entries) {
      if (!NUMERIC_ID.test(e.id) || !e.ok || e.id === selfId || routers.includes(e.id)) continue;
      routers.push(e.id);
      if (e.modem !== null) modems[e.id] = e.modem;
    }
    if (routers.length > MAX_COMPARED_ROUTERS) {
      problems.push(
        `At most ${MAX_COMPARED_ROUTERS} other routers fit on one chart; comparing the first ${MAX_COMPARED_ROUTERS}.`,
      );
      for (const id of routers.splice(MAX_COMPARED_ROUTERS)) delete modems[id];
    }
  }
  return { value: { routers, modems, metric }, problems };
}

/** The `compare` parameter for these routers and their chosen modems (null when none is compared). */
export function compareParam(routers: readonly string[], modems: Readonly<Record<string, string>>): string | null {
  if (routers.length === 0) return null;
  return routers.map((id) => (modems[id] ? `${id}:${modems[id]}` : id)).join(',');
}

/** A copy of `current` with `changes` applied (null deletes), as a `?…` search string. */
export function withParams(current: string, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) next.delete(k);
    else next.set(k, v);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}
