/**
 * Benchmark #9: a vehicle's 200k- and 1M-fix track on a Leaflet canvas map (harness/track-page.ts),
 * ours against the raw polyline in the same run:
 * - ours: the per-zoom Douglas–Peucker pyramid of lib/series, built once here (the server's side:
 *   lib/data/series-shape.ts builds it the same way per shared read), the page asking for the level
 *   of its zoom on load and after each zoom, as the product's track route is asked, and drawn by
 *   the product's track layer (components/location/track-canvas.ts: its worker paints the canvas);
 * - raw: every fix as one L.polyline (Leaflet clips and smooths it itself on every view change).
 * Workload: fitBounds, 20 pans of 150 px (mouse drags), 3 zoom-ins and 3 zoom-outs. Measured: first
 * paint (data in hand → painted), pan frame p95 (mousedown → settled), zoom frame max, vertices drawn.
 */
import type { Browser, Page } from '@playwright/test';
import { buildTrackPyramid, trackPieceStarts } from '@/lib/series';
import { trackFixture } from './harness/fixtures';
import { type HarnessBundle, openHarness } from './harness/serve';
import type { TrackLevelAnswer } from './harness/track-page';
import { drag, PANS_150 } from './pointer';
import { ONE_FRAME_MS, percentile, pooledFrames, round } from './stats';

const SIZES = [200_000, 1_000_000];

const TIMEOUT_MS = 180_000;

interface FrameStats {
  frames: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  gaps: number[];
}

interface Pan {
  ms: number;
  frames: FrameStats;
  longTasks: { maxMs: number; blockingMs: number };
  drawnVertices: number;
}

interface Zoom {
  ms: number;
  zoom: number;
  fetchMs: number | null;
  levelVertices: number | null;
  drawnVertices: number;
  frames: FrameStats;
  longTasks: { maxMs: number };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS),
    ),
  ]);
}

/** The server side of "ours": the pyramid built once, and a level per request. */
function trackServer(n: number) {
  const fixture = trackFixture(n);
  const lat = Array.from(fixture.lat);
  const lon = Array.from(fixture.lon);
  const t0 = performance.now();
  const pieceStarts = trackPieceStarts(fixture.t);
  const pyramid = buildTrackPyramid(lat, lon, { pieceStarts });
  const buildMs = round(performance.now() - t0, 0);
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  for (let i = 0; i < n; i++) {
    south = Math.min(south, lat[i]!);
    north = Math.max(north, lat[i]!);
    west = Math.min(west, lon[i]!);
    east = Math.max(east, lon[i]!);
  }
  const bounds: TrackLevelAnswer['bounds'] = [
    [south, west],
    [north, east],
  ];
  const levelTimes: number[] = [];
  const answer = (url: URL): TrackLevelAnswer | null => {
    if (url.pathname !== '/track/level') return null;
    const started = performance.now();
    const level = pyramid.level(Number(url.searchParams.get('zoom')), Number(url.searchParams.get('width')));
    const vertexOf = new Map(level.indices.map((fix, vertex) => [fix, vertex]));
    const body: TrackLevelAnswer = {
      zoom: level.zoom,
      lat: level.indices.map((i) => lat[i]!),
      lon: level.indices.map((i) => lon[i]!),
      breaks: pieceStarts.map((fix) => vertexOf.get(fix)!),
      bounds,
      serverMs: 0,
    };
    body.serverMs = round(performance.now() - started, 1);
    levelTimes.push(body.serverMs);
    return body;
  };
  return { buildMs, answer, levelTimes };
}

type First = {
  firstPaintMs: number;
  zoom: number;
  drawnVertices: number;
  levelVertices?: number;
  levelFetchMs?: number;
  withRequestsMs?: number;
  longTasks: { maxMs: number };
};

