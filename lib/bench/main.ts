/**
 * `npm run bench`: benchmarks #1–#3 against the NCM simulator, each beside its anchor in the same
 * process. Prints a table and writes reports/bench.json. Numbers are for comparison (ratios); timing
 * is never asserted here.
 *
 * #1 Upstream calls vs viewers: a warm 10k snapshot, 1/10/100 viewers polling the fleet query every
 *    30 s, time compressed ×10 (poll/full-sync intervals, the call budget window and the simulator's
 *    rate limit scaled alike); calls/min = incremental polls + the full sync amortised over 15 min.
 *    Anchor: a naive pass-through paging every router per viewer poll.
 * #2 Cold sync of 50k routers with 500 ms per page: calls vs ⌈N/500⌉, 429s, redirects, first rows,
 *    routers and net-devices wall time. Anchor: serial paging (computed: pages × latency).
 * #3 Cache-hit cost: the data path on a warm snapshot (query + DTO + JSON) and the 304 path, vs a
 *    direct simulator call for a 100-router page.
 * #4 JS on first load of /routers in Chromium (production build), vs the /login framework floor.
 * #5 Router table in Chromium on a 50k fleet vs a 1k fleet in the same run: rows painted after data,
 *    sort and filter answered, long tasks (see browser.ts).
 * #8 Signal chart in Chromium: the product's chart on 100k and 1M samples (server-style downsampling)
 *    vs itself at 1k and vs naive recharts with every sample (see chart.ts).
 * #9 Vehicle track of 200k and 1M fixes on a Leaflet canvas map: the per-zoom pyramid vs the raw
 *    polyline (see track.ts).
 * #10 Fleet map of 50k routers: the map index on the server, and the production /map page, vs 10k
 *    canvas circleMarkers drawn raw (see fleet-map.ts). #8–#10 load harness pages built with esbuild
 *    into memory (harness/), never part of the app.
 * #12 Lab Web Vitals (LCP, CLS, INP) of /, /routers, a router page, /field and a field view on a phone
 *    (390 × 844, touch, CPU slowed 4×) beside the desktop figures, production build, 1k fleet (see
 *    vitals.ts). `--only 12` or `--only vitals` runs it alone.
 * #11 Mixed workload (production build, 5k fleet, production call budget): 1/20/100 viewers, each its
 *    own login, loading the table API, the alert feed and the dashboard pages every 5 s; NCM calls/min
 *    counted on the wire by a proxy, by NCM path. Anchor: the one-viewer window of the same run (see
 *    mixed.ts). About 10 minutes; `--only 11` or `--only mixed` runs it alone.
 * #13 One router's Signal and Location tabs opened by 1 and then 20 viewers at once (production build,
 *    1k fleet, production call budget): NCM calls to the time-series resources counted on the wire.
 *    Anchor: the one-viewer round (see series-sharing.ts). `--only 13` or `--only sharing`.
 *
 * `npm run bench -- --only 4,5` runs a subset; reports/bench.json keeps the other benchmarks' last
 * results (each with its own timestamp).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fleetRoutersQuerySchema, type FleetRoutersQuery } from '@/lib/dto/fleet';
import { ncmFleetUpstream } from '@/lib/fleet/ncm-upstream';
import {
  fleetIndexFor,
  fleetIndexSettled,
  fleetIndexStats,
  prepareFleetIndex,
  queryFleet,
  resetFleetIndexStore,
} from '@/lib/fleet/index-store';
import { type FullSyncPhase, FleetSync } from '@/lib/fleet/sync';
import { NcmCallBudget, setNcmCallBudget } from '@/lib/ncm/budget';
import { resetNcmConfigForTests } from '@/lib/ncm/config';
import { resetNcmHttpDepsForTests } from '@/lib/ncm/http';
import { ensureBuild, startApp } from './app';
import { bench4, launchChromium, signIn, type TableRun, tableRun, waitForSnapshot } from './browser';
import { bench8, rows8 } from './chart';
import { bench10, rows10 } from './fleet-map';
import { bundleHarness, type HarnessBundle } from './harness/serve';
import { bench11, printMixed } from './mixed';
import { bench13 } from './series-sharing';
import { bench12, VITALS_GOALS, type VitalsResult, type VitalsSummary } from './vitals';
import { type BenchSimulator, startSimulator } from './simulator';
import { percentile, round, simHeaders, sleep } from './stats';
import { bench9, rows9 } from './track';

const SCALE = 10;
const POLL_S = 30;
const FULL_SYNC_MIN = 15;
/** Real seconds each viewer-count run lasts (× SCALE in simulated time). */
const WINDOW_REAL_S = 20;
const WINDOW_SIM_MIN = (WINDOW_REAL_S * SCALE) / 60;

function pointNcmAt(sim: BenchSimulator, budget: { perMinute: number; windowMs: number }): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('NCM_')) delete process.env[key];
  process.env.SIMULATOR_PORT = String(sim.port);
  resetNcmConfigForTests();
  resetNcmHttpDepsForTests();
  setNcmCallBudget(new NcmCallBudget({ perMinute: budget.perMinute, windowMs: budget.windowMs }));
}

