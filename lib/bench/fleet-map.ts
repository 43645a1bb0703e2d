/**
 * Benchmark #10: the fleet map's current locations of 50,000 routers — the product's own /map page
 * (production build) against the simulated 50k fleet, the cluster index of lib/fleet/map-index.ts —
 * against the anchor of 10,000 canvas circleMarkers drawn raw (harness/markers-page.ts), same run.
 * - server: the map index built from the 50k rows the app serves (at once, and in slices as the
 *   app builds it off the request path: longest slice), and the per-viewport query at zooms 3–14
 *   over the five metros and random US views (1280 × 800);
 * - browser: main-thread blocking while /map loads (long tasks from navigation to the map settled),
 *   20 pans of 150 px at the opening zoom and 20 at zoom 12 over Chicago (frames from mousedown
 *   until the new viewport's symbols are drawn), and the symbols drawn at every zoom from 3 to 14
 *   over Seattle, Chicago and Atlanta (mouse-wheel zoom about the metro).
 */
import type { Browser, Page } from '@playwright/test';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { buildMapIndex, buildMapIndexInSlices, type MapIndex, queryMapIndex } from '@/lib/fleet/map-index';
import type { BenchApp } from './app';
import type { StorageState } from './browser';
import { FLEET_METROS, random } from './harness/fixtures';
import { type HarnessBundle, mapProbeScript, openHarness } from './harness/serve';
import { drag, PANS_150 } from './pointer';
import { ONE_FRAME_MS, percentile, pooledFrames, round } from './stats';

const VIEW = { width: 1280, height: 800 };
const ZOOMS = Array.from({ length: 12 }, (_, i) => 3 + i);
const ANCHOR_MARKERS = 10_000;
/** West, middle and east: the zoom walk 3 → 14 goes down over each (every metro adds about a minute). */
const ZOOM_METROS = FLEET_METROS.filter((m) => ['SEA', 'CHI', 'ATL'].includes(m.code));

interface FrameStats {
  frames: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  gaps: number[];
}
interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
  blockingMs: number;
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOf = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/** The bbox of a 1280 × 800 view centred at (lat, lon) at `zoom`, as the map sends it. */
function viewBox(lat: number, lon: number, zoom: number): [number, number, number, number] {
  const degPerPx = 360 / (256 * 2 ** zoom);
  const radPerPx = (2 * Math.PI) / (256 * 2 ** zoom);
  const y = mercY(lat);
  const clamp = (n: number, lim: number) => Math.max(-lim, Math.min(lim, n));
  return [
    clamp(lon - (VIEW.width / 2) * degPerPx, 180),
    clamp(latOf(y - (VIEW.height / 2) * radPerPx), 90),
    clamp(lon + (VIEW.width / 2) * degPerPx, 180),
    clamp(latOf(y + (VIEW.height / 2) * radPerPx), 90),
  ];
}

