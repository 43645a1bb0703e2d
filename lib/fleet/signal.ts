import 'server-only';
/** Signal quality buckets and the choice of a router's primary modem. */
import type { NetDevice, NetDeviceMetrics } from '@/lib/domain/types';
import type { SignalQuality } from '@/lib/dto/fleet';

/**
 * The one signal-banding table: LTE RSRP bands commonly used by carriers and Cradlepoint's own UI
 * (dBm), best first. A value at or above a band's floor is in that band; the last has no floor.
 * Tables, charts (their threshold lines) and exports all band from here.
 */
export const RSRP_BANDS: ReadonlyArray<{ quality: SignalQuality; minRsrp: number | null }> = [
  { quality: 'excellent', minRsrp: -80 },
  { quality: 'good', minRsrp: -90 },
  { quality: 'fair', minRsrp: -100 },
  { quality: 'poor', minRsrp: null },
];

export function signalQuality(rsrp: number | null | undefined): SignalQuality | null {
  if (rsrp === null || rsrp === undefined || !Number.isFinite(rsrp)) return null;
  for (const band of RSRP_BANDS) if (band.minRsrp === null || rsrp >= band.minRsrp) return band.quality;
  return null;
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
