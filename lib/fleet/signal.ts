import 'server-only';
/** Signal quality buckets and the choice of a router's primary modem. */
import type { NetDevice, NetDeviceMetrics } from '@/lib/domain/types';
import type { SignalQuality } from '@/lib/dto/fleet';
import { bandOf, RSRP_BANDS } from '@/lib/signal/bands';

/** A modem's quality label from its RSRP (lib/signal/bands.ts holds the thresholds). */
export function signalQuality(rsrp: number | null | undefined): SignalQuality | null {
  return bandOf(rsrp, RSRP_BANDS);
}

export function isModem(device: NetDevice): boolean {
  return device.type === 'mdm' || (device.isAsset && device.type !== 'ethernet');
}

/**
 * The modem whose radio describes the router: the connected modem with the best RSRP (a modem
 * without metrics ranks below any with them). Null when no modem is connected.
 */
export function primaryModem(
  devices: readonly NetDevice[],
  metrics: ReadonlyMap<string, NetDeviceMetrics>,
): NetDevice | null {
  let best: NetDevice | null = null;
  let bestRsrp = Number.NEGATIVE_INFINITY;
  for (const device of devices) {
    if (!isModem(device) || device.connectionState !== 'connected') continue;
    const rsrp = metrics.get(device.id)?.rsrp ?? null;
    const score = rsrp === null ? Number.NEGATIVE_INFINITY : rsrp;
    if (best === null || score > bestRsrp) {
      best = device;
      bestRsrp = score;
    }
  }
  return best;
}
