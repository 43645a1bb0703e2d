import 'server-only';
import type { Alert } from '@/lib/domain/types';
import { toAlertDtos } from './enrich';
import { getAlertHub } from './hub';

/** Sends alerts no stream has seen to every open stream, oldest first; returns how many went out. */
export async function publishNewAlerts(alerts: readonly Alert[]): Promise<number> {
  const hub = getAlertHub();
  const fresh = alerts.filter((a) => !hub.hasSeen(a.id));
  if (fresh.length === 0) return 0;
  const dtos = await toAlertDtos(fresh);
  dtos.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return hub.publishAlerts(dtos);
}
