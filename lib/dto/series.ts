/**
 * Signal/usage charts, location tracks and their CSV as the browser sees them, and the zod schemas
 * their inputs must pass. Browser-safe: types and schemas only.
 *
 * Times on the wire are ms since epoch (UTC) in arrays, ISO 8601 UTC strings elsewhere.
 */
import { z } from 'zod';
import type { SignalQuality } from './fleet-values';
import { NUMERIC_ID } from './ids';

const SERIES_PRESETS = ['1h', '24h', '7d'] as const;
export type SeriesPreset = (typeof SERIES_PRESETS)[number];
export const SERIES_PRESET_MS: Record<SeriesPreset, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};
/** The longest custom window (NCM keeps usage 90 days; signal only 7, and the answer says so). */
const MAX_SERIES_WINDOW_MS = 90 * 86_400_000;
const MIN_CHART_WIDTH = 100;
const MAX_CHART_WIDTH = 4000;
const MIN_TRACK_ZOOM = 0;
const MAX_TRACK_ZOOM = 20;

export const routerIdSchema = z.string().regex(NUMERIC_ID, 'router must be a numeric id');

/** A UTC instant: ISO 8601 with `Z` or `+00:00` (local offsets are refused, not guessed at). */
const utcInstant = z
  .string()
  .regex(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|\+00:00)$/,
    'Times are ISO 8601 in UTC, e.g. 2026-11-20T10:00:00Z',
  )
  .refine((s) => Number.isFinite(Date.parse(s)), 'Not a valid date');

const windowFields = {
  /** A preset ending now, or a custom UTC `from`/`to` (both), not both kinds. */
  window: z.enum(SERIES_PRESETS).optional(),
  from: utcInstant.optional(),
  to: utcInstant.optional(),
};

type WindowFields = { window?: SeriesPreset; from?: string; to?: string };

function checkWindow(v: WindowFields, ctx: z.RefinementCtx): void {
  const custom = v.from !== undefined || v.to !== undefined;
  if (v.window !== undefined && custom) {
    ctx.addIssue({ code: 'custom', path: ['window'], message: 'Give a window preset or from/to, not both' });
    return;
  }
  if (v.window !== undefined) return;
  if (v.from === undefined || v.to === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [v.from === undefined ? 'from' : 'to'],
      message: 'Give a window preset (1h, 24h, 7d) or both from and to',
    });
    return;
  }
  const span = Date.parse(v.to) - Date.parse(v.from);
  if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  else if (span > MAX_SERIES_WINDOW_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'A window is at most 90 days' });
}

const widthField = z.coerce
  .number()
  .int('width is a whole number of pixels')
  .min(MIN_CHART_WIDTH, `width is at least ${MIN_CHART_WIDTH}`)
  .max(MAX_CHART_WIDTH, `width is at most ${MAX_CHART_WIDTH}`);

/** `?window=24h&width=800` or `?from=…Z&to=…Z&width=800`: a chart of `width` pixels. */
export const seriesQuerySchema = z.strictObject({ ...windowFields, width: widthField }).superRefine(checkWindow);

/** The same plus the map's zoom; `width` is the map viewport's. */
export const trackQuerySchema = z
  .strictObject({
    ...windowFields,
    width: widthField,
    zoom: z.coerce.number().int().min(MIN_TRACK_ZOOM).max(MAX_TRACK_ZOOM),
  })
  .superRefine(checkWindow);

const SERIES_CSV_KINDS = ['signal', 'usage', 'track', 'states'] as const;
export type SeriesCsvKind = (typeof SERIES_CSV_KINDS)[number];

/** The full-resolution CSV of one kind of series over the shown window. */
export const seriesCsvQuerySchema = z
  .strictObject({ ...windowFields, kind: z.enum(SERIES_CSV_KINDS) })
  .superRefine(checkWindow);

/** One drawn line: parallel arrays, `v: null` is a break (no samples there: draw no line across). */
export interface SeriesLineDto {
  t: number[];
  v: (number | null)[];
}