const count429 = async (sim: BenchSimulator) => (await sim.stats()).status['429'] ?? 0;
const countRedirects = async (sim: BenchSimulator) =>
  Object.entries((await sim.stats()).status)
    .filter(([s]) => s.startsWith('3'))
    .reduce((n, [, c]) => n + c, 0);

interface ViewerRun {
  viewers: number;
  /** NCM calls during the window (incremental polls only: the snapshot was warm). */
  pollCalls: number;
  pollCallsPerMin: number;
  /** Poll calls plus the full sync's calls spread over its interval: the steady-state rate. */
  callsPerMin: number;
  callsPerViewerMin: number;
  http429: number;
  stalenessP95s: number;
  requests: number;
  /** How the table's index followed the polls: patched from the journal or rebuilt. */
  indexUpdates: { patched: number; built: number };
}

function compressedSync(): FleetSync {
  const sync: FleetSync = new FleetSync({
    upstream: ncmFleetUpstream,
    config: {
      pollMs: (POLL_S * 1000) / SCALE,
      fullSyncMs: (FULL_SYNC_MIN * 60_000) / SCALE,
      maxStaleMs: (60 * 60_000) / SCALE,
      pageSize: 500,
      concurrency: 4,
    },
    // As the app's own sync does (lib/fleet/index.ts): the table's index follows each refresh.
    onRefreshed: () => setImmediate(() => prepareFleetIndex(sync.view())),
  });
  return sync;
}

async function viewersRun(
  sim: BenchSimulator,
  sync: FleetSync,
  viewers: number,
  fullSyncCalls: number,
): Promise<ViewerRun> {
  const pollMs = (POLL_S * 1000) / SCALE;
  const before429 = await count429(sim);
  const indexBefore = fleetIndexStats();
  const callsBefore = sync.getStats().totalCalls;
  const query: FleetRoutersQuery = fleetRoutersQuerySchema.parse({ sort: 'name', limit: 100 });
  const staleness: number[] = [];
  let requests = 0;
  const end = performance.now() + WINDOW_REAL_S * 1000;
  const viewer = async (phase: number) => {
    await sleep(phase);
    while (performance.now() < end) {
      const started = performance.now();
      try {
        const view = await sync.read();
        const page = queryFleet(view, query);
        JSON.stringify(page);
        // The time of the rows actually served (the index may trail the snapshot for a moment).
        if (page.asOf !== null) staleness.push(((Date.now() - Date.parse(page.asOf)) * SCALE) / 1000);
      } catch {
        // counted by the sync's failure counter
      }
      requests++;
      await sleep(Math.max(0, pollMs - (performance.now() - started)));
    }
  };
  await Promise.all(Array.from({ length: viewers }, (_, i) => viewer((i * pollMs) / viewers)));
  const pollCalls = sync.getStats().totalCalls - callsBefore;
  const pollCallsPerMin = pollCalls / WINDOW_SIM_MIN;
  const callsPerMin = pollCallsPerMin + fullSyncCalls / FULL_SYNC_MIN;
  return {
    viewers,
    pollCalls,
    pollCallsPerMin: round(pollCallsPerMin, 1),
    callsPerMin: round(callsPerMin, 1),
    callsPerViewerMin: round(callsPerMin / viewers, 2),
    http429: (await count429(sim)) - before429,
    stalenessP95s: round(percentile(staleness, 95), 1),
    requests,
    indexUpdates: {
      patched: fleetIndexStats().patched - indexBefore.patched,
      built: fleetIndexStats().built - indexBefore.built,
    },
  };
}

/** The anchor: a BFF that pages NCM for every viewer request (sequentially, 500 per page). */
async function naiveRound(
  sim: BenchSimulator,
  viewers: number,
): Promise<{ calls: number; http429: number; failedViewers: number }> {
  const headers = simHeaders(sim.keys);
  let calls = 0;
  let http429 = 0;
  let failedViewers = 0;
  const viewer = async () => {
    for (let offset = 0; ; offset += 500) {
      calls++;
      const response = await fetch(`${sim.baseUrl}/routers/?limit=500&offset=${offset}`, { headers });
      if (response.status === 429) {
        http429++;
        failedViewers++;
        await response.arrayBuffer();
        return;
      }
      const body = (await response.json()) as { meta: { next: string | null } };
      if (body.meta.next === null) return;
    }
  };
  await Promise.all(Array.from({ length: viewers }, viewer));
  return { calls, http429, failedViewers };
}

