/**
 * #11 Mixed workload: NCM calls per minute as the number of viewers of the same pages grows.
 *
 * The production build (`next start`) on a 5,000-router simulated fleet with the production call
 * budget (NCM_CALLS_PER_MINUTE=400) and fleet poll (30 s), behind a counting proxy of the bench's own
 * (ncm-proxy.ts), so every NCM call is seen on the wire whatever the app counts itself. Viewers, each
 * signed in with their own account, load every 5 s what a NOC screen loads: the table's first window
 * (`/api/fleet/routers`), the 24 h alert feed (`/api/alerts?range=24h`), the overview page, one
 * router's page (the same router for everyone, cycling through its tabs), `/activity` and `/alerts`.
 *
 * Windows, in order, after the first full sync has finished and every route was loaded once:
 * - idle: no viewer, what background work costs on its own (the fleet snapshot is refreshed by reads,
 *   so this is expected to be ~0);
 * - fleet poll: one viewer of the table API only, i.e. what keeping the shared snapshot fresh costs;
 * - quiet: one viewer of the overview and the alert feed only, read against the fleet-poll window;
 * - 1, 20 and 100 viewers of everything.
 * NCM calls are counted only inside each window. The anchor is the same run's one-viewer window:
 * the naive figure is N × calls(1) (every viewer paying for its own NCM reads); the goal is
 * calls(N) ≤ 1.25 × calls(1). Nothing here asserts: saturation (requests not completed in time, a
 * lower achieved request rate) is reported, since on 2 shared cores the app may not keep up with 100
 * viewers.
 */
import { percentile, round, sleep } from './stats';
import { type BenchApp, ensureBuild, startApp } from './app';
import { diffCounts, type NcmCallCounts, type NcmProxy, startNcmProxy } from './ncm-proxy';

const TICK_MS = 5_000;
/** Windows that are not a viewer count of the full page set. */
const SIDE_WINDOWS = new Set(['idle', 'fleet poll', 'quiet']);
const REQUEST_TIMEOUT_MS = 60_000;

export interface MixedSettings {
  routers: number;
  windowSeconds: number;
  idleSeconds: number;
  fleetPollSeconds: number;
  quietSeconds: number;
  viewerCounts: number[];
  port: number;
  simPort: number;
  proxyPort: number;
  pollSeconds: number;
  callsPerMinute: number;
  simRateLimit: number;
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} wants a whole number ≥ 0 (got "${raw}")`);
  return n;
}

export function mixedSettings(): MixedSettings {
  const windowSeconds = intEnv('BENCH_MIXED_SECONDS', 90);
  const viewerCounts = (process.env.BENCH_MIXED_VIEWERS ?? '1,20,100').split(',').map((v) => Number(v.trim()));
  if (viewerCounts.some((v) => !Number.isInteger(v) || v < 1) || !viewerCounts.includes(1)) {
    throw new Error('BENCH_MIXED_VIEWERS wants whole numbers ≥ 1 including 1 (the anchor), e.g. 1,20,100');
  }
  return {
    routers: intEnv('BENCH_MIXED_ROUTERS', 5_000),
    windowSeconds,
    idleSeconds: intEnv('BENCH_MIXED_IDLE_SECONDS', Math.min(30, windowSeconds)),
    fleetPollSeconds: intEnv('BENCH_MIXED_FLEET_SECONDS', windowSeconds),
    quietSeconds: intEnv('BENCH_MIXED_QUIET_SECONDS', windowSeconds),
    viewerCounts,
    // Ports of their own, so the bench can run beside a demo or another checkout's bench.
    port: intEnv('BENCH_MIXED_PORT', intEnv('PORT', 3550)),
    simPort: intEnv('BENCH_MIXED_SIMULATOR_PORT', intEnv('SIMULATOR_PORT', 8950)),
    proxyPort: intEnv('BENCH_MIXED_PROXY_PORT', 8951),
    pollSeconds: 30,
    // Production's budget, not the raised one of #4/#5: the point is to see it saturate.
    callsPerMinute: 400,
    simRateLimit: intEnv('BENCH_MIXED_SIM_RATE_LIMIT', 500),
  };
}

// ------------------------------------------------------------------------------------ sign-in

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

function mergeCookies(jar: Map<string, string>, pairs: string[]) {
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * Auth.js's credentials flow over plain HTTP (what the login form's server action does): the CSRF
 * token and its cookie, then the callback, whose redirect carries the session cookie.
 */
export async function signInHttp(baseUrl: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf: ${csrf.status}`);
  mergeCookies(jar, cookiePairs(csrf));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: '/' }),
  });
  await callback.arrayBuffer();
  mergeCookies(jar, cookiePairs(callback));
  const cookie = cookieHeader(jar);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error(
      `sign-in of ${username} gave no session cookie (status ${callback.status}, location ${callback.headers.get('location')})`,
    );
  return cookie;
}

