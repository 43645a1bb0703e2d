/** The fleet snapshot's intervals and the per-user limit on the fleet routes. */
import { z } from 'zod';
import { envSection, parseEnv, positive } from './read';

const schema = z.object({
  FLEET_POLL_SECONDS: positive(),
  FLEET_FULL_SYNC_MINUTES: positive(),
  FLEET_MAX_STALE_MINUTES: positive(),
  FLEET_USER_REQUESTS_PER_10S: positive(),
});

export interface FleetEnv {
  /** A read finding the snapshot older than this starts one incremental poll. */
  pollMs: number;
  /** A full re-sync (catches deletions, refreshes health and reference data) this often. */
  fullSyncMs: number;
  /** Past this age with NCM failing, reads fail instead of serving stale data. */
  maxStaleMs: number;
  /** Requests each user may make to the fleet routes per 10 s (an export counts 10). */
  userRequestsPer10s: number;
}

export const fleetEnv = envSection('fleet', Object.keys(schema.shape), (env): FleetEnv => {
  const e = parseEnv(schema, env);
  return {
    pollMs: (e.FLEET_POLL_SECONDS ?? 30) * 1000,
    fullSyncMs: (e.FLEET_FULL_SYNC_MINUTES ?? 15) * 60_000,
    maxStaleMs: (e.FLEET_MAX_STALE_MINUTES ?? 60) * 60_000,
    userRequestsPer10s: e.FLEET_USER_REQUESTS_PER_10S ?? 120,
  };
});