async function runMode(page: Page, mode: 'ours' | 'raw', n: number) {
  // First paint, repeated (the raw million once: it takes seconds); the median run is reported.
  const repeats = mode === 'ours' ? 3 : n <= 200_000 ? 2 : 1;
  if (mode === 'raw') await page.evaluate(`window.__track.prepareRaw(${n})`);
  const firsts: First[] = [];
  for (let r = 0; r < repeats; r++) {
    firsts.push(
      (await withTimeout(
        page.evaluate(mode === 'ours' ? `window.__track.showOurs(${n})` : 'window.__track.showRaw()'),
        `${mode} ${n} first paint`,
      )) as First,
    );
  }
  const first = [...firsts].sort((a, b) => a.firstPaintMs - b.firstPaintMs)[Math.floor((firsts.length - 1) / 2)]!;
  const firstPaintRuns = firsts.map((f) => f.firstPaintMs);
  const centre = (await page.evaluate('window.__track.centre()')) as { x: number; y: number };
  const pans: Pan[] = [];
  for (const [dx, dy] of PANS_150) {
    await page.evaluate('window.__track.armPan()');
    await drag(page, { x: centre.x - dx / 2, y: centre.y - dy / 2 }, dx, dy);
    pans.push((await withTimeout(page.evaluate('window.__track.result()'), `${mode} ${n} pan`)) as Pan);
  }
  const zooms: Zoom[] = [];
  for (const delta of [1, 1, 1, -1, -1, -1])
    zooms.push((await withTimeout(page.evaluate(`window.__track.zoomBy(${delta})`), `${mode} ${n} zoom`)) as Zoom);
  const panFrames = pooledFrames(pans);
  const slowestPan = Math.max(...pans.map((p) => p.frames.p95Ms ?? 0));
  return {
    mode,
    fixes: n,
    first,
    firstPaintRuns,
    pans: pans.map(({ frames: { gaps: _, ...frames }, ...p }) => ({ ...p, frames })),
    zooms: zooms.map(({ frames: { gaps: _, ...frames }, ...z }) => ({ ...z, frames })),
    panFrames: panFrames.frames,
    panFrameP95Ms: panFrames.p95Ms,
    panFrameWorstP95Ms: slowestPan,
    panFrameMaxMs: panFrames.maxMs ?? 0,
    panMsMed: round(
      percentile(
        pans.map((p) => p.ms),
        50,
      ),
      1,
    ),
    zoomFrameMaxMs: Math.max(...zooms.map((z) => z.frames.maxMs ?? 0)),
    zoomMsMax: Math.max(...zooms.map((z) => z.ms)),
    drawnVertices: {
      first: first.drawnVertices,
      byZoom: zooms.map((z) => ({ zoom: z.zoom, drawn: z.drawnVertices, level: z.levelVertices })),
      max: Math.max(first.drawnVertices, ...zooms.map((z) => z.drawnVertices)),
    },
  };
}

/**
 * The zooms alone (after the first paint), for the browser without its frame-rate limit: frames come
 * as soon as they are drawn, so a frame's gap is the work in it rather than a multiple of 16.7 ms.
 */
async function zoomWork(page: Page, mode: 'ours' | 'raw', n: number) {
  await page.evaluate('window.__track.keepFramesBusy()');
  if (mode === 'raw') await page.evaluate(`window.__track.prepareRaw(${n})`);
  await withTimeout(
    page.evaluate(mode === 'ours' ? `window.__track.showOurs(${n})` : 'window.__track.showRaw()'),
    `${mode} ${n} first paint (frame limit off)`,
  );
  const zooms: Zoom[] = [];
  for (const delta of [1, 1, 1, -1, -1, -1])
    zooms.push(
      (await withTimeout(
        page.evaluate(`window.__track.zoomBy(${delta})`),
        `${mode} ${n} zoom (frame limit off)`,
      )) as Zoom,
    );
  return {
    zoomFrameMaxMs: Math.max(...zooms.map((z) => z.frames.maxMs ?? 0)),
    /** Every round's slowest frame, when rounds are repeated. */
    roundsMs: undefined as number[] | undefined,
    framesPerZoom: round(
      percentile(
        zooms.map((z) => z.frames.frames),
        50,
      ),
      0,
    ),
  };
}

export type TrackRun = Awaited<ReturnType<typeof runMode>> & {
  pyramidBuildMs?: number;
  levelServerMsMax?: number;
  error?: string;
};

