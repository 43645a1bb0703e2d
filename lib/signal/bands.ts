/**
 * The one table that bands cellular signal into quality labels, used by the table, the router page,
 * the field gauge and the charts' shaded bands. Browser-safe. Thresholds are the LTE ranges carriers
 * and Cradlepoint's own UI use.
 */
import type { SignalQuality } from '@/lib/dto/fleet-values';

export { QUALITY_LABEL } from '@/lib/dto/fleet-values';

export interface Band {
  quality: SignalQuality;
  /** The band holds values ≥ min (the lowest band has no floor). */
  min: number | null;
}

/** RSRP in dBm: excellent ≥ −80, good ≥ −90, fair ≥ −100, else poor. */
export const RSRP_BANDS: readonly Band[] = [
  { quality: 'excellent', min: -80 },
  { quality: 'good', min: -90 },
  { quality: 'fair', min: -100 },
  { quality: 'poor', min: null },
];

/** SINR in dB: excellent ≥ 20, good ≥ 13, fair ≥ 0, else poor. */
export const SINR_BANDS: readonly Band[] = [
  { quality: 'excellent', min: 20 },
  { quality: 'good', min: 13 },
  { quality: 'fair', min: 0 },
  { quality: 'poor', min: null },
];

export function bandOf(value: number | null | undefined, bands: readonly Band[]): SignalQuality | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  for (const band of bands) if (band.min === null || value >= band.min) return band.quality;
  return null;
}
