import type { SignalQuality } from '@/lib/dto/fleet';

/** LTE RSRP bands the NOC uses: excellent ≥ −80 dBm, good ≥ −90, fair ≥ −100, else poor. */
export function qualityFromRsrp(rsrp: number | null | undefined): SignalQuality | null {
  if (rsrp === null || rsrp === undefined || !Number.isFinite(rsrp)) return null;
  if (rsrp >= -80) return 'excellent';
  if (rsrp >= -90) return 'good';
  if (rsrp >= -100) return 'fair';
  return 'poor';
}

export const QUALITY_LABEL: Record<SignalQuality, string> = {
  excellent: 'Excellent',
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
};

export function SignalBadge({ quality }: { quality: SignalQuality | null }) {
  if (!quality) return <span className="muted">—</span>;
  return (
    <span className={`signal signal-${quality}`} data-testid="signal-quality">
      {QUALITY_LABEL[quality]}
    </span>
  );
}
