import { formatUtc } from '@/lib/format';

/** A timestamp in UTC, with the full ISO value for hover and assistive tech. */
export function UtcTime({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatUtc(iso)}
    </time>
  );
}