// ------------------------------------------------------------------------------------ viewers

type RouteName =
  | 'api/fleet/routers'
  | 'api/alerts?range=24h'
  | '/'
  | '/routers/[id]'
  | '/routers/[id]?tab=modems'
  | '/routers/[id]?tab=alerts'
  | '/activity'
  | '/alerts';

interface Target {
  route: RouteName;
  path: string;
  kind: 'table' | 'alerts' | 'html';
}

function targets(routerId: string): {
  everything: (tick: number) => Target[];
  quiet: () => Target[];
  table: () => Target[];
} {
  const router = `/routers/${encodeURIComponent(routerId)}`;
  const tabs: Target[] = [
    { route: '/routers/[id]', path: router, kind: 'html' },
    { route: '/routers/[id]?tab=modems', path: `${router}?tab=modems`, kind: 'html' },
    { route: '/routers/[id]?tab=alerts', path: `${router}?tab=alerts`, kind: 'html' },
  ];
  // The table's first window exactly as the browser asks it (default sort left out of the URL).
  const table: Target = { route: 'api/fleet/routers', path: '/api/fleet/routers?offset=0&limit=200', kind: 'table' };
  return {
    everything: (tick) => [
      table,
      { route: 'api/alerts?range=24h', path: '/api/alerts?range=24h', kind: 'alerts' },
      { route: '/', path: '/', kind: 'html' },
      tabs[tick % tabs.length]!,
      { route: '/activity', path: '/activity', kind: 'html' },
      { route: '/alerts', path: '/alerts', kind: 'html' },
    ],
    quiet: () => [
      { route: '/', path: '/', kind: 'html' },
      { route: '/alerts', path: '/alerts', kind: 'html' },
    ],
    table: () => [table],
  };
}

interface Sample {
  route: RouteName;
  status: number | 'timeout' | 'network';
  ms: number;
  /** Age of the data served, seconds (table: X-Fleet-As-Of; alerts: asOf), at the time of the answer. */
  ageS: number | null;
  /** The answer said its data is stale (NCM failing longer than the poll interval). */
  stale: boolean;
  /** HTML in which a server section failed (React's error digest in the stream). */
  sectionError: boolean;
}

