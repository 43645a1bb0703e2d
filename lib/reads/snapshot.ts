import 'server-only';
/**
 * The shared fleet snapshot, when it can answer for one router: its first full sync is done (every
 * list is complete) and its last refresh succeeded. It already pays for keeping every router, net device and
 * metric current, so a router page that finds its router there costs NCM nothing more. Using it keeps
 * its polls going (they are shared: the same few calls however many people look); a router page never
 * starts a fleet-wide sync by itself.
 */
import { type FleetView, getFleetSync } from '@/lib/fleet';

export function usableSnapshot(): FleetView | null {
  const sync = getFleetSync();
  let view: FleetView;
  try {
    view = sync.view();
  } catch {
    return null;
  }
  // A failed last poll means NCM may be down: the router page then asks NCM itself, and says so
  // (with the snapshot as its fallback) instead of presenting the snapshot as current.
  if (view.sync.phase !== 'ready' || view.stale || view.sync.lastError !== null) return null;
  sync.read().catch(() => undefined);
  return view;
}

/**
 * The snapshot as it is, even while NCM fails or its first sync runs: good enough for names and
 * group or account membership, which change rarely; null before it holds a single router.
 */
export function heldSnapshot(): FleetView | null {
  try {
    const view = getFleetSync().view();
    return view.data.routers.size > 0 ? view : null;
  } catch {
    return null;
  }
}
