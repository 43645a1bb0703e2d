import 'server-only';
/** Shared reads of the alert log: the held window for the fleet, a keyed read for one router's past. */
import { getAlertWindow } from '@/lib/alerts/alert-window';
import type { WindowRead } from '@/lib/alerts/held-window';
import type { Alert } from '@/lib/domain/types';
import { listAlerts } from '@/lib/ncm';
import { type SharedRead, sharedRead } from './shared-read';

/** Alerts created in [from, to), newest first, from the held window. */
export function readAlertWindow(fromMs: number, toMs?: number): Promise<WindowRead> {
  return getAlertWindow().read(fromMs, toMs);
}

/** Whether NCM has this alert, as far as the alerts of the last `windowMs` tell. */
export async function alertIsKnown(id: string, windowMs: number, now = Date.now()): Promise<boolean> {
  const window = getAlertWindow();
  if (window.has(id)) return true;
  await window.read(now - windowMs);
  return window.has(id);
}

const ROUTER_ALERTS_MAX = 500;

/**
 * One router's alerts since `fromMs`, newest first. Within the held window they cost nothing; older
 * ones (a 30-day look) are one call per router and minute, shared by its viewers.
 */
export async function readRouterAlerts(routerId: string, fromMs: number): Promise<SharedRead<Alert[]>> {
  const window = getAlertWindow();
  if (window.covers(fromMs)) {
    const held = await window.read(fromMs);
    return {
      value: held.alerts.filter((a) => a.routerId === routerId),
      asOf: held.asOf,
      failing: held.stale,
      waiting: false,
    };
  }
  const from = Math.floor(fromMs / 60_000) * 60_000;
  // NCM cannot order alerts; one full page of a router's window, sorted here, is plenty for a list.
  const read = await sharedRead('routerAlerts', { router: routerId, from }, async () => {
    const page = await listAlerts({
      routerIds: [routerId],
      createdAfter: new Date(from).toISOString(),
      limit: ROUTER_ALERTS_MAX,
    });
    return page.items.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  });
  return read;
}