/** What a series answer says about its window and its age. */
export interface SeriesWindowDto {
  /** What was asked (ISO, UTC). */
  requested: { from: string; to: string };
  /** What was read: minute-rounded, ending a minute ago at the latest, starting where NCM still keeps data. */
  from: string;
  to: string;
  /** NCM keeps this series this many days; set `clampedToRetention` when the window started before. */
  retentionDays: number;
  clampedToRetention: boolean;
  /** When NCM said it (ISO, UTC): the "as of" time. */
  asOf: string;
  /** NCM did not answer the last request: this is its last answer. */
  stale: boolean;
  /** A fresher read is queued behind the NCM call budget. */
  waitingForBudget: boolean;
  /** False when the window held more records than one read fetches. */
  complete: boolean;
}

/** The RSRP bands (dBm), best first: a value at or above `min` is in the band (the last has no floor). */
export interface SignalBandDto {
  quality: SignalQuality;
  min: number | null;
}

/** A change drawn as a vertical marker on a chart, or a point on a track. */
export interface SeriesMarkerDto {
  t: number;
  kind: 'state' | 'carrier' | 'band';
  from: string | null;
  to: string;
}

export interface ModemSignalDto {
  modemId: string;
  name: string;
  carrier: string | null;
  /** Samples in the window at full resolution (the CSV has them all). */
  samples: number;
  rsrp: SeriesLineDto;
  rsrq: SeriesLineDto;
  sinr: SeriesLineDto;
  rssi: SeriesLineDto;
}

export interface SignalChartsDto extends SeriesWindowDto {
  routerId: string;
  /** The router's name, so a chart comparing routers can label each. */
  routerName: string;
  width: number;
  bands: SignalBandDto[];
  modems: ModemSignalDto[];
  /** The router's online/offline changes in the window. */
  markers: SeriesMarkerDto[];
}

export interface ModemUsageDto {
  modemId: string;
  name: string;
  samples: number;
  /** Bytes per sample period. */
  bytesIn: SeriesLineDto;
  bytesOut: SeriesLineDto;
}

export interface UsageChartsDto extends SeriesWindowDto {
  routerId: string;
  width: number;
  modems: ModemUsageDto[];
}

/** A track at one zoom level: parallel arrays of the vertices to draw, oldest first. */
export interface TrackDto extends SeriesWindowDto {
  routerId: string;
  zoom: number;
  width: number;
  /** Fixes in the window at full resolution. */
  fixes: number;
  /** No drawn vertex is further than this from a dropped fix (projected metres; pixels at `zoom`). */
  toleranceMetres: number;
  tolerancePx: number;
  t: number[];
  lat: number[];
  lon: number[];
  rsrp: (number | null)[];
  quality: (SignalQuality | null)[];
  /** Speed at each vertex (miles per hour, as NCM reports it). */
  mph: (number | null)[];
  bands: SignalBandDto[];
  /** Carrier and LTE band changes along the track: at most 2 × width, evenly thinned beyond that. */
  markers: SeriesMarkerDto[];
  /** Changes left out by the thinning (the CSV has every fix). */
  markersOmitted: number;
  /**
   * Vertex indices where a new piece of the track starts: the router sent no fix between the vertex
   * before and this one (it was off or offline), so draw no line between them.
   */
  breaks: number[];
  /** South-west and north-east corners of the whole track, for fitting the map. */
  bounds: [[number, number], [number, number]] | null;
  /** The fixes a replay steps through, whatever the zoom. */
  replay: TrackReplayDto;
}

/**
 * Real fixes spread over the window, oldest first: every fix when there are at most two per pixel
 * of `width`, else an even spread of that many plus both fixes around every gap. `breaks` are the
 * indices where the router resumes after a gap (no fix in between).
 */
export interface TrackReplayDto {
  t: number[];
  lat: number[];
  lon: number[];
  rsrp: (number | null)[];
  mph: (number | null)[];
  breaks: number[];
}