async function bench1() {
  const sim = await startSimulator({
    routers: 10_000,
    seed: 42,
    rateLimitPerMinute: 500 * SCALE,
    faults: { latencyMs: 300 / SCALE, latencyJitterMs: 500 / SCALE },
  });
  pointNcmAt(sim, { perMinute: 400, windowMs: 60_000 / SCALE });
  // One cold full sync (its cost recurs every FULL_SYNC_MIN and is amortised into calls/min below).
  const sync = compressedSync();
  const coldStart = performance.now();
  await sync.refresh();
  const coldSync = {
    calls: sync.getStats().totalCalls,
    byKind: sync.getStats().calls,
    wallMs: round(performance.now() - coldStart, 0),
  };
  const runs: ViewerRun[] = [];
  for (const viewers of [1, 10, 100]) runs.push(await viewersRun(sim, sync, viewers, coldSync.calls));
  // Anchor: one poll round of the naive pass-through (calls per viewer poll), measured at 10 viewers.
  const naive = await naiveRound(sim, 10);
  const perViewerPoll = naive.calls / 10;
  const naivePerMin100 = perViewerPoll * 100 * (60 / POLL_S);
  await sim.close();
  // The naive round again at 100 viewers against an unscaled 500/min simulator: how many get 429.
  const limited = await startSimulator({ routers: 10_000, seed: 42, rateLimitPerMinute: 500 });
  const naive100 = await naiveRound(limited, 100);
  await limited.close();
  const ours100 = runs.find((r) => r.viewers === 100)!;
  return {
    warm: sync,
    result: {
      fleet: 10_000,
      timeCompression: SCALE,
      pollSeconds: POLL_S,
      fullSyncMinutes: FULL_SYNC_MIN,
      windowSimMinutes: WINDOW_SIM_MIN,
      coldSync,
      runs,
      naive: { callsPerViewerPoll: perViewerPoll, callsPerMinAt100: naivePerMin100, oneRoundAt100: naive100 },
      ratioNaiveOverOursAt100: round(naivePerMin100 / ours100.callsPerMin, 1),
    },
  };
}

async function bench2() {
  const routers = 50_000;
  const latencyMs = 500;
  const sim = await startSimulator({ routers, seed: 7, faults: { latencyMs } });
  // The goal's "page latency": one 500-router page from the same simulator, fetched alone and
  // parsed, as the anchor for the first rows (its own record building adds to the 500 ms).
  const onePage: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const response = await fetch(`${sim.baseUrl}/routers/?limit=500&offset=${i * 500}`, {
      headers: simHeaders(sim.keys),
    });
    JSON.parse(await response.text());
    onePage.push(performance.now() - t);
  }
  const onePageMs = percentile(onePage, 50);
  pointNcmAt(sim, { perMinute: 400, windowMs: 60_000 });
  const marks: Partial<Record<FullSyncPhase | 'firstRead', number>> = {};
  const t0 = performance.now();
  let sync: FleetSync | null = null;
  const netDevicesDone = new Promise<void>((resolve) => {
    sync = new FleetSync({
      upstream: ncmFleetUpstream,
      config: { pollMs: 30_000, fullSyncMs: 15 * 60_000, maxStaleMs: 60 * 60_000, pageSize: 500, concurrency: 4 },
      onPhase: (phase) => {
        marks[phase] = performance.now() - t0;
        if (phase === 'netDevices') resolve();
      },
    });
  });
  const s = sync as unknown as FleetSync;
  const first = await s.read();
  marks.firstRead = performance.now() - t0;
  const firstRows = first.data.routers.size;
  const full = s.refresh().catch(() => undefined);
  await netDevicesDone;
  const stats = s.getStats();
  const view = s.view();
  const devices = view.data.devices.size;
  const http429 = await count429(sim);
  const redirects = await countRedirects(sim);
  // Stop the rest of the sync (metrics, health, locations) so it does not share the CPU with the queries.
  await sim.close();
  await full;
  // The 50k query engine on this snapshot: index build (from nothing: the store is emptied, so this
  // is the one build a request ever waits for), then queries.
  resetFleetIndexStore();
  const buildStart = performance.now();
  const index = fleetIndexFor(view);
  const indexBuildMs = performance.now() - buildStart;
  const queries = [
    { sort: 'name', limit: 100 },
    { q: 'bus', sort: 'stateUpdatedAt', dir: 'desc', limit: 100 },
    { state: 'offline', sort: 'productName', limit: 100, offset: 200 },
    { q: '00:30:44', sort: 'serialNumber', dir: 'desc', limit: 100 },
  ].map((q) => fleetRoutersQuerySchema.parse(q));
  for (const q of queries) index.permutation(q.sort, q.dir); // warm the per-column orders, as a live process would
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const q = queries[i % queries.length]!;
    const t = performance.now();
    JSON.stringify(queryFleet(view, q));
    times.push(performance.now() - t);
  }
  const idealRouters = Math.ceil(routers / 500);
  return {
    routers,
    latencyMsPerPage: latencyMs,
    routerCalls: stats.calls.routers,
    idealRouterCalls: idealRouters,
    routerCallsRatio: round(stats.calls.routers / idealRouters, 3),
    netDevices: devices,
    netDeviceCalls: stats.calls.netDevices,
    idealNetDeviceCalls: Math.ceil(devices / 500),
    http429,
    redirects,
    firstRows,
    firstRowsMs: round(marks.firstRead ?? Number.NaN, 0),
    onePageMs: round(onePageMs, 0),
    firstRowsOverOnePageMs: round((marks.firstRead ?? Number.NaN) - onePageMs, 0),
    routersWallMs: round(marks.routers ?? Number.NaN, 0),
    routersAndNetDevicesWallMs: round(marks.netDevices ?? Number.NaN, 0),
    serialAnchorRoutersMs: idealRouters * latencyMs,
    speedupOverSerial: round((idealRouters * latencyMs) / (marks.routers ?? Number.NaN), 2),
    query50k: {
      indexBuildMs: round(indexBuildMs, 1),
      p50Ms: round(percentile(times, 50), 2),
      p99Ms: round(percentile(times, 99), 2),
      rows: index.rows.length,
    },
  };
}

