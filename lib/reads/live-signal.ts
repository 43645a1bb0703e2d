import 'server-only';
/**
 * Live radio readings of one router's modems for the field view: NCM's latest metrics, read at most
 * every few seconds however many technicians watch (a shared read), plus the readings of the last
 * minutes kept per modem in this process, so a screen opened now already draws a short history.
 */
import type { NetDeviceMetrics } from '@/lib/domain/types';
import { listNetDeviceMetrics } from '@/lib/ncm';
import { processSingleton } from '@/lib/process-state';
import { type SharedRead, sharedRead } from './shared-read';

export interface Reading {
  at: string;
  rsrp: number | null;
  sinr: number | null;
}

const KEPT_PER_MODEM = 60;
const KEPT_MODEMS = 2_000;

const history = () => processSingleton('live-signal-history', () => new Map<string, Reading[]>());

function remember(metrics: readonly NetDeviceMetrics[]): void {
  const byModem = history();
  for (const m of metrics) {
    const at = m.updatedAt;
    if (!at) continue;
    const list = byModem.get(m.netDeviceId) ?? [];
    if (list.at(-1)?.at === at) continue;
    list.push({ at, rsrp: m.rsrp, sinr: m.sinr });
    if (list.length > KEPT_PER_MODEM) list.splice(0, list.length - KEPT_PER_MODEM);
    byModem.delete(m.netDeviceId);
    byModem.set(m.netDeviceId, list);
  }
  while (byModem.size > KEPT_MODEMS) byModem.delete(byModem.keys().next().value as string);
}

export async function readLiveMetrics(modemIds: readonly string[]): Promise<SharedRead<NetDeviceMetrics[]>> {
  const read = await sharedRead('liveMetrics', { devices: modemIds }, async () => {
    const metrics = await listNetDeviceMetrics(modemIds);
    remember(metrics);
    return metrics;
  });
  return read;
}

/** The readings kept for a modem, oldest first. */
export function recentReadings(modemId: string): Reading[] {
  return [...(history().get(modemId) ?? [])];
}
