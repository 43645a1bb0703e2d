import 'server-only';
/**
 * The process-wide fleet snapshot. Kept on globalThis because Next bundles route handlers and server
 * components separately: one snapshot (and one sync) per process, whatever imports it.
 */
import type { Router } from '@/lib/domain/types';
import { type BudgetStats, getNcmCallBudget } from '@/lib/ncm/budget';
import { fleetSyncConfigFromEnv } from './config';
import { ncmFleetUpstream } from './ncm-upstream';
import { applyRouterUpdateToIndex, fleetIndexSettled, prepareFleetIndex, resetFleetIndexStore } from './index-store';
import { resetMapIndexStore } from './map-index';
import { FleetSync, type FleetSyncDeps, type FleetSyncStats } from './sync';

export { type FleetView, FleetSync, type FleetSyncStats } from './sync';
export { fleetIndexFor, queryFleet, serveFleetIndex } from './index-store';
export { signalQuality } from './signal';

const GLOBAL_KEY = Symbol.for('fleet-console.fleet-sync');
type GlobalWithFleet = typeof globalThis & { [GLOBAL_KEY]?: FleetSync };

export function getFleetSync(): FleetSync {
  const g = globalThis as GlobalWithFleet;
  g[GLOBAL_KEY] ??= new FleetSync({
    upstream: ncmFleetUpstream,
    config: fleetSyncConfigFromEnv(),
    log: (message) => console.error(message),
    onRefreshed: () => setImmediate(prepareCurrentIndex),
    keepWarm: {
      setTimer: (fn, ms) => {
        setTimeout(fn, ms).unref?.();
      },
    },
  });
  return g[GLOBAL_KEY];
}

function prepareCurrentIndex(): void {
  try {
    prepareFleetIndex(getFleetSync().view());
  } catch {
    // Too stale to serve: the next read reports it; nothing to prepare.
  }
}

/** Replaces the process snapshot (tests, benchmarks); `undefined` builds a fresh one on next use. */
export function resetFleetSync(deps?: Partial<FleetSyncDeps>): FleetSync | undefined {
  const g = globalThis as GlobalWithFleet;
  resetFleetIndexStore();
  resetMapIndexStore();
  g[GLOBAL_KEY] = deps
    ? new FleetSync({ upstream: ncmFleetUpstream, config: fleetSyncConfigFromEnv(), ...deps })
    : undefined;
  return g[GLOBAL_KEY];
}

/** Resolves once the table's index reflects the snapshot as it is now (tests, benchmarks). */
export function fleetIndexReady(): Promise<void> {
  return fleetIndexSettled(getFleetSync().view());
}

/** Call after a successful router write (e.g. changeRouter) so every viewer sees it at once. */
export function applyRouterUpdate(router: Router): void {
  const sync = getFleetSync();
  sync.applyRouterUpdate(router);
  try {
    applyRouterUpdateToIndex(sync.view(), router.id);
  } catch {
    // Too stale to serve: nothing is shown, so there is nothing to patch.
  }
}

/** Upstream accounting for ops pages, tests and benchmarks: the snapshot's calls by list, and the budget. */
export function getFleetStats(): { sync: FleetSyncStats; budget: BudgetStats } {
  return { sync: getFleetSync().getStats(), budget: getNcmCallBudget().stats() };
}

export { routerDevices } from './router-devices';
