/**
 * Scale check: `npx tsx lib/simulator/scale-check.ts` measures start time, RSS and page latencies
 * for 1 000 and 50 000 routers, each in a fresh child process (so RSS is not shared).
 * `npx tsx lib/simulator/scale-check.ts 50000` measures one size in this process.
 */
import { spawnSync } from 'node:child_process';
import { DEMO_KEY_SETS, startSimulator } from './index';

const key = DEMO_KEY_SETS[0]!;
const headers = {
  'X-CP-API-ID': key.cpApiId,
  'X-CP-API-KEY': key.cpApiKey,
  'X-ECM-API-ID': key.ecmApiId,
  'X-ECM-API-KEY': key.ecmApiKey,
};
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

async function timed(base: string, path: string, runs = 9): Promise<string> {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/${path}`, { headers });
    bytes = (await res.arrayBuffer()).byteLength;
    status = res.status;
    times.push(performance.now() - t);
  }
  // The first two calls include JIT warm-up and cold caches; report them separately.
  const warm = times.slice(2).sort((x, y) => x - y);
  const median = warm[Math.floor(warm.length / 2)]!;
  const p90 = warm[Math.floor(warm.length * 0.9)]!;
  return `${path.padEnd(72)} ${status} cold ${times[0]!.toFixed(1)} ms, warm median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, ${Math.round(bytes / 1024)} KB`;
}

async function measure(routers: number): Promise<void> {
  const t0 = performance.now();
  const sim = await startSimulator({ routers, rateLimitPerMinute: 1_000_000 });
  const startMs = performance.now() - t0;
  console.log(`routers=${routers}: start ${startMs.toFixed(0)} ms, RSS after start ${mb(process.memoryUsage().rss)}`);
  const mid = Math.floor(routers / 2);
  const paths = [
    'routers/?limit=500',
    `routers/?limit=500&offset=${Math.max(0, routers - 500)}`,
    'routers/?limit=500&state=offline',
    'routers/?limit=500&expand=group,account',
    `routers/?id__gt=${1_000_001 + mid}&limit=500&fields=id,state,state_updated_at`,
    'routers/?limit=500&order_by=-name',
    'net_devices/?limit=500',
    'net_device_metrics/?limit=500',
    'alerts/?limit=500',
    'alerts/?limit=500&offset=5000',
    'alerts/?limit=100&type=wan_failover',
    `alerts/?limit=100&router=${1_000_001 + mid}`,
    'net_device_signal_samples/?net_device=5000001&limit=500',
    `router_state_samples/?router=${1_000_001 + mid}&limit=100`,
    'historical_locations/?router=1000001&limit=500&offset=100000',
  ];
  for (const p of paths) console.log(`  ${await timed(sim.baseUrl, p)}`);
  console.log(`  RSS after queries ${mb(process.memoryUsage().rss)}`);
  await sim.close();
}

const arg = process.argv[2];
if (arg) {
  measure(Number(arg)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  for (const n of [1000, 50_000]) {
    const r = spawnSync(process.execPath, [...process.execArgv, __filename, String(n)], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