async function load(baseUrl: string, cookie: string, target: Target): Promise<Sample> {
  const t = performance.now();
  try {
    const response = await fetch(`${baseUrl}${target.path}`, {
      redirect: 'manual',
      headers: { Cookie: cookie, Accept: target.kind === 'html' ? 'text/html' : 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // Full bodies: a streamed page is only done when its last Suspense section has arrived.
    const text = await response.text();
    const ms = performance.now() - t;
    let ageS: number | null = null;
    let stale = false;
    let sectionError = false;
    if (response.ok && target.kind === 'table') {
      const asOf = response.headers.get('x-fleet-as-of');
      if (asOf) ageS = (Date.now() - Date.parse(asOf)) / 1000;
      stale = (JSON.parse(text) as { stale: boolean }).stale;
    } else if (response.ok && target.kind === 'alerts') {
      const body = JSON.parse(text) as { asOf: string; stale: boolean };
      ageS = (Date.now() - Date.parse(body.asOf)) / 1000;
      stale = body.stale;
    } else if (target.kind === 'html') {
      // A server section that threw: React's error digest, in the HTML or in the inlined RSC payload.
      sectionError = /data-dgst=|digest\\?"\s*:/.test(text);
    }
    return { route: target.route, status: response.status, ms, ageS, stale, sectionError };
  } catch (err) {
    const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      route: target.route,
      status: timeout ? 'timeout' : 'network',
      ms: performance.now() - t,
      ageS: null,
      stale: false,
      sectionError: false,
    };
  }
}

export interface RouteStats {
  requests: number;
  failures: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  sectionErrors: number;
  staleAnswers: number;
  ageP95S: number | null;
}

export interface WindowResult {
  name: string;
  viewers: number;
  seconds: number;
  ncm: NcmCallCounts;
  callsPerMin: number;
  byPathPerMin: Record<string, number>;
  http429: number;
  callsPer10s: number[];
  /** The simulator's answer time as seen by the proxy (calls started in the window). */
  upstream: { p50Ms: number | null; p95Ms: number | null; maxMs: number | null; peakInFlight: number };
  /** Requests the viewers meant to make in the window (one per target per 5 s tick) and made. */
  targetRequestsPerS: number;
  achievedRequestsPerS: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  failures: Record<string, Record<string, number>>;
  byRoute: Record<string, RouteStats>;
  stalenessP95S: number | null;
  tableStalenessP95S: number | null;
  alertsStalenessP95S: number | null;
  serverErrorLines: number;
  serverErrorSamples: string[];
}

function routeStats(samples: Sample[]): RouteStats {
  const ok = samples.filter((s) => typeof s.status === 'number' && s.status >= 200 && s.status < 300);
  const failures: Record<string, number> = {};
  for (const s of samples) if (!ok.includes(s)) failures[String(s.status)] = (failures[String(s.status)] ?? 0) + 1;
  const ms = samples.map((s) => s.ms);
  const ages = samples.flatMap((s) => (s.ageS === null ? [] : [s.ageS]));
  return {
    requests: samples.length,
    failures,
    p50Ms: round(percentile(ms, 50), 0),
    p95Ms: round(percentile(ms, 95), 0),
    maxMs: round(Math.max(...ms), 0),
    sectionErrors: samples.filter((s) => s.sectionError).length,
    staleAnswers: samples.filter((s) => s.stale).length,
    ageP95S: ages.length ? round(percentile(ages, 95), 1) : null,
  };
}

/** Counts the server's output lines that look like errors or warnings, by their shape (digits blurred). */
class ServerLog {
  private lines: string[] = [];
  private partial = '';
  feed(text: string) {
    const all = (this.partial + text).split('\n');
    this.partial = all.pop() ?? '';
    for (const line of all) if (/error|warn|⨯|fail|timed? ?out|429|refused/i.test(line)) this.lines.push(line.trim());
  }
  mark(): number {
    return this.lines.length;
  }
  since(mark: number): { count: number; samples: string[] } {
    const lines = this.lines.slice(mark);
    const byShape = new Map<string, { line: string; n: number }>();
    for (const line of lines) {
      const shape = line.replace(/\d+/g, '#').slice(0, 160);
      const entry = byShape.get(shape);
      if (entry) entry.n++;
      else byShape.set(shape, { line: line.slice(0, 300), n: 1 });
    }
    const samples = [...byShape.values()]
      .sort((a, b) => b.n - a.n)
      .slice(0, 6)
      .map((e) => `${e.n}× ${e.line}`);
    return { count: lines.length, samples };
  }
}

async function runWindow(options: {
  name: string;
  app: BenchApp;
  proxy: NcmProxy;
  log: ServerLog;
  sessions: string[];
  seconds: number;
  plan: (viewer: number, tick: number) => Target[];
}): Promise<WindowResult> {
  const { app, proxy, sessions, seconds, plan } = options;
  const viewers = sessions.length;
  const samples: Sample[] = [];
  const logMark = options.log.mark();
  const before = proxy.counts();
  const start = performance.now();
  const end = start + seconds * 1000;
  const viewer = async (index: number) => {
    // Start times spread evenly over one tick, so the viewers do not arrive in lockstep.
    await sleep((index * TICK_MS) / Math.max(1, viewers));
    // Each viewer starts its tab cycle where its index puts it, so every tab is loaded in every tick.
    for (let tick = index; performance.now() < end; tick++) {
      const tickStart = performance.now();
      const list = plan(index, tick);
      for (const target of list) {
        if (performance.now() >= end) break;
        samples.push(await load(app.baseUrl, sessions[index]!, target));
      }
      await sleep(Math.max(0, tickStart + TICK_MS - performance.now()));
    }
  };
  const running = viewers === 0 ? sleep(seconds * 1000) : Promise.all(sessions.map((_, i) => viewer(i)));
  // Count exactly the window: requests still running when it closes finish afterwards, outside it.
  await sleep(Math.max(0, end - performance.now()));
  const ncm = diffCounts(proxy.counts(), before);
  const perTen = proxy.callsPer10s(start, end);
  const upstream = proxy.upstreamLatency(start, end);
  const upstreamMs = (p: number) => (upstream.samples.length ? round(percentile(upstream.samples, p), 0) : null);
  const elapsed = (performance.now() - start) / 1000;
  const inWindow = samples.length;
  await running;
  const logged = options.log.since(logMark);
  const minutes = seconds / 60;
  const byPathPerMin = Object.fromEntries(
    Object.entries(ncm.byPath)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => [k, round(v / minutes, 1)]),
  );
  const byRoute: Record<string, RouteStats> = {};
  for (const route of [...new Set(samples.map((s) => s.route))])
    byRoute[route] = routeStats(samples.filter((s) => s.route === route));
  const failures: Record<string, Record<string, number>> = {};
  for (const [route, stats] of Object.entries(byRoute))
    if (Object.keys(stats.failures).length) failures[route] = stats.failures;
  const ages = (kind?: RouteName) =>
    samples.filter((s) => s.ageS !== null && (!kind || s.route === kind)).map((s) => s.ageS!);
  const p95 = (values: number[]) => (values.length ? round(percentile(values, 95), 1) : null);
  const ms = samples.map((s) => s.ms);
  return {
    name: options.name,
    viewers,
    seconds,
    ncm,
    callsPerMin: round(ncm.calls / minutes, 1),
    byPathPerMin,
    http429: ncm.status['429'] ?? 0,
    callsPer10s: perTen,
    upstream: {
      p50Ms: upstreamMs(50),
      p95Ms: upstreamMs(95),
      maxMs: upstreamMs(100),
      peakInFlight: upstream.peakInFlight,
    },
    targetRequestsPerS: round((viewers * plan(0, 0).length) / (TICK_MS / 1000), 1),
    achievedRequestsPerS: round(inWindow / elapsed, 1),
    requests: samples.length,
    p50Ms: round(percentile(ms, 50), 0),
    p95Ms: round(percentile(ms, 95), 0),
    failures,
    byRoute,
    stalenessP95S: p95(ages()),
    tableStalenessP95S: p95(ages('api/fleet/routers')),
    alertsStalenessP95S: p95(ages('api/alerts?range=24h')),
    serverErrorLines: logged.count,
    serverErrorSamples: logged.samples,
  };
}

/** The first full sync is done (every stage, not just the first rows) and the table answers the whole fleet. */
export async function waitForFullSync(
  app: BenchApp,
  cookie: string,
  log: (line: string) => void,
): Promise<{ seconds: number; routerId: string }> {
  const t = performance.now();
  let lastLog = 0;
  for (;;) {
    const response = await fetch(`${app.baseUrl}/api/fleet/routers?offset=0&limit=200`, {
      headers: { Cookie: cookie, Accept: 'application/json' },
    });
    if (response.ok) {
      const body = (await response.json()) as {
        total: number;
        rows: Array<{ id: string }>;
        sync: { phase: string; loadedRouters: number };
      };
      if (body.sync.phase === 'ready' && body.total === app.routers && body.rows.length > 0) {
        return { seconds: round((performance.now() - t) / 1000, 1), routerId: body.rows[0]!.id };
      }
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        log(
          `  #11 waiting for the first full sync: phase ${body.sync.phase}, ${body.sync.loadedRouters} routers, ${round((performance.now() - t) / 1000, 0)} s`,
        );
      }
    } else {
      await response.arrayBuffer();
    }
    if (performance.now() - t > 15 * 60_000)
      throw new Error(`#11: the ${app.routers}-router snapshot was not ready after 15 minutes`);
    await sleep(2_000);
  }
}

