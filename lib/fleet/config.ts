import 'server-only';
/** Sync intervals of the fleet snapshot, read once from the environment (and overridable in tests). */

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

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

export function fleetSyncConfigFromEnv(): FleetSyncConfig {
  return {
    pollMs: positive('FLEET_POLL_SECONDS', 30) * 1000,
    fullSyncMs: positive('FLEET_FULL_SYNC_MINUTES', 15) * 60_000,
    maxStaleMs: positive('FLEET_MAX_STALE_MINUTES', 60) * 60_000,
    pageSize: 500,
    concurrency: 4,
  };
}
