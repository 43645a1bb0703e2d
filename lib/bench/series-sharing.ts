/**
 * #13 What one router's charts and track cost NCM as their viewers grow: 1 and then 20 viewers, each
 * signed in with their own account, open the Signal and Location tabs of the same router at once and
 * load what those tabs load (the page, the signal, usage and track answers), twice, 5 s apart, as a
 * tab left open would. Each round uses a router nobody has looked at yet, so both start cold.
 *
 * The production build on a 1,000-router fleet with the production call budget, behind the same
 * counting proxy as #11: every NCM call is seen on the wire. Counted: the four time-series resources
 * (signal and usage samples, historical locations, router state samples); the fleet poll goes on
 * beside and is reported apart. The anchor is the one-viewer round; the goal is calls(20) = calls(1).
 */
import { type BenchApp, ensureBuild, startApp } from './app';
import { signInHttp, waitForFullSync } from './mixed';
import { diffCounts, type NcmProxy, startNcmProxy } from './ncm-proxy';
import { round, sleep } from './stats';

const SERIES_PATHS = [
  'net_device_signal_samples',
  'net_device_usage_samples',
  'historical_locations',
  'router_state_samples',
] as const;
const VIEWERS = 20;
const WIDTH = 1200;

export interface SharingRound {
  viewers: number;
  routerId: string;
  /** NCM calls to the time-series resources, by resource. */
  seriesCalls: Record<string, number>;
  seriesTotal: number;
  /** Every other NCM call in the round (the fleet poll, going on beside). */
  otherCalls: number;
  requests: number;
  failed: number;
  p50Ms: number;
  p95Ms: number;
}

export interface SharingResult {
  routers: number;
  rounds: SharingRound[];
  /** calls(20) / calls(1) for the time-series resources; the goal is 1. */
  ratio: number | null;
  naive: number;
}

function targets(routerId: string): string[] {
  const id = encodeURIComponent(routerId);
  const window = `window=24h&width=${WIDTH}`;
  return [
    `/routers/${id}?tab=signal`,
    `/api/routers/${id}/signal?${window}`,
    `/api/routers/${id}/usage?${window}`,
    `/routers/${id}?tab=location`,
    `/api/routers/${id}/track?${window}&zoom=12`,
  ];
}

async function load(app: BenchApp, cookie: string, path: string): Promise<{ ok: boolean; ms: number }> {
  const t = performance.now();
  try {
    const response = await fetch(`${app.baseUrl}${path}`, {
      redirect: 'manual',
      headers: { Cookie: cookie, Accept: path.startsWith('/api/') ? 'application/json' : 'text/html' },
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    return { ok: response.ok, ms: performance.now() - t };
  } catch {
    return { ok: false, ms: performance.now() - t };
  }
}

/**
 * An open window's chunks are keyed to the minute (a chart left open reads its two ends again when
 * the minute turns). Both rounds start 2 s into a minute, so neither pays for a turn the other does not.
 */
async function startOfAMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  await sleep((62_000 - intoMinute) % 60_000);
}

async function round1(app: BenchApp, proxy: NcmProxy, sessions: string[], routerId: string): Promise<SharingRound> {
  await startOfAMinute();
  const before = proxy.counts();
  const samples: Array<{ ok: boolean; ms: number }> = [];
  for (let pass = 0; pass < 2; pass++) {
    if (pass > 0) await sleep(5_000);
    const loads = sessions.map(async (cookie) => {
      for (const path of targets(routerId)) samples.push(await load(app, cookie, path));
    });
    await Promise.all(loads);
  }
  // Calls the answers started in the background (a refresh behind a stale answer) land too.
  await sleep(2_000);
  const counts = diffCounts(proxy.counts(), before);
  const seriesCalls: Record<string, number> = {};
  for (const path of SERIES_PATHS) seriesCalls[path] = counts.byPath[path] ?? 0;
  const seriesTotal = Object.values(seriesCalls).reduce((a, b) => a + b, 0);
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0, 0);
  return {
    viewers: sessions.length,
    routerId,
    seriesCalls,
    seriesTotal,
    otherCalls: counts.calls - seriesTotal,
    requests: samples.length,
    failed: samples.filter((s) => !s.ok).length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
  };
}

export async function bench13(log: (line: string) => void = console.log): Promise<SharingResult> {
  const build = ensureBuild();
  log(build.built ? `#13 built in ${build.buildSeconds} s` : `#13 using the existing build (${build.reason})`);
  const usernames = Array.from({ length: VIEWERS }, (_, i) => `viewer${i + 1}`);
  const password = `sharing-${Math.random().toString(36).slice(2)}`;
  let proxy: NcmProxy | null = null;
  const routers = 1_000;
  const app = await startApp({
    routers,
    callsPerMinute: 400,
    simRateLimit: 500,
    port: Number(process.env.BENCH_SHARING_PORT ?? 3650),
    simPort: Number(process.env.BENCH_SHARING_SIMULATOR_PORT ?? 9050),
    extraUsers: { usernames, role: 'Read Only', password },
    env: { FLEET_POLL_SECONDS: '30', FLEET_USER_REQUESTS_PER_10S: '120' },
    ncmInFront: async (simBaseUrl) => {
      proxy = await startNcmProxy({
        upstreamBaseUrl: simBaseUrl,
        port: Number(process.env.BENCH_SHARING_PROXY_PORT ?? 9051),
      });
      return proxy;
    },
  });
  const counting = proxy as NcmProxy | null;
  if (!counting) throw new Error('#13: the counting proxy did not start');
  try {
    const sessions: string[] = [];
    for (let i = 0; i < usernames.length; i += 4)
      sessions.push(...(await Promise.all(usernames.slice(i, i + 4).map((u) => signInHttp(app.baseUrl, u, password)))));
    await waitForFullSync(app, sessions[0]!, log);
    const page = await fetch(`${app.baseUrl}/api/fleet/routers?offset=0&limit=50`, {
      headers: { Cookie: sessions[0]!, Accept: 'application/json' },
    });
    const ids = ((await page.json()) as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
    if (ids.length < 3) throw new Error('#13: the fleet has fewer than 3 routers');
    const rounds: SharingRound[] = [];
    for (const [i, viewers] of [1, VIEWERS].entries()) {
      const routerId = ids[1 + i]!;
      log(`#13 ${viewers} viewer(s) of router ${routerId}'s Signal and Location tabs`);
      const r = await round1(app, counting, sessions.slice(0, viewers), routerId);
      log(`  ${r.seriesTotal} time-series calls (${JSON.stringify(r.seriesCalls)}), ${r.otherCalls} other`);
      rounds.push(r);
    }
    const one = rounds[0]!.seriesTotal;
    return {
      routers,
      rounds,
      ratio: one > 0 ? round(rounds[1]!.seriesTotal / one, 2) : null,
      naive: one * VIEWERS,
    };
  } finally {
    await app.close();
  }
}
