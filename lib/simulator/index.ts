/**
 * NCM API v2 simulator: a real HTTP server that behaves like NetCloud Manager's v2 API for a
 * deterministic, living fleet. See lib/simulator/README.md.
 */
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './http/faults';
import { RateLimiter } from './http/rate-limit';
import { createSimServer } from './http/server';
import { DEMO_KEY_SETS } from './keys';
import { AlertPusher } from './state/pusher';
import { Simulation } from './state/simulation';
import type { FaultConfig, RunningSimulator, SimStats, SimulatorOptions } from './types';

export type { FaultConfig, RunningSimulator, SimKeySet, SimulatorOptions } from './types';
export { DEMO_KEY_SETS } from './keys';

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? '127.0.0.1';
  const now = opts.now ?? Date.now;
  const seed = opts.seed ?? 42;
  const keySets = opts.keySets && opts.keySets.length > 0 ? opts.keySets : DEMO_KEY_SETS;
  const sim = new Simulation(Math.max(1, Math.floor(opts.routers ?? 1000)), seed, now);
  const stats: SimStats = { requests: 0, byPath: {}, status: {} };
  const faults = new FaultInjector(seed, opts.faults);
  const limiter = new RateLimiter(opts.rateLimitPerMinute ?? 500, now);
  let baseUrl = '';
  const pusher = new AlertPusher(sim, () => baseUrl);
  const server = createSimServer({
    sim,
    keySets,
    limiter,
    faults,
    pusher,
    controlEnabled: opts.controlEnabled ?? false,
    stats,
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  baseUrl = `http://${urlHost}:${port}/api/v2`;
  pusher.start(opts.alertIntervalMs ?? 5000);
  let closed: Promise<void> | null = null;
  return {
    baseUrl,
    port,
    keySets,
    setFaults: (f: FaultConfig) => faults.set(f),
    stats: () => ({ requests: stats.requests, byPath: { ...stats.byPath }, status: { ...stats.status } }),
    close: () => {
      closed ??= (async () => {
        await pusher.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections(); // includes deliberately hung requests
        });
      })();
      return closed;
    },
  };
}