/** Every row the app serves, through its own API (the rows its map index is built from). */
async function servedRows(app: BenchApp, state: StorageState): Promise<FleetRouterRow[]> {
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const rows: FleetRouterRow[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const response = await fetch(`${app.baseUrl}/api/fleet/routers?sort=name&limit=1000&offset=${offset}`, {
      headers: { Cookie: cookie, Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`GET /api/fleet/routers: ${response.status}`);
    const page = (await response.json()) as { rows: FleetRouterRow[]; total: number };
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

async function serverSide(rows: FleetRouterRow[]) {
  const builds: number[] = [];
  let index: MapIndex | null = null;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    index = buildMapIndex(rows);
    builds.push(performance.now() - t);
  }
  const sliced = await (async () => {
    const t = performance.now();
    const built = await buildMapIndexInSlices(rows);
    return {
      wallMs: round(performance.now() - t, 0),
      slices: built.slices,
      longestSliceMs: round(built.longestSliceMs, 1),
    };
  })();
  const rnd = random(12);
  const centres = [
    ...FLEET_METROS.map((m) => ({ lat: m.lat, lon: m.lon })),
    ...Array.from({ length: 10 }, () => ({ lat: 27 + rnd() * 21, lon: -122 + rnd() * 50 })),
  ];
  const times: number[] = [];
  const byZoom: Array<{ zoom: number; symbolsMax: number; symbolsMed: number; capped: number; queryP50Ms: number }> =
    [];
  for (const zoom of ZOOMS) {
    const symbols: number[] = [];
    const zoomTimes: number[] = [];
    let capped = 0;
    for (const c of centres) {
      const bbox = viewBox(c.lat, c.lon, zoom);
      for (let r = 0; r < 5; r++) {
        const t = performance.now();
        const answer = queryMapIndex(index!, bbox, zoom);
        const ms = performance.now() - t;
        times.push(ms);
        zoomTimes.push(ms);
        if (r === 0) {
          symbols.push(answer.clusters.length + answer.routers.length);
          if (answer.capped) capped++;
        }
      }
    }
    byZoom.push({
      zoom,
      symbolsMax: Math.max(...symbols),
      symbolsMed: percentile(symbols, 50),
      capped,
      queryP50Ms: round(percentile(zoomTimes, 50), 3),
    });
  }
  return {
    rows: rows.length,
    located: index!.located,
    buildMs: { runs: builds.map((b) => round(b, 0)), med: round(percentile(builds, 50), 0) },
    sliced,
    query: {
      viewports: centres.length * ZOOMS.length,
      p50Ms: round(percentile(times, 50), 3),
      p95Ms: round(percentile(times, 95), 3),
      maxMs: round(Math.max(...times), 2),
    },
    byZoom,
  };
}

type Probe = {
  nextPaint(): Promise<number>;
  quiet(s: string, q: number, t?: number, first?: number): Promise<number>;
  frameStats(a: number, b: number): FrameStats;
  longTasks(a: number, b: number): LongTasks;
};
declare const window: { __probe: Probe; __mapBench: { downAt: number | null; firstSymbolAt: number | null } };

const symbolsDrawn = (page: Page) => page.evaluate(() => document.querySelectorAll('.map-cluster, .map-router').length);

/** The bbox and zoom of the map's last viewport request. */
function viewportOf(url: string): { bbox: number[]; zoom: number } {
  const params = new URL(url).searchParams;
  return { bbox: (params.get('bbox') ?? '').split(',').map(Number), zoom: Number(params.get('zoom')) };
}

const isMapCall = (url: string) => url.includes('/api/fleet/map?');

/**
 * Does `action`, waits for the map's next viewport request whose zoom passes `zoomOk`, then for the
 * map to redraw and stay still (the redraw of identical data may not come: then 1 s of waiting).
 */
async function settled(
  page: Page,
  zoomOk: (zoom: number) => boolean,
  action: () => Promise<void>,
): Promise<{ url: string; requestMs: number; end: number }> {
  const response = page.waitForResponse((r) => isMapCall(r.url()) && zoomOk(viewportOf(r.url()).zoom), {
    timeout: 60_000,
  });
  await action();
  const r = await response;
  await r.finished();
  const timing = r.request().timing();
  const last = await page.evaluate(() => window.__probe.quiet('.leaflet-map-pane', 150, 20_000, 1_000));
  const end = await page.evaluate(() => window.__probe.nextPaint());
  return { url: r.url(), requestMs: round(timing.responseEnd, 1), end: Math.max(last, end) };
}

async function mapPans(page: Page) {
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const pans: Array<{ ms: number; frames: FrameStats; longTasks: LongTasks; requestMs: number; symbols: number }> = [];
  for (const [dx, dy] of PANS_150) {
    const done = await settled(
      page,
      () => true,
      () => drag(page, { x: centre.x - dx / 2, y: centre.y - dy / 2 }, dx, dy),
    );
    const t0 = (await page.evaluate(() => window.__mapBench.downAt))!;
    const stats = await page.evaluate(
      ([a, b]) => ({ frames: window.__probe.frameStats(a!, b!), longTasks: window.__probe.longTasks(a!, b!) }),
      [t0, done.end],
    );
    pans.push({ ms: round(done.end - t0, 1), ...stats, requestMs: done.requestMs, symbols: await symbolsDrawn(page) });
  }
  return pans;
}

/** Pan frames pooled over the 20 pans; each pan's own figures kept without its gaps. */
const summarisePans = <T extends { ms: number; frames: FrameStats; longTasks: LongTasks }>(pans: T[]) => {
  const pooled = pooledFrames(pans);
  return {
    frames: pooled.frames,
    panFrameP95Ms: pooled.p95Ms,
    panFrameMaxMs: pooled.maxMs,
    slowestPanP95Ms: pans.length > 0 ? Math.max(...pans.map((p) => p.frames.p95Ms ?? 0)) : null,
    panMsMed:
      pans.length > 0
        ? round(
            percentile(
              pans.map((p) => p.ms),
              50,
            ),
            1,
          )
        : null,
    longTasks: pans.reduce((n, p) => n + p.longTasks.count, 0),
    samples: pans.map(({ frames: { gaps: _, ...frames }, ...p }) => ({ ...p, frames })),
  };
};

/** Wheel steps about the metro until the map is at `target`; the symbols of each zoom on the way. */
async function zoomThrough(
  page: Page,
  metro: { lat: number; lon: number },
  from: { bbox: number[]; zoom: number },
  target: number,
  record: (zoom: number, symbols: number, requestMs: number) => void,
) {
  let view = from;
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  for (let steps = 0; view.zoom !== target; steps++) {
    if (steps > 30) throw new Error(`the map did not reach zoom ${target} (at ${view.zoom})`);
    const [west, , east, north] = view.bbox as [number, number, number, number];
    const degPerPx = 360 / (256 * 2 ** view.zoom);
    // The west edge is clamped at −180 on a wide view: measure from the east edge then.
    const inside = (v: number, lo: number, size: number) => Math.max(lo + 5, Math.min(lo + size - 5, v));
    const x = inside(
      box.x + (west > -180 ? (metro.lon - west) / degPerPx : box.width - (east - metro.lon) / degPerPx),
      box.x,
      box.width,
    );
    const radPerPx = (2 * Math.PI) / (256 * 2 ** view.zoom);
    const y = inside(box.y + (mercY(north) - mercY(metro.lat)) / radPerPx, box.y, box.height);
    const step = target > view.zoom ? 1 : -1;
    const from = view.zoom;
    const done = await settled(
      page,
      (zoom) => zoom !== from,
      async () => {
        await page.mouse.move(x, y);
        // 50 px of wheel is one zoom level in Leaflet (Chromium on Linux, device pixel ratio 1).
        await page.mouse.wheel(0, step > 0 ? -50 : 50);
      },
    );
    view = viewportOf(done.url);
    record(view.zoom, await symbolsDrawn(page), done.requestMs);
  }
  return view;
}

async function ours(
  browser: Browser,
  bundle: HarnessBundle,
  app: BenchApp,
  state: StorageState,
  log: (line: string) => void,
) {
  const context = await browser.newContext({ viewport: VIEW, baseURL: app.baseUrl, storageState: state });
  await context.addInitScript({ content: mapProbeScript(bundle) });
  // tsx (esbuild keepNames) may wrap functions given to page.evaluate in __name().
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  try {
    const page = await context.newPage();
    // Load: navigation start (time 0) → the first viewport's symbols and the basemap drawn and still.
    const firstView = page.waitForResponse((r) => isMapCall(r.url()), { timeout: 60_000 });
    await page.goto('/map');
    const firstResponse = await firstView;
    await page.locator('.map-cluster').first().waitFor({ timeout: 60_000 });
    const quietAt = await page.evaluate(() => window.__probe.quiet('.leaflet-map-pane', 500, 30_000));
    const load = await page.evaluate(
      (end) => ({ firstSymbolAt: window.__mapBench.firstSymbolAt, longTasks: window.__probe.longTasks(0, end) }),
      quietAt,
    );
    const loadResult = {
      symbolsAtMs: load.firstSymbolAt === null ? null : round(load.firstSymbolAt, 0),
      settledAtMs: round(quietAt, 0),
      longTasks: load.longTasks,
      symbols: await symbolsDrawn(page),
      firstRequestMs: round(firstResponse.request().timing().responseEnd, 1),
    };
    log(
      `  #10 /map load: symbols at ${loadResult.symbolsAtMs} ms, settled ${loadResult.settledAtMs} ms, blocking ${load.longTasks.blockingMs} ms (${load.longTasks.count} long tasks, max ${load.longTasks.maxMs} ms)`,
    );
    const pansOpening = await mapPans(page);
    log(`  #10 /map pans at zoom 4: frame p95 ${summarisePans(pansOpening).panFrameP95Ms} ms`);

    // Zoom 3 → 14 over each metro, from a fresh page at the opening view each time.
    const symbolsByZoom = new Map<number, number[]>();
    const requestByZoom = new Map<number, number[]>();
    const record = (zoom: number, symbols: number, requestMs: number) => {
      symbolsByZoom.set(zoom, [...(symbolsByZoom.get(zoom) ?? []), symbols]);
      requestByZoom.set(zoom, [...(requestByZoom.get(zoom) ?? []), requestMs]);
    };
    let pansDeep: Awaited<ReturnType<typeof mapPans>> = [];
    for (const metro of ZOOM_METROS) {
      const opening = page.waitForResponse((r) => isMapCall(r.url()), { timeout: 60_000 });
      await page.goto('/map');
      let view = viewportOf((await opening).url());
      await page.locator('.map-cluster').first().waitFor({ timeout: 60_000 });
      await page.evaluate(() => window.__probe.quiet('.leaflet-map-pane', 300, 20_000));
      view = await zoomThrough(page, metro, view, ZOOMS[0]!, record);
      view = await zoomThrough(page, metro, view, ZOOMS.at(-1)!, record);
      if (metro.code === 'CHI') {
        // Chicago at zoom 12: single routers by the hundred, the heaviest view to pan.
        await zoomThrough(page, metro, view, 12, () => undefined);
        pansDeep = await mapPans(page);
        log(
          `  #10 /map pans at zoom 12 over ${metro.code}: frame p95 ${summarisePans(pansDeep).panFrameP95Ms} ms, ${pansDeep[0]?.symbols} symbols`,
        );
      }
    }
    const zooms = ZOOMS.map((zoom) => {
      const s = symbolsByZoom.get(zoom) ?? [];
      const q = requestByZoom.get(zoom) ?? [];
      return {
        zoom,
        symbolsMax: s.length ? Math.max(...s) : null,
        symbolsMed: s.length ? percentile(s, 50) : null,
        requestMedMs: q.length ? round(percentile(q, 50), 1) : null,
      };
    });
    return {
      load: loadResult,
      pansAtOpening: summarisePans(pansOpening),
      pansAtZoom12: summarisePans(pansDeep),
      zooms,
    };
  } finally {
    await context.close();
  }
}

async function anchor(browser: Browser, bundle: HarnessBundle) {
  const context = await browser.newContext({ viewport: VIEW });
  try {
    const page = await openHarness(context, bundle, 'markers');
    const load = (await page.evaluate(`window.__markers.load(${ANCHOR_MARKERS})`)) as {
      ms: number;
      symbols: number;
      longTasks: LongTasks;
    };
    const box = (await page.locator('.leaflet-container').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const pans: Array<{ ms: number; frames: FrameStats; longTasks: LongTasks }> = [];
    for (const [dx, dy] of PANS_150) {
      await page.evaluate('window.__markers.armPan()');
      await drag(page, { x: centre.x - dx / 2, y: centre.y - dy / 2 }, dx, dy);
      pans.push((await page.evaluate('window.__markers.result()')) as (typeof pans)[number]);
    }
    return { markers: ANCHOR_MARKERS, load, pans: summarisePans(pans) };
  } finally {
    await context.close();
  }
}

export async function bench10(
  browser: Browser,
  bundle: HarnessBundle,
  app: BenchApp,
  state: StorageState,
  log: (line: string) => void,
) {
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  // The first map request after start builds the index for its filters (the one build a request
  // waits for); measured here, then the browser sees the steady state.
  const t = performance.now();
  const cold = await fetch(`${app.baseUrl}/api/fleet/map?zoom=4&bbox=-125,24,-66,50`, { headers: { Cookie: cookie } });
  await cold.arrayBuffer();
  const firstRequestMs = round(performance.now() - t, 0);
  const rows = await servedRows(app, state);
  const server = await serverSide(rows);
  log(
    `  #10 server: index build ${server.buildMs.med} ms at once (${server.rows} rows, ${server.located} located), in slices ${server.sliced.wallMs} ms wall, longest slice ${server.sliced.longestSliceMs} ms; query p50 ${server.query.p50Ms} ms, max ${server.query.maxMs} ms`,
  );
  const browserSide = await ours(browser, bundle, app, state, log);
  const base = await anchor(browser, bundle);
  log(
    `  #10 anchor ${ANCHOR_MARKERS} canvas circleMarkers: load ${base.load.ms} ms (blocking ${base.load.longTasks.blockingMs} ms), pan frame p95 ${base.pans.panFrameP95Ms} ms`,
  );
  const panRatio =
    browserSide.pansAtOpening.panFrameP95Ms && base.pans.panFrameP95Ms
      ? round(base.pans.panFrameP95Ms / browserSide.pansAtOpening.panFrameP95Ms, 1)
      : null;
  return {
    routers: app.routers,
    firstMapRequestAfterStartMs: firstRequestMs,
    server,
    ours: browserSide,
    anchor: base,
    panP95RatioAnchorOverOurs: panRatio,
    goals: { blockingMs: 50, queryMs: 1, symbolsPerViewport: 2_000, panFrameP95Ms: 16.7, panRatio: 4 },
    method:
      'server: the map index of lib/fleet/map-index.ts over the rows /api/fleet/routers serves, in the bench process; browser: the production /map page with probes injected before its scripts (requestAnimationFrame gaps, long tasks), pans as mouse drags held still before release, zoom by mouse wheel about each metro; anchor: a harness page with 10,000 Leaflet canvas circleMarkers at the same opening view',
  };
}

type Row = [string, string, string, string];
const ms = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v} ms`);

export function rows10(b: Awaited<ReturnType<typeof bench10>>): Row[] {
  const s = b.server;
  const o = b.ours;
  const a = b.anchor;
  const maxSymbols = Math.max(...o.zooms.map((z) => z.symbolsMax ?? 0));
  return [
    [
      '#10 map index build, 50k (server)',
      `${ms(s.buildMs.med)} at once; off the request path in ${s.sliced.slices} slices, longest ${ms(s.sliced.longestSliceMs)}`,
      `first /api/fleet/map after start ${ms(b.firstMapRequestAfterStartMs)}`,
      'built on the server, not in the browser',
    ],
    [
      '#10 per-viewport query, zooms 3–14',
      `p50 ${ms(s.query.p50Ms)}, p95 ${ms(s.query.p95Ms)}, max ${ms(s.query.maxMs)} (${s.query.viewports} viewports)`,
      '',
      `≤ 1 ms: ${s.query.p95Ms <= 1 ? 'meets' : 'MISS'} (p95)`,
    ],
    [
      '#10 /map load: main-thread blocking',
      `${ms(o.load.longTasks.blockingMs)} TBT (${o.load.longTasks.count} long tasks, max ${ms(o.load.longTasks.maxMs)}); symbols at ${ms(o.load.symbolsAtMs)}`,
      `10k circleMarkers: TBT ${ms(a.load.longTasks.blockingMs)}, drawn in ${ms(a.load.ms)}`,
      `≤ 50 ms: ${o.load.longTasks.blockingMs <= 50 ? 'meets' : 'MISS'}`,
    ],
    [
      '#10 /map pan frame p95, zoom 4 (20 × 150 px)',
      `${ms(o.pansAtOpening.panFrameP95Ms)} (max frame ${ms(o.pansAtOpening.panFrameMaxMs)})`,
      `10k circleMarkers ${ms(a.pans.panFrameP95Ms)} (max ${ms(a.pans.panFrameMaxMs)})`,
      `${b.panP95RatioAnchorOverOurs ?? 'n/a'}× better / ≥ 4×; ≤ 16.7 ms: ${o.pansAtOpening.panFrameP95Ms !== null && o.pansAtOpening.panFrameP95Ms <= ONE_FRAME_MS ? 'meets' : 'MISS'}`,
    ],
    [
      '#10 /map pan frame p95, zoom 12 over Chicago',
      `${ms(o.pansAtZoom12.panFrameP95Ms)} (max frame ${ms(o.pansAtZoom12.panFrameMaxMs)}; ${o.pansAtZoom12.samples[0]?.symbols ?? '?'} symbols)`,
      '',
      'info',
    ],
    [
      '#10 symbols drawn, zooms 3–14 (max per zoom)',
      o.zooms.map((z) => `z${z.zoom}:${z.symbolsMax ?? '?'}`).join(' '),
      `anchor draws all ${a.markers.toLocaleString('en-US')}`,
      `≤ 2,000: ${maxSymbols <= 2_000 ? 'meets' : 'MISS'}`,
    ],
  ];
}
