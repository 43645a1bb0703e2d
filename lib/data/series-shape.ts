import 'server-only';
/**
 * Shared pieces of the series data functions: the requested window, the window/age part of every
 * answer, a router's modems, and the track's pyramid and pieces, kept once per shared read.
 */
import type { LocationFix, NetDevice } from '@/lib/domain/types';
import { SERIES_PRESET_MS, type SeriesWindowDto } from '@/lib/dto/series';
import { isModem } from '@/lib/fleet/signal';
import type { TimeWindow } from '@/lib/ncm';
import { processSingleton } from '@/lib/process-state';
import { readRouter, readRouterNetDevices, type SeriesKind, type SeriesRead, seriesWindow } from '@/lib/reads';
import { buildTrackPyramid, type TrackPyramid, trackPieceStarts } from '@/lib/series';

const DAY = 86_400_000;

export function requestedWindow(
  query: { window?: keyof typeof SERIES_PRESET_MS; from?: string; to?: string },
  now: number,
): TimeWindow {
  if (query.window !== undefined) return { fromMs: now - SERIES_PRESET_MS[query.window], toMs: now };
  return { fromMs: Date.parse(query.from!), toMs: Date.parse(query.to!) };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The window and freshness of an answer built from several reads of one kind (one per modem): the
 * oldest "as of", stale if any read is, complete only if all are. With no reads (a router without
 * modems) it describes the window that would have been read.
 */
export function windowDto(
  kind: SeriesKind,
  requested: TimeWindow,
  now: number,
  reads: ReadonlyArray<SeriesRead<unknown>>,
): SeriesWindowDto {
  const shaped = reads[0] ?? seriesWindow(kind, requested, now);
  const asOf = reads.length === 0 ? now : Math.min(...reads.map((r) => r.asOf));
  return {
    requested: { from: iso(requested.fromMs), to: iso(requested.toMs) },
    from: iso(shaped.window.fromMs),
    to: iso(Math.max(shaped.window.fromMs, shaped.window.toMs)),
    retentionDays: Math.round(shaped.retentionMs / DAY),
    clampedToRetention: shaped.clampedToRetention,
    asOf: iso(asOf),
    stale: reads.some((r) => r.failing),
    waitingForBudget: reads.some((r) => r.waiting),
    complete: reads.every((r) => r.complete),
  };
}

export async function routerKnown(routerId: string): Promise<boolean> {
  return (await readRouter(routerId)).value !== null;
}

/** The router's modems, or null when NCM does not know the router. */
export async function routerModems(routerId: string): Promise<NetDevice[] | null> {
  return (await routerWithModems(routerId))?.modems ?? null;
}

/** The router's name and modems, or null when NCM does not know the router. */
export async function routerWithModems(routerId: string): Promise<{ name: string; modems: NetDevice[] } | null> {
  const router = (await readRouter(routerId)).value;
  if (router === null) return null;
  return { name: router.name, modems: (await readRouterNetDevices(routerId)).value.filter(isModem) };
}

/**
 * One pyramid per shared read of a track: twenty viewers at different zooms cost one simplification.
 * Keyed weakly on the read's array, so it goes when the read leaves the cache.
 */
export interface TrackShape {
  pyramid: TrackPyramid;
  /** Fix indices where the track resumes after a gap (the router sent no fix in between). */
  pieceStarts: number[];
}

export function trackShapeFor(fixes: readonly LocationFix[]): TrackShape {
  const shapes = processSingleton('series-track-shapes', () => new WeakMap<readonly LocationFix[], TrackShape>());
  let shape = shapes.get(fixes);
  if (!shape) {
    const pieceStarts = trackPieceStarts(fixes.map((f) => f.atMs));
    const pyramid = buildTrackPyramid(
      fixes.map((f) => f.latitude),
      fixes.map((f) => f.longitude),
      { pieceStarts },
    );
    shape = { pyramid, pieceStarts };
    shapes.set(fixes, shape);
  }
  return shape;
}
