import 'server-only';
/** The fleet snapshot's sync settings: intervals from the environment (lib/env), paging fixed by NCM. */
import { fleetEnv } from '@/lib/env';

export interface FleetSyncConfig {
  /** A read finding the snapshot older than this triggers one incremental poll (FLEET_POLL_SECONDS). */
  pollMs: number;
  /** A full re-sync (catches deletions, refreshes health and reference data) this often (FLEET_FULL_SYNC_MINUTES). */
  fullSyncMs: number;
  /** Past this age with NCM failing, reads fail instead of serving stale data (FLEET_MAX_STALE_MINUTES). */
  maxStaleMs: number;
  /** NCM's largest page. */
  pageSize: number;
  /** Pages of one list in flight at once. */
  concurrency: number;
}

export function fleetSyncConfigFromEnv(): FleetSyncConfig {
  const { pollMs, fullSyncMs, maxStaleMs } = fleetEnv();
  return { pollMs, fullSyncMs, maxStaleMs, pageSize: 500, concurrency: 4 };
}
