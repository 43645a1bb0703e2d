import { RefreshWhileLoading } from '@/components/overview/refresh-while-loading';
import { SyncProgress } from '@/components/ui/sync-progress';
import { Time } from '@/components/ui/time';
import { fleetOverviewOnce } from './fleet-overview';

/** How fresh the figures below are, and, during the first sync, how far it got (refreshing until done). */
export async function StatusSection() {
  const o = await fleetOverviewOnce();
  return (
    <>
      <p className="small muted" data-testid="overview-as-of">
        As of <Time iso={o.asOf} style="time" />
      </p>
      {o.stale && (
        <p className="banner warn" role="status">
          NCM unreachable — showing data as of <Time iso={o.asOf} />.
        </p>
      )}
      {o.sync.phase === 'initial' && (
        <>
          <SyncProgress sync={o.sync} testId="overview-initial-sync" />
          <RefreshWhileLoading />
        </>
      )}
    </>
  );
}