export interface MixedResult {
  settings: MixedSettings & { serverSettings: Record<string, string | number> };
  build: ReturnType<typeof ensureBuild>;
  syncWaitSeconds: number;
  routerId: string;
  signInSeconds: number;
  windows: WindowResult[];
  /** Per viewer count: calls(N) / calls(1) in total and per NCM path, beside the naive N × calls(1). */
  comparison: Array<{
    viewers: number;
    callsPerMin: number;
    naiveCallsPerMin: number;
    ratioToOne: number;
    /** The same ratio after taking off what keeping the fleet snapshot fresh costs (fleet-poll window). */
    ratioToOneBeyondFleetPoll: number | null;
    byPathRatioToOne: Record<string, number | null>;
  }>;
  idleCallsPerMin: number | null;
  fleetPollCallsPerMin: number | null;
  /** One quiet viewer (overview + alert feed) minus the fleet-poll window: the goal is ≤ 20/min. */
  quietBeyondFleetPollPerMin: number | null;
}

export async function bench11(log: (line: string) => void = console.log): Promise<MixedResult> {
  const settings = mixedSettings();
  const build = ensureBuild();
  log(build.built ? `#11 built in ${build.buildSeconds} s` : `#11 using the existing build (${build.reason})`);
  const maxViewers = Math.max(...settings.viewerCounts);
  const usernames = Array.from({ length: maxViewers }, (_, i) => `viewer${i + 1}`);
  const password = `mixed-${Math.random().toString(36).slice(2)}`;
  const serverLog = new ServerLog();
  let proxy: NcmProxy | null = null;
  const app = await startApp({
    routers: settings.routers,
    callsPerMinute: settings.callsPerMinute,
    simRateLimit: settings.simRateLimit,
    port: settings.port,
    simPort: settings.simPort,
    extraUsers: { usernames, role: 'Read Only', password },
    // Production values, stated rather than inherited (startApp raises the per-user limit for #4/#5).
    env: { FLEET_POLL_SECONDS: String(settings.pollSeconds), FLEET_USER_REQUESTS_PER_10S: '120' },
    ncmInFront: async (simBaseUrl) => {
      proxy = await startNcmProxy({ upstreamBaseUrl: simBaseUrl, port: settings.proxyPort });
      return proxy;
    },
    onOutput: (text) => serverLog.feed(text),
  });
  const counting = proxy as NcmProxy | null;
  if (!counting) throw new Error('#11: the counting proxy did not start');
  log(
    `#11 app ${app.baseUrl}, simulator :${settings.simPort} (${settings.simRateLimit}/min), counting proxy ${counting.baseUrl}; ${settings.routers} routers, NCM_CALLS_PER_MINUTE=${settings.callsPerMinute}, FLEET_POLL_SECONDS=${settings.pollSeconds}`,
  );
  try {
    const signStart = performance.now();
    const sessions: string[] = [];
    // A few at a time: each is a bcrypt check on the server.
    for (let i = 0; i < usernames.length; i += 4) {
      sessions.push(...(await Promise.all(usernames.slice(i, i + 4).map((u) => signInHttp(app.baseUrl, u, password)))));
    }
    const signInSeconds = round((performance.now() - signStart) / 1000, 1);
    log(`#11 ${sessions.length} viewers signed in (${signInSeconds} s)`);
    const { seconds: syncWaitSeconds, routerId } = await waitForFullSync(app, sessions[0]!, log);
    log(`#11 first full sync done after ${syncWaitSeconds} s; router page /routers/${routerId}`);
    const plans = targets(routerId);
    // Every route once (and every tab), so lazily started work (the live alert feed, caches) is running
    // before anything is counted.
    for (let tick = 0; tick < 3; tick++)
      for (const target of plans.everything(tick)) await load(app.baseUrl, sessions[0]!, target);
    await sleep(5_000);
    const windows: WindowResult[] = [];
    const run = async (
      name: string,
      viewers: number,
      seconds: number,
      plan: (viewer: number, tick: number) => Target[],
    ) => {
      log(`#11 window "${name}": ${viewers} viewer(s) for ${seconds} s`);
      const result = await runWindow({
        name,
        app,
        proxy: counting,
        log: serverLog,
        sessions: sessions.slice(0, viewers),
        seconds,
        plan,
      });
      const viewerSide = result.requests
        ? `, ${result.requests} requests (p95 ${result.p95Ms} ms), staleness p95 ${result.stalenessP95S ?? 'n/a'} s`
        : '';
      log(`  ${result.callsPerMin} NCM calls/min, ${result.http429} × 429${viewerSide}`);
      windows.push(result);
      // Let what the window started settle before the next one counts.
      await sleep(5_000);
    };
    if (settings.idleSeconds > 0) await run('idle', 0, settings.idleSeconds, () => []);
    if (settings.fleetPollSeconds > 0) await run('fleet poll', 1, settings.fleetPollSeconds, () => plans.table());
    if (settings.quietSeconds > 0) await run('quiet', 1, settings.quietSeconds, () => plans.quiet());
    for (const viewers of settings.viewerCounts)
      await run(`${viewers} viewer${viewers === 1 ? '' : 's'}`, viewers, settings.windowSeconds, (_, tick) =>
        plans.everything(tick),
      );
    const idle = windows.find((w) => w.name === 'idle') ?? null;
    const fleetPoll = windows.find((w) => w.name === 'fleet poll') ?? null;
    const quiet = windows.find((w) => w.name === 'quiet') ?? null;
    const mixedRuns = windows.filter((w) => !SIDE_WINDOWS.has(w.name));
    const one = mixedRuns.find((w) => w.viewers === 1)!;
    const paths = [...new Set(mixedRuns.flatMap((w) => Object.keys(w.byPathPerMin)))];
    const comparison = mixedRuns.map((w) => ({
      viewers: w.viewers,
      callsPerMin: w.callsPerMin,
      naiveCallsPerMin: round(one.callsPerMin * w.viewers, 1),
      ratioToOne: round(w.callsPerMin / one.callsPerMin, 2),
      ratioToOneBeyondFleetPoll:
        fleetPoll && one.callsPerMin > fleetPoll.callsPerMin
          ? round((w.callsPerMin - fleetPoll.callsPerMin) / (one.callsPerMin - fleetPoll.callsPerMin), 2)
          : null,
      byPathRatioToOne: Object.fromEntries(
        paths.map((p) => [p, one.byPathPerMin[p] ? round((w.byPathPerMin[p] ?? 0) / one.byPathPerMin[p]!, 2) : null]),
      ),
    }));
    return {
      settings: {
        ...settings,
        serverSettings: { ...app.settings, FLEET_USER_REQUESTS_PER_10S: 120, FLEET_POLL_SECONDS: settings.pollSeconds },
      },
      build,
      syncWaitSeconds,
      routerId,
      signInSeconds,
      windows,
      comparison,
      idleCallsPerMin: idle?.callsPerMin ?? null,
      fleetPollCallsPerMin: fleetPoll?.callsPerMin ?? null,
      quietBeyondFleetPollPerMin: quiet && fleetPoll ? round(quiet.callsPerMin - fleetPoll.callsPerMin, 1) : null,
    };
  } finally {
    await app.close();
  }
}

