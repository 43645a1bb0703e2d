import type { FleetRoutersPageDto } from '@/lib/dto/fleet';
import { Time } from '@/components/ui/time';

/** Freshness of the snapshot: always the "as of" time, plus a banner when stale or still syncing. */
export function FleetStatus({ meta }: { meta: Pick<FleetRoutersPageDto, 'asOf' | 'stale' | 'sync'> | null }) {
  return (
    <>
      {meta?.stale && (
        <div className="banner warn" role="status" data-testid="fleet-stale">
          NCM unreachable — showing data as of <Time iso={meta.asOf} />.
        </div>
      )}
      {meta?.sync.phase === 'initial' && (
        <div className="banner info" role="status" data-testid="fleet-initial-sync">
          Loading fleet… {meta.sync.loadedRouters.toLocaleString('en-US')} routers so far.
        </div>
      )}
      <span className="small muted as-of" data-testid="routers-as-of">
        As of{' '}
        <Time iso={meta?.asOf} style="time" />
      </span>
    </>
  );
}
