/**
 * How a track is coloured: by signal (RSRP, banded by the one table in lib/signal/bands.ts) or by
 * speed. Each scale is a list of classes with a label for the legend and a CSS custom property for
 * the colour, so a dark theme can restyle the track without touching code. Pure and browser-safe.
 */
import { bandOf, RSRP_BANDS } from '@/lib/signal/bands';
import type { TrackColoring } from '@/lib/queries/series-url';

export interface ScaleClass {
  key: string;
  label: string;
  /** The custom property holding this class's colour. */
  cssVar: string;
}

const dbm = (n: number) => `${n < 0 ? '−' : ''}${Math.abs(n)} dBm`;

/** Best first, from the banding table, then fixes without a reading. */
export const SIGNAL_CLASSES: readonly ScaleClass[] = [
  ...RSRP_BANDS.map((band, i) => {
    // Read top to bottom, each band starts where the one above stops.
    const range = band.min === null ? `below ${dbm(RSRP_BANDS[i - 1]?.min ?? 0)}` : `${dbm(band.min)} and above`;
    return {
      key: band.quality,
      label: `${band.quality[0]!.toUpperCase()}${band.quality.slice(1)} (${range})`,
      cssVar: `--track-signal-${band.quality}`,
    };
  }),
  { key: 'none', label: 'No reading', cssVar: '--track-none' },
];

/** Upper bounds in mph (exclusive); the last class has none. Chosen for city buses and patrol cars. */
const SPEED_LIMITS = [
  { key: 'stopped', below: 2, label: 'Stopped (under 2 mph)' },
  { key: 'slow', below: 20, label: '2–20 mph' },
  { key: 'moderate', below: 45, label: '20–45 mph' },
  { key: 'fast', below: null, label: '45 mph or more' },
] as const;

export const SPEED_CLASSES: readonly ScaleClass[] = [
  ...SPEED_LIMITS.map((s) => ({ key: s.key, label: s.label, cssVar: `--track-speed-${s.key}` })),
  { key: 'none', label: 'No speed reported', cssVar: '--track-none' },
];

export function scaleOf(coloring: TrackColoring): readonly ScaleClass[] {
  return coloring === 'speed' ? SPEED_CLASSES : SIGNAL_CLASSES;
}

export function signalClass(rsrp: number | null): string {
  return bandOf(rsrp, RSRP_BANDS) ?? 'none';
}

export function speedClass(mph: number | null): string {
  if (mph === null || !Number.isFinite(mph) || mph < 0) return 'none';
  return SPEED_LIMITS.find((s) => s.below === null || mph < s.below)!.key;
}

export interface ColorableTrack {
  rsrp: readonly (number | null)[];
  mph: readonly (number | null)[];
  /** Vertex indices where a new piece starts (no line from the vertex before). */
  breaks: readonly number[];
}

/** A stretch of the track drawn in one colour: vertex indices `from`..`to` inclusive. */
export interface TrackRun {
  key: string;
  from: number;
  to: number;
}

/**
 * The track as runs of one colour each. A segment takes the class of the fix it starts from; runs
 * never cross a gap, and a piece of a single fix is a run of one vertex (drawn as a dot).
 */
export function trackRuns(track: ColorableTrack, coloring: TrackColoring): TrackRun[] {
  const n = track.rsrp.length;
  const classOf = (i: number) =>
    coloring === 'speed' ? speedClass(track.mph[i] ?? null) : signalClass(track.rsrp[i] ?? null);
  const breaks = new Set(track.breaks);
  const joined = (k: number) => k + 1 < n && !breaks.has(k + 1);
  const runs: TrackRun[] = [];
  let current: TrackRun | null = null;
  for (let k = 0; k < n; k++) {
    if (!joined(k)) {
      // A piece of one fix: nothing joins it to a neighbour, so it is drawn as a dot.
      if (k === 0 || breaks.has(k)) runs.push({ key: classOf(k), from: k, to: k });
      current = null;
      continue;
    }
    const key = classOf(k);
    if (current && current.key === key && current.to === k) current.to = k + 1;
    else {
      current = { key, from: k, to: k + 1 };
      runs.push(current);
    }
  }
  return runs;
}