async function bench3(warm: FleetSync) {
  await fleetIndexSettled(warm.view());
  const sim = await startSimulator({ routers: 10_000, seed: 42, rateLimitPerMinute: 1_000_000 });
  const headers = simHeaders(sim.keys);
  const { createHash } = await import('node:crypto');
  const iterations = 2_000;
  const hit: number[] = [];
  const notModified: number[] = [];
  let bytes = 0;
  for (let i = 0; i < iterations; i++) {
    const q = fleetRoutersQuerySchema.parse({ sort: i % 2 ? 'name' : 'rsrp', offset: (i % 50) * 100, limit: 100 });
    let t = performance.now();
    const view = await warm.read();
    const body = JSON.stringify(queryFleet(view, q));
    hit.push(performance.now() - t);
    bytes = body.length;
    t = performance.now();
    const v2 = await warm.read();
    createHash('sha1')
      .update(JSON.stringify([v2.version, v2.stale, v2.sync.phase, v2.sync.loadedRouters, v2.sync.lastError, q]))
      .digest('base64url');
    notModified.push(performance.now() - t);
  }
  const direct: number[] = [];
  let directBytes = 0;
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const response = await fetch(`${sim.baseUrl}/routers/?limit=100&offset=${(i % 50) * 100}`, { headers });
    const text = await response.text();
    JSON.parse(text);
    direct.push(performance.now() - t);
    directBytes = text.length;
  }
  await sim.close();
  const p = (values: number[]) => ({
    p50Ms: round(percentile(values, 50), 3),
    p99Ms: round(percentile(values, 99), 3),
  });
  const ours = p(hit);
  const anchor = p(direct);
  return {
    cacheHit: ours,
    notModified304: p(notModified),
    directSimulator: anchor,
    ratioP50: round(ours.p50Ms / anchor.p50Ms, 3),
    ratioP99: round(ours.p99Ms / anchor.p99Ms, 3),
    bytesPerPage: bytes,
    directBytesPerPage: directBytes,
    bytesPer304: 0,
    note: 'in-process data path (read + query + DTO + JSON), no HTTP/Next pipeline; direct = loopback HTTP to the simulator',
  };
}

function table(rows: Array<[string, string, string, string]>): string {
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}

type Row = [string, string, string, string];

const ALL_BENCHES = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13];
const BENCH_NAMES: Record<string, number> = { chart: 8, track: 9, map: 10, mixed: 11, vitals: 12, sharing: 13 };

function parseOnly(argv: string[]): Set<number> {
  const all = new Set(ALL_BENCHES);
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return all;
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1]! : (argv[i + 1] ?? '');
  const picked = new Set(
    raw
      .split(',')
      .map((v) => v.trim().replace(/^#/, ''))
      .map((v) => BENCH_NAMES[v] ?? Number(v))
      .filter((n) => all.has(n)),
  );
  if (picked.size === 0) throw new Error(`--only wants a list such as 4,5 or 11 (mixed) or 12 (vitals) (got "${raw}")`);
  return picked;
}

/** A warm 10k snapshot for #3 when #1 (which normally leaves one behind) is not run. */
async function warmSnapshot(): Promise<FleetSync> {
  const sim = await startSimulator({ routers: 10_000, seed: 42, rateLimitPerMinute: 1_000_000 });
  pointNcmAt(sim, { perMinute: 10_000, windowMs: 60_000 });
  const sync = compressedSync();
  await sync.refresh();
  await sim.close();
  return sync;
}

function machine() {
  const mem = `${round(totalmem() / 2 ** 30, 1)} GiB`;
  let chromium = 'unknown';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // not installed: #4/#5 will say so
  }
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', ram: mem, node: process.version, chromium };
}