// ------------------------------------------------------------------------------------ printing

const pad = (rows: string[][]) => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
};

/** The detailed tables: calls/min per window and per NCM path, then the viewers' side. */
export function printMixed(r: MixedResult, log: (line: string) => void = console.log) {
  const cols = r.windows;
  const paths = [...new Set(cols.flatMap((w) => Object.keys(w.byPathPerMin)))].sort(
    (a, b) => (cols.at(-1)!.byPathPerMin[b] ?? 0) - (cols.at(-1)!.byPathPerMin[a] ?? 0),
  );
  const one = cols.find((w) => w.name === '1 viewer');
  const head = ['NCM calls/min', ...cols.map((w) => w.name)];
  const rows: string[][] = [head, ['total', ...cols.map((w) => String(w.callsPerMin))]];
  rows.push([
    'naive N × (1 viewer)',
    ...cols.map((w) => (one && !SIDE_WINDOWS.has(w.name) ? String(round(one.callsPerMin * w.viewers, 1)) : '')),
  ]);
  rows.push([
    'ratio calls(N)/calls(1) (goal ≤ 1.25)',
    ...cols.map((w) => (one && !SIDE_WINDOWS.has(w.name) ? String(round(w.callsPerMin / one.callsPerMin, 2)) : '')),
  ]);
  rows.push(['429s from the simulator', ...cols.map((w) => String(w.http429))]);
  rows.push([
    'calls the app gave up on (its timeout)',
    ...cols.map((w) => String(w.ncm.status['aborted by app'] ?? 0)),
  ]);
  rows.push(['calls the proxy could not forward (502)', ...cols.map((w) => String(w.ncm.status.error ?? 0))]);
  rows.push([
    'simulator answer p50/p95/max ms',
    ...cols.map((w) =>
      w.upstream.p50Ms === null ? '' : `${w.upstream.p50Ms}/${w.upstream.p95Ms}/${w.upstream.maxMs}`,
    ),
  ]);
  rows.push(['calls in flight at once (peak)', ...cols.map((w) => String(w.upstream.peakInFlight))]);
  rows.push([
    'ratio beyond the fleet poll',
    ...cols.map((w) => {
      const c = r.comparison.find((x) => !SIDE_WINDOWS.has(w.name) && x.viewers === w.viewers);
      return c?.ratioToOneBeyondFleetPoll == null ? '' : String(c.ratioToOneBeyondFleetPoll);
    }),
  ]);
  // Per path: calls/min, and for the viewer counts its ratio to the one-viewer window.
  for (const p of paths) {
    rows.push([
      `  ${p}`,
      ...cols.map((w) => {
        const value = w.byPathPerMin[p] ?? 0;
        const base = one?.byPathPerMin[p];
        return one && w !== one && !SIDE_WINDOWS.has(w.name) && base
          ? `${value} (${round(value / base, 1)}×)`
          : String(value);
      }),
    ]);
  }
  log(
    `\n#11 mixed workload, ${r.settings.routers} routers, windows of ${r.settings.windowSeconds} s (idle ${r.settings.idleSeconds} s, fleet poll ${r.settings.fleetPollSeconds} s, quiet ${r.settings.quietSeconds} s)\n${pad(rows)}`,
  );
  const v: string[][] = [['viewers', ...cols.map((w) => w.name)]];
  v.push([
    'requests (target/s → achieved/s)',
    ...cols.map((w) => `${w.requests} (${w.targetRequestsPerS}→${w.achievedRequestsPerS})`),
  ]);
  v.push(['latency p50 / p95 ms', ...cols.map((w) => (w.requests ? `${w.p50Ms} / ${w.p95Ms}` : ''))]);
  v.push([
    'staleness p95 s (table / alerts)',
    ...cols.map((w) => (w.requests ? `${w.tableStalenessP95S ?? '–'} / ${w.alertsStalenessP95S ?? '–'}` : '')),
  ]);
  const routes = [...new Set(cols.flatMap((w) => Object.keys(w.byRoute)))];
  for (const route of routes) {
    v.push([
      `  ${route} p50/p95 ms, failures`,
      ...cols.map((w) => {
        const s = w.byRoute[route];
        if (!s) return '';
        const fails = Object.entries(s.failures)
          .map(([k, n]) => `${n}×${k}`)
          .join(' ');
        return `${s.p50Ms}/${s.p95Ms}${fails ? ` ${fails}` : ''}${s.sectionErrors ? ` ${s.sectionErrors} sect.err` : ''}${s.staleAnswers ? ` ${s.staleAnswers} stale` : ''}`;
      }),
    ]);
  }
  v.push(['server log error/warn lines', ...cols.map((w) => String(w.serverErrorLines))]);
  log(`\n${pad(v)}`);
  for (const w of cols)
    if (w.serverErrorSamples.length) log(`\n  server log in "${w.name}":\n    ${w.serverErrorSamples.join('\n    ')}`);
  for (const w of cols) log(`  NCM calls per 10 s in "${w.name}": ${w.callsPer10s.join(' ')}`);
}