export async function bench9(
  browser: Browser,
  bundle: HarnessBundle,
  log: (line: string) => void,
  /** Chromium without its frame-rate limit (see zoomWork), for the zoom ratio. */
  unlimited: () => Promise<Browser>,
) {
  const runs: TrackRun[] = [];
  for (const n of SIZES) {
    const server = trackServer(n);
    log(`  #9 ${n.toLocaleString('en-US')} fixes: pyramid built in ${server.buildMs} ms (bench process, once)`);
    for (const mode of ['ours', 'raw'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await openHarness(context, bundle, 'track', mode === 'ours' ? server.answer : undefined);
        const run: TrackRun = await runMode(page, mode, n);
        if (mode === 'ours') {
          run.pyramidBuildMs = server.buildMs;
          run.levelServerMsMax = Math.max(...server.levelTimes);
        }
        runs.push(run);
        log(
          `  #9 ${mode} ${n.toLocaleString('en-US')}: first paint ${run.first.firstPaintMs} ms, pan frame p95 ${run.panFrameP95Ms} ms, zoom frame max ${run.zoomFrameMaxMs} ms, drawn ≤ ${run.drawnVertices.max}`,
        );
      } catch (err) {
        log(`  #9 ${mode} ${n.toLocaleString('en-US')}: ${(err as Error).message}`);
        runs.push({ mode, fixes: n, error: (err as Error).message } as TrackRun);
      } finally {
        await context.close();
      }
    }
  }
  const unlimitedZooms: Partial<Record<'ours' | 'raw' | 'empty', Awaited<ReturnType<typeof zoomWork>>>> = {};
  const free = await unlimited();
  try {
    const n = 1_000_000;
    const server = trackServer(n);
    // The floor: the same map and layer with a track of no vertices, so the zoom animation alone.
    const nothing = (url: URL) => {
      const level = server.answer(url);
      return level && { ...level, lat: [], lon: [], breaks: [] };
    };
    for (const mode of ['ours', 'raw', 'empty'] as const) {
      const context = await free.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const api = mode === 'ours' ? server.answer : mode === 'empty' ? nothing : undefined;
        const page = await openHarness(context, bundle, 'track', api);
        // Three rounds of the six zooms, the median round's slowest frame: on two cores one busy
        // moment of the machine (the bench process answering, a collection) is not the map's frame.
        const rounds: Awaited<ReturnType<typeof zoomWork>>[] = [];
        for (let r = 0; r < 3; r++) rounds.push(await zoomWork(page, mode === 'raw' ? 'raw' : 'ours', n));
        rounds.sort((a, b) => a.zoomFrameMaxMs - b.zoomFrameMaxMs);
        unlimitedZooms[mode] = { ...rounds[1]!, roundsMs: rounds.map((r) => r.zoomFrameMaxMs) };
        log(
          `  #9 ${mode === 'empty' ? 'empty map' : `${mode} 1,000,000`}, frame limit off: zoom frame max ${unlimitedZooms[mode].zoomFrameMaxMs} ms, median of rounds ${unlimitedZooms[mode].roundsMs?.join(' / ')} ms (${unlimitedZooms[mode].framesPerZoom} frames a zoom)`,
        );
      } catch (err) {
        log(`  #9 ${mode} 1,000,000, frame limit off: ${(err as Error).message}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await free.close();
  }
  const get = (mode: 'ours' | 'raw', n: number) =>
    runs.find((r) => r.mode === mode && r.fixes === n && !r.error) ?? null;
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? round(a / b, 1) : null);
  return {
    viewport: { width: 1280, height: 800 },
    runs,
    zoomFrameMaxRatioRawOverOurs1M: ratio(
      get('raw', 1_000_000)?.zoomFrameMaxMs,
      get('ours', 1_000_000)?.zoomFrameMaxMs,
    ),
    unlimitedZooms1M: unlimitedZooms,
    zoomFrameMaxRatioUnlimited1M: ratio(unlimitedZooms.raw?.zoomFrameMaxMs, unlimitedZooms.ours?.zoomFrameMaxMs),
    /** The most any track could reach here: raw against an empty map's zoom. */
    zoomFrameMaxRatioCeiling1M: ratio(unlimitedZooms.raw?.zoomFrameMaxMs, unlimitedZooms.empty?.zoomFrameMaxMs),
    firstPaintRatioRawOverOurs1M: ratio(
      get('raw', 1_000_000)?.first.firstPaintMs,
      get('ours', 1_000_000)?.first.firstPaintMs,
    ),
    goals: { firstPaintMs: 300, panFrameP95Ms: 16.7, zoomFrameMaxMs: 50, zoomRatio: 40, verticesPerViewportPx: 2 },
    method:
      'harness page (esbuild) with Leaflet 1.9 canvas renderer at 1280×800, no basemap; track generated with the same fixture in the page (raw) and in the bench process (ours: lib/series buildTrackPyramid once, a level per zoom answered through request interception); pans are mouse drags held still before release (no inertia); frame gaps from requestAnimationFrame; pan frame p95 = 95th percentile of every frame gap of the 20 pans pooled (mousedown → 2 frames after moveend); the 1M zooms are measured again in a Chromium without its frame-rate limit (--disable-frame-rate-limit --disable-gpu-vsync), where a frame gap is the work in it, not a multiple of the 60 Hz frame (a 1-px element changes every frame, so Chromium does not space out frames that change nothing; three rounds of the six zooms; the slowest frame of the median round), and so is the same map with a track of no vertices (the zoom animation alone: the floor); ours draws with the product track layer, whose worker paints the canvas, and each pan, zoom and first paint ends only once the worker picture of the new view is shown',
  };
}

type Row = [string, string, string, string];
const ms = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v} ms`);

export function rows9(b: Awaited<ReturnType<typeof bench9>>): Row[] {
  const rows: Row[] = [];
  for (const n of SIZES) {
    const ours = b.runs.find((r) => r.mode === 'ours' && r.fixes === n);
    const raw = b.runs.find((r) => r.mode === 'raw' && r.fixes === n);
    const k = `${n / 1000}k`;
    if (!ours || ours.error) {
      rows.push([`#9 track ${k}`, ours?.error ?? 'not run', '', '']);
      continue;
    }
    const rawOk = raw && !raw.error ? raw : null;
    const big = n === 1_000_000;
    rows.push(
      [
        `#9 track ${k}: first paint`,
        `${ms(ours.first.firstPaintMs)} (with its 2 level requests ${ms(ours.first.withRequestsMs)}; pyramid built once ${ms(ours.pyramidBuildMs)})`,
        `raw ${rawOk ? ms(rawOk.first.firstPaintMs) : raw?.error}`,
        big ? `≤ 300 ms: ${ours.first.firstPaintMs <= 300 ? 'meets' : 'MISS'}` : '',
      ],
      [
        `#9 track ${k}: pan frame p95 (20 pans)`,
        `${ms(ours.panFrameP95Ms)} (slowest pan's p95 ${ms(ours.panFrameWorstP95Ms)}, max frame ${ms(ours.panFrameMaxMs)})`,
        `raw ${rawOk ? `${ms(rawOk.panFrameP95Ms)} (max ${ms(rawOk.panFrameMaxMs)})` : 'n/a'}`,
        big ? `≤ 16.7 ms: ${ours.panFrameP95Ms !== null && ours.panFrameP95Ms <= ONE_FRAME_MS ? 'meets' : 'MISS'}` : '',
      ],
      [
        `#9 track ${k}: zoom frame max (3 in, 3 out)`,
        `${ms(ours.zoomFrameMaxMs)} (slowest zoom ${ms(ours.zoomMsMax)} incl. its level request)`,
        `raw ${rawOk ? `${ms(rawOk.zoomFrameMaxMs)} (slowest zoom ${ms(rawOk.zoomMsMax)})` : 'n/a'}`,
        big
          ? `${b.zoomFrameMaxRatioRawOverOurs1M ?? 'n/a'}× better at 60 Hz; ≤ 50 ms: ${ours.zoomFrameMaxMs <= 50 ? 'meets' : 'MISS'}`
          : rawOk
            ? `${round(rawOk.zoomFrameMaxMs / ours.zoomFrameMaxMs, 1)}× better`
            : '',
      ],
      ...(big
        ? [
            [
              '#9 track 1M: zoom frame max, frame limit off',
              ms(b.unlimitedZooms1M.ours?.zoomFrameMaxMs),
              `raw ${ms(b.unlimitedZooms1M.raw?.zoomFrameMaxMs)}`,
              `${b.zoomFrameMaxRatioUnlimited1M ?? 'n/a'}× better / ≥ 40×: ${b.zoomFrameMaxRatioUnlimited1M !== null && b.zoomFrameMaxRatioUnlimited1M >= 40 ? 'meets' : 'MISS'}`,
            ] as Row,
            [
              '#9 empty map: zoom frame max, frame limit off',
              ms(b.unlimitedZooms1M.empty?.zoomFrameMaxMs),
              'the same map and layer, no vertices',
              `the floor here: no track can beat raw by more than ${b.zoomFrameMaxRatioCeiling1M ?? 'n/a'}×`,
            ] as Row,
          ]
        : []),
      [
        `#9 track ${k}: vertices drawn (max over zooms)`,
        `${ours.drawnVertices.max} (levels ${ours.drawnVertices.byZoom.map((z) => `z${z.zoom}:${z.level ?? '='}`).join(' ')})`,
        `raw ${rawOk?.drawnVertices.max ?? 'n/a'}`,
        `≤ 2 × 1280 = 2,560: ${ours.drawnVertices.max <= 2_560 ? 'meets' : 'MISS'}`,
      ],
    );
  }
  return rows;
}
