import type { SignalQuality } from '@/lib/dto/fleet';
import { QUALITY_LABEL } from '@/lib/dto/fleet-values';

export function SignalBadge({ quality }: { quality: SignalQuality | null }) {
  if (!quality) return <span className="muted">—</span>;
  return (
    <span className={`signal signal-${quality}`} data-testid="signal-quality">
      {QUALITY_LABEL[quality]}
    </span>
  );
}
