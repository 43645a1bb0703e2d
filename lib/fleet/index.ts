import 'server-only';
/**
 * The process-wide fleet snapshot: one snapshot (and one sync) per process, whatever bundle imports
 * it (lib/process-state.ts).
 */
import type { Router } from '@/lib/domain/types';
import { processSingleton, replaceProcessSingleton } from '@/lib/process-state';
import { fleetSyncConfigFromEnv } from './config';
import { ncmFleetUpstream } from './ncm-upstream';
import { applyRouterUpdateToIndex, fleetIndexSettled, prepareFleetIndex, resetFleetIndexStore } from './index-store';
import { resetMapIndexStore } from './map-index';
import { FleetSync, type FleetSyncDeps } from './sync';

export { type FleetView, FleetSync } from './sync';
export { fleetIndexFor, queryFleet, serveFleetIndex } from './index-store';

export function getFleetSync(): FleetSync {
  return processSingleton(
    'fleet-sync',
    () =>
      new FleetSync({
        upstream: ncmFleetUpstream,
        config: fleetSyncConfigFromEnv(),
        log: (message) => console.error(message),
        onRefreshed: () => setImmediate(prepareCurrentIndex),
        keepWarm: {
          setTimer: (fn, ms) => {
            setTimeout(fn, ms).unref?.();
          },
        },
      }),
  );
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
  resetFleetIndexStore();
  resetMapIndexStore();
  const sync = deps
    ? new FleetSync({ upstream: ncmFleetUpstream, config: fleetSyncConfigFromEnv(), ...deps })
    : undefined;
  replaceProcessSingleton('fleet-sync', sync);
  return sync;
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

export { routerDevices } from './router-devices';
