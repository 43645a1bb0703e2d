import Link from 'next/link';
import type { RouterState } from '@/lib/domain/types';
import type { StateCounts } from '@/lib/dto/fleet';

const TILES: Array<{ state: RouterState; label: string }> = [
  { state: 'online', label: 'Online' },
  { state: 'offline', label: 'Offline' },
  { state: 'initialized', label: 'Initialized' },
  { state: 'unknown', label: 'Unknown' },
];

/** One tile per state, each opening the router table filtered to it. */
export function StateTiles({ counts, total }: { counts: StateCounts; total: number }) {
  return (
    <div className="tiles" data-testid="state-tiles">
      <Link className="tile" href="/routers" data-testid="tile-all">
        <span className="tile-value">{total.toLocaleString('en-US')}</span>
        <span className="tile-label">All routers</span>
      </Link>
      {TILES.map((t) => (
        <Link key={t.state} className="tile" href={`/routers?state=${t.state}`} data-testid={`tile-${t.state}`}>
          <span className="tile-value">{counts[t.state].toLocaleString('en-US')}</span>
          <span className="tile-label">{t.label}</span>
        </Link>
      ))}
    </div>
  );
}
