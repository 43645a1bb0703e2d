import Link from 'next/link';
import type { AlertsByTypeDto } from '@/lib/dto/fleet';

/** Alert types of the last 24 h, each linking to the alert log filtered to that type. */
export function AlertsByType({ items }: { items: AlertsByTypeDto }) {
  if (items.length === 0) return <p className="muted">No alerts in the last 24 hours.</p>;
  return (
    <ul className="plain-list" data-testid="alerts-by-type">
      {items.map((a) => (
        <li key={a.type}>
          <Link href={`/alerts?${new URLSearchParams({ type: a.type, range: '24h' }).toString()}`}>
            {a.type.replaceAll('_', ' ')}
          </Link>
          <span className="chip-count">{a.count.toLocaleString('en-US')}</span>
        </li>
      ))}
    </ul>
  );
}
