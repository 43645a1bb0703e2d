import 'server-only';
/** Signal quality buckets and the choice of a router's primary modem. */
import type { NetDevice, NetDeviceMetrics } from '@/lib/domain/types';
import type { SignalQuality } from '@/lib/dto/fleet';

/** LTE RSRP buckets commonly used by carriers and Cradlepoint's own UI (dBm). */
export function signalQuality(rsrp: number | null | undefined): SignalQuality | null {
  if (rsrp === null || rsrp === undefined || !Number.isFinite(rsrp)) return null;
  if (rsrp >= -80) return 'excellent';
  if (rsrp >= -90) return 'good';
  if (rsrp >= -100) return 'fair';
  return 'poor';
}

export function isModem(device: NetDevice): boolean {
  return device.type === 'mdm' || (device.isAsset && device.type !== 'ethernet');
}

/**
 * The modem whose radio describes the router: the connected modem with the best RSRP (a modem
 * without metrics ranks below any with them). Null when no modem is connected.
 */
export function primaryModem(devices: readonly NetDevice[], metrics: ReadonlyMap<string, NetDeviceMetrics>): NetDevice | null {
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