const kB = (bytes: number) => `${round(bytes / 1000, 1)} kB`;
const ms = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${v} ms`);
const verdict = (value: number | null, goal: number) => (value === null ? 'n/a' : value <= goal ? 'meets' : 'MISS');

async function browserBenches(only: Set<number>, harness: HarnessBundle | null) {
  const build = ensureBuild();
  console.log(build.built ? `built in ${build.buildSeconds} s` : `using the existing build (${build.reason})`);
  const browser = await launchChromium();
  const out: {
    build: typeof build;
    chromium: string;
    b4?: Awaited<ReturnType<typeof bench4>>;
    t1k?: TableRun;
    t50k?: TableRun;
    b12?: VitalsResult;
    b10?: Awaited<ReturnType<typeof bench10>>;
    settings?: Record<string, string | number>;
    syncWaitS: Record<string, number>;
  } = {
    build,
    chromium: browser.version(),
    syncWaitS: {},
  };
  const appOptions = { callsPerMinute: 3_000, simRateLimit: 100_000 };
  console.log(
    `#4/#5/#10 server: next start with NCM_CALLS_PER_MINUTE=${appOptions.callsPerMinute} (production default 400) and the simulator's rate limit at ${appOptions.simRateLimit}/min, so the initial sync is short; this changes only how fast the snapshot fills, not what the page does`,
  );
  try {
    const small = only.has(4) || only.has(5) || only.has(12) ? await startApp({ routers: 1_000, ...appOptions }) : null;
    if (small) out.settings = small.settings;
    if (small) {
      try {
        const state = await signIn(browser, small);
        out.syncWaitS['1000'] = await waitForSnapshot(small, state, console.log);
        if (only.has(4)) {
          out.b4 = await bench4(browser, small, state);
          console.log('#4 done');
        }
        if (only.has(5)) {
          out.t1k = await tableRun(browser, small, state);
          console.log('#5 1k anchor done');
        }
        if (only.has(12)) {
          out.b12 = await bench12(browser, small, state, console.log);
          console.log('#12 done');
        }
      } finally {
        await small.close();
      }
    }
    // #5 and #10 share one 50k fleet (its first sync is the longest wait of the run).
    if (only.has(5) || only.has(10)) {
      const large = await startApp({ routers: 50_000, ...appOptions });
      out.settings ??= large.settings;
      try {
        const state = await signIn(browser, large);
        out.syncWaitS['50000'] = await waitForSnapshot(large, state, console.log);
        console.log(`  50k snapshot ready after ${out.syncWaitS['50000']} s`);
        if (only.has(5)) {
          out.t50k = await tableRun(browser, large, state);
          console.log('#5 50k done');
        }
        if (only.has(10) && harness) {
          out.b10 = await bench10(browser, harness, large, state, console.log);
          console.log('#10 done');
        }
      } finally {
        await large.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

function rows4(b4: NonNullable<Awaited<ReturnType<typeof browserBenches>>['b4']>): Row[] {
  const r = b4.routers;
  const f = b4.floor;
  return [
    [
      '#4 JS on first load /routers (gzip)',
      `${kB(r.gzipBytes)} (${r.scripts} scripts, ${kB(r.rawBytes)} raw)`,
      `floor /login ${kB(f.gzipBytes)}`,
      `${b4.ratioGzip}× / ≤ 1.27×; ≤ 165 kB: ${verdict(r.gzipBytes, 165_000)}`,
    ],
    [
      '#4 JS on first load /routers (brotli)',
      kB(r.brotliBytes),
      `floor /login ${kB(f.brotliBytes)}`,
      `${b4.ratioBrotli}× / ≤ 1.27×; ≤ 140 kB: ${verdict(r.brotliBytes, 140_000)}`,
    ],
    [
      '#4 JS executed during load (coverage)',
      `${r.usedPct ?? 'n/a'} % of /routers bytes`,
      `${f.usedPct ?? 'n/a'} % of /login`,
      '',
    ],
    ...r.largest.map(
      (c, i): Row => [
        `#4 largest chunk ${i + 1}`,
        `${kB(c.gzipBytes)} gz, ${kB(c.rawBytes)} raw, ${c.usedPct ?? '?'} % used`,
        c.path.replace('/_next/static/chunks/', ''),
        '',
      ],
    ),
  ];
}

function rows5(t1k: TableRun, t50k: TableRun): Row[] {
  const ratio = (a: number | null, b: number | null) =>
    a !== null && b !== null && b > 0 ? `${round(a / b, 2)}×` : 'n/a';
  const line = (
    name: string,
    k: keyof Pick<TableRun, 'rowsAfterData' | 'sort' | 'filter' | 'filterByUrl'>,
    field: 'paintAfterDataMedMs' | 'totalMedMs',
    goal: number,
  ): Row => {
    const big = t50k[k][field];
    const small = t1k[k][field];
    return [
      name,
      `${ms(big)} (max ${ms(k === 'rowsAfterData' ? t50k[k].paintAfterDataMaxMs : t50k[k].totalMaxMs)})`,
      `1k ${ms(small)}`,
      `${ratio(big, small)} / ≤ 1.5×; ≤ ${goal} ms: ${verdict(big, goal)}`,
    ];
  };
  return [
    [
      '#5 hard load /routers 50k: rows painted',
      `${ms(t50k.hardLoad.rowsPaintedMs as number)} from nav start (TTFB ${ms(t50k.hardLoad.ttfbMs as number)})`,
      `1k ${ms(t1k.hardLoad.rowsPaintedMs as number)} (TTFB ${ms(t1k.hardLoad.ttfbMs as number)})`,
      ratio(t50k.hardLoad.rowsPaintedMs as number, t1k.hardLoad.rowsPaintedMs as number),
    ],
    [
      '#5 reload /routers 50k: rows painted',
      `${ms(t50k.reload.rowsPaintedMs as number)} (TTFB ${ms(t50k.reload.ttfbMs as number)}, HTML end ${ms(t50k.reload.documentEndMs as number)}, ${kB(t50k.reload.htmlBytes as number)} HTML)`,
      `1k ${ms(t1k.reload.rowsPaintedMs as number)} (${kB(t1k.reload.htmlBytes as number)} HTML)`,
      ratio(t50k.reload.rowsPaintedMs as number, t1k.reload.rowsPaintedMs as number),
    ],
    [
      '#5 hard load long tasks (50k / 1k)',
      `${t50k.hardLoad.longTasks} (max ${ms(t50k.hardLoad.longTaskMaxMs as number)}, total ${ms(t50k.hardLoad.longTaskTotalMs as number)})`,
      `1k ${t1k.hardLoad.longTasks} (max ${ms(t1k.hardLoad.longTaskMaxMs as number)})`,
      '',
    ],
    line('#5 (a) rows painted after data (p50)', 'rowsAfterData', 'paintAfterDataMedMs', 150),
    line('#5 (b) sort click → rows painted (p50)', 'sort', 'totalMedMs', 100),
    line('#5 (c) search committed → rows painted (p50)', 'filter', 'totalMedMs', 100),
    [
      '#5 (b) sort: server part / after data',
      `server ${ms(t50k.sort.serverMedMs)}, paint ${ms(t50k.sort.paintAfterDataMedMs)}`,
      `1k server ${ms(t1k.sort.serverMedMs)}, paint ${ms(t1k.sort.paintAfterDataMedMs)}`,
      '',
    ],
    [
      '#5 (c) filter: server part / after data',
      `server ${ms(t50k.filter.serverMedMs)}, paint ${ms(t50k.filter.paintAfterDataMedMs)}`,
      `1k server ${ms(t1k.filter.serverMedMs)}, paint ${ms(t1k.filter.paintAfterDataMedMs)}`,
      '',
    ],
    [
      '#5 (c) search: request after commit',
      `${ms(t50k.filter.requestAfterStartMedMs)}`,
      `1k ${ms(t1k.filter.requestAfterStartMedMs)}`,
      '',
    ],
    [
      '#5 filter by URL alone (Back/Forward)',
      `${ms(t50k.filterByUrl.totalMedMs)} (request after ${ms(t50k.filterByUrl.requestAfterStartMedMs)})`,
      `1k ${ms(t1k.filterByUrl.totalMedMs)}`,
      `${ratio(t50k.filterByUrl.totalMedMs, t1k.filterByUrl.totalMedMs)} (info)`,
    ],
    [
      '#5 long tasks in (a)/(b)/(c), 50k',
      `${t50k.rowsAfterData.longTasks}/${t50k.sort.longTasks}/${t50k.filter.longTasks} (max ${Math.max(t50k.rowsAfterData.longTaskMaxMs, t50k.sort.longTaskMaxMs, t50k.filter.longTaskMaxMs)} ms)`,
      `1k ${t1k.rowsAfterData.longTasks}/${t1k.sort.longTasks}/${t1k.filter.longTasks} (max ${Math.max(t1k.rowsAfterData.longTaskMaxMs, t1k.sort.longTaskMaxMs, t1k.filter.longTaskMaxMs)} ms)`,
      '0 tasks > 50 ms',
    ],
    ['#5 click event duration (max, ≥16 ms)', ms(t50k.sort.eventMaxMs), `1k ${ms(t1k.sort.eventMaxMs)}`, '≤ 100 ms'],
    [
      '#5 server /api/fleet/routers sort+filter',
      `warm p50 ${ms(t50k.serverHttp.warmP50Ms)}, p95 ${ms(t50k.serverHttp.warmP95Ms)}; new sort ${ms(t50k.serverHttp.coldSortMs)}`,
      `1k p50 ${ms(t1k.serverHttp.warmP50Ms)}; new sort ${ms(t1k.serverHttp.coldSortMs)}`,
      '',
    ],
  ];
}

function vitals(v: VitalsSummary): string {
  return `LCP ${ms(v.lcpMs)} · CLS ${v.cls ?? 'n/a'} · INP ${ms(v.inpMs)}`;
}

function rows12(b12: VitalsResult): Row[] {
  const g = VITALS_GOALS;
  return b12.rows.flatMap((r): Row[] => {
    const w = r.phone.worst;
    const goals = `worst phone run: LCP ≤ ${g.lcpMs} ms ${verdict(w.lcpMs, g.lcpMs)}, CLS ≤ ${g.cls} ${verdict(w.cls, g.cls)}, INP ≤ ${g.inpMs} ms ${verdict(w.inpMs, g.inpMs)}`;
    return [
      [
        `#12 ${r.label} ${r.path.replace(b12.routerId, '{id}')} (phone, 4× CPU)`,
        vitals(r.phone),
        `desktop ${vitals(r.desktop)}`,
        goals,
      ],
      [
        `#12 ${r.label}: phone repeat visit (worker)`,
        vitals(r.phoneRepeat),
        `TTFB phone ${ms(r.phone.ttfbMs)} / desktop ${ms(r.desktop.ttfbMs)}`,
        '',
      ],
    ];
  });
}

async function main() {
  const startedAt = performance.now();
  const only = parseOnly(process.argv.slice(2));
  const load = loadavg().map((v) => round(v, 2));
  console.log(
    `fleet bench: node ${process.version}, ${cpus().length} CPU(s), load average ${load.join(' ')}; running #${[...only].join(', #')}`,
  );
  if (load[0]! > cpus().length * 0.75)
    console.log(
      `note: load average ${load[0]} on ${cpus().length} cores: other work shares this machine, absolute times are inflated`,
    );
  const rows: Row[] = [['benchmark', 'ours', 'anchor', 'ratio / goal']];
  const results: Record<string, unknown> = {};
  let b1: Awaited<ReturnType<typeof bench1>> | null = null;
  if (only.has(1)) {
    b1 = await bench1();
    console.log('#1 done');
    const r1 = b1.result;
    results.bench1 = r1;
    const at = (v: number) => r1.runs.find((r) => r.viewers === v)!;
    rows.push(
      ['#1 cold full sync, 10k', `${r1.coldSync.calls} calls in ${r1.coldSync.wallMs} ms`, '', ''],
      ...[1, 10, 100].map(
        (v): Row => [
          `#1 NCM calls/min, ${v} viewer(s), 10k`,
          `${at(v).callsPerMin} (polls ${at(v).pollCallsPerMin}), 429s ${at(v).http429}, stale p95 ${at(v).stalenessP95s}s, index ${at(v).indexUpdates.patched} patched / ${at(v).indexUpdates.built} built`,
          `${round(r1.naive.callsPerViewerPoll * v * (60 / POLL_S), 0)} naive`,
          v === 100 ? `${r1.ratioNaiveOverOursAt100}× fewer / ≥100×` : '',
        ],
      ),
      [
        '#1 naive one round, 100 viewers @500/min',
        '',
        `${r1.naive.oneRoundAt100.calls} calls, ${r1.naive.oneRoundAt100.http429} × 429`,
        '',
      ],
    );
  }
  if (only.has(3)) {
    const b3 = await bench3(b1 ? b1.warm : await warmSnapshot());
    console.log('#3 done');
    results.bench3 = b3;
    rows.push(
      [
        '#3 cache hit (100-row page)',
        `p50 ${b3.cacheHit.p50Ms} ms, p99 ${b3.cacheHit.p99Ms} ms`,
        `direct p50 ${b3.directSimulator.p50Ms}, p99 ${b3.directSimulator.p99Ms} ms`,
        `${b3.ratioP50}× / ${b3.ratioP99}× (p50 ≤ 2, p99 ≤ 10 ms)`,
      ],
      [
        '#3 304 path',
        `p50 ${b3.notModified304.p50Ms} ms, p99 ${b3.notModified304.p99Ms} ms`,
        `${b3.bytesPerPage} B body → 0 B`,
        '',
      ],
    );
  }
  if (only.has(2)) {
    const b2 = await bench2();
    console.log('#2 done');
    results.bench2 = b2;
    rows.push(
      [
        '#2 cold sync 50k: router calls',
        `${b2.routerCalls}`,
        `ideal ${b2.idealRouterCalls}`,
        `${b2.routerCallsRatio}× / 1.00×`,
      ],
      ['#2 net_device calls', `${b2.netDeviceCalls} (${b2.netDevices} devices)`, `ideal ${b2.idealNetDeviceCalls}`, ''],
      ['#2 429s / redirects', `${b2.http429} / ${b2.redirects}`, '', '0 / 0'],
      [
        '#2 first rows',
        `${b2.firstRowsMs} ms (${b2.firstRows} rows)`,
        `one page alone ${b2.onePageMs} ms`,
        `+${b2.firstRowsOverOnePageMs} ms / ≤ page + 100 ms: ${verdict(b2.firstRowsOverOnePageMs, 100)}`,
      ],
      [
        '#2 routers wall',
        `${b2.routersWallMs} ms`,
        `${b2.serialAnchorRoutersMs} ms serial`,
        `${b2.speedupOverSerial}× / ≤ 15 s`,
      ],
      ['#2 routers + net_devices wall', `${b2.routersAndNetDevicesWallMs} ms`, '', ''],
      [
        '#2 query on 50k (index build)',
        `p50 ${b2.query50k.p50Ms} ms, p99 ${b2.query50k.p99Ms} ms`,
        `build ${b2.query50k.indexBuildMs} ms`,
        '< 50 ms',
      ],
    );
  }
  const harness = only.has(8) || only.has(9) || only.has(10) ? await bundleHarness() : null;
  if (harness) console.log(`#8–#10 harness pages bundled with esbuild in ${harness.buildMs} ms`);
  if (harness && (only.has(8) || only.has(9))) {
    // gc() exposed: #8 starts each measured mount on a clean heap (see harness/chart-page.tsx).
    const browser = await launchChromium(['--js-flags=--expose-gc']);
    try {
      if (only.has(8)) {
        const b8 = await bench8(browser, harness, console.log);
        console.log('#8 done');
        results.bench8 = b8;
        rows.push(...rows8(b8));
      }
      if (only.has(9)) {
        const b9 = await bench9(browser, harness, console.log, () =>
          launchChromium(['--disable-frame-rate-limit', '--disable-gpu-vsync']),
        );
        console.log('#9 done');
        results.bench9 = b9;
        rows.push(...rows9(b9));
      }
    } finally {
      await browser.close();
    }
  }
  if (only.has(4) || only.has(5) || only.has(10) || only.has(12)) {
    const browser = await browserBenches(only, harness);
    results.browser = {
      build: browser.build,
      chromium: browser.chromium,
      serverSettings: browser.settings,
      snapshotSyncWaitSeconds: browser.syncWaitS,
    };
    if (browser.b4) {
      results.bench4 = browser.b4;
      rows.push(...rows4(browser.b4));
    }
    if (browser.t1k && browser.t50k) {
      results.bench5 = {
        anchor:
          '1,000-router fleet, same page, same measurements, same run: the table renders a window of rows, so its cost should not grow with N (goal: 50k within ~1.5× of 1k)',
        fleet50k: browser.t50k,
        fleet1k: browser.t1k,
        goals: { rowsPaintedAfterDataMs: 150, sortMs: 100, filterMs: 100, ratioTo1k: 1.5 },
      };
      rows.push(...rows5(browser.t1k, browser.t50k));
      console.log(
        '#5 anchor: the same page and measurements on a 1,000-router fleet in this run (the table should be O(window), not O(N))',
      );
    }
    if (browser.b12) {
      results.bench12 = browser.b12;
      rows.push(...rows12(browser.b12));
    }
    if (browser.b10) {
      results.bench10 = browser.b10;
      rows.push(...rows10(browser.b10));
    }
  }
  if (only.has(11)) {
    const b11 = await bench11();
    console.log('#11 done');
    results.bench11 = b11;
    printMixed(b11);
    for (const c of b11.comparison) {
      const w = b11.windows.find((x) => x.name === `${c.viewers} viewer${c.viewers === 1 ? '' : 's'}`)!;
      rows.push([
        `#11 NCM calls/min, ${c.viewers} viewer(s), mixed, ${b11.settings.routers / 1000}k`,
        `${c.callsPerMin}, ${w.http429} × 429, stale p95 ${w.stalenessP95S ?? 'n/a'} s, ${w.achievedRequestsPerS}/${w.targetRequestsPerS} req/s`,
        `${c.naiveCallsPerMin} naive (N × 1 viewer)`,
        `${c.ratioToOne}× of 1 viewer / ≤ 1.25×: ${verdict(c.ratioToOne, 1.25)}`,
      ]);
    }
    if (b11.quietBeyondFleetPollPerMin !== null) {
      rows.push([
        '#11 quiet viewer (overview + alerts)',
        `${b11.quietBeyondFleetPollPerMin} calls/min beyond the fleet poll`,
        `fleet poll alone ${b11.fleetPollCallsPerMin}/min (idle ${b11.idleCallsPerMin ?? 'n/a'})`,
        `≤ 20: ${verdict(b11.quietBeyondFleetPollPerMin, 20)}`,
      ]);
    }
  }
  if (only.has(13)) {
    const b13 = await bench13();
    console.log('#13 done');
    results.bench13 = b13;
    const [one, many] = b13.rounds;
    rows.push([
      `#13 NCM time-series calls, one router's Signal + Location tabs, 1 → ${many!.viewers} viewers`,
      `${one!.seriesTotal} → ${many!.seriesTotal} (${many!.failed} of ${many!.requests} requests failed, p95 ${many!.p95Ms} ms)`,
      `${b13.naive} naive (N × 1 viewer)`,
      `${b13.ratio ?? 'n/a'}× of 1 viewer / = 1×: ${verdict(b13.ratio, 1)}`,
    ]);
  }
  console.log(`\n${table(rows)}\n`);
  const loadAfter = loadavg().map((v) => round(v, 2));
  console.log(`load average at the end: ${loadAfter.join(' ')}`);
  const dir = join(__dirname, '..', '..', 'reports');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bench.json');
  let previous: Record<string, unknown> = {};
  try {
    if (existsSync(file)) previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    previous = {};
  }
  const at = new Date().toISOString();
  const ranAt = { ...((previous.ranAt as Record<string, string> | undefined) ?? {}) };
  for (const n of only) ranAt[`bench${n}`] = at;
  const report = {
    ...previous,
    machine: machine(),
    loadAverage: { start: load, end: loadAfter },
    at,
    only: [...only],
    ranAt,
    totalSeconds: round((performance.now() - startedAt) / 1000, 1),
    ...results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote reports/bench.json in ${report.totalSeconds} s`);
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
