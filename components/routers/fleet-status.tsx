import type { FleetRoutersPageDto } from '@/lib/dto/fleet';
import { Time } from '@/components/ui/time';
import { SyncProgress } from '@/components/ui/sync-progress';

/** Freshness of the snapshot: always the "as of" time, plus a banner when stale or still syncing. */
export function FleetStatus({ meta }: { meta: Pick<FleetRoutersPageDto, 'asOf' | 'stale' | 'sync'> | null }) {
  return (
    <>
      {meta?.stale && (
        <div className="banner warn" role="status" data-testid="fleet-stale">
          NCM unreachable — showing data as of <Time iso={meta.asOf} />.
        </div>
      )}
      {meta?.sync.phase === 'initial' && <SyncProgress sync={meta.sync} testId="fleet-initial-sync" />}
      <span className="small muted as-of" data-testid="routers-as-of">
        As of <Time iso={meta?.asOf} style="time" />
      </span>
    </>
  );
}
