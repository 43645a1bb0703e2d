import 'server-only';
/**
 * The shared fleet snapshot, when it can answer for one router: its first full sync is done (every
 * list is complete) and it is not failing. It already pays for keeping every router, net device and
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
  if (view.sync.phase !== 'ready' || view.stale) return null;
  sync.read().catch(() => undefined);
  return view;
}
