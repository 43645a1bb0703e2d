import { RefreshWhileLoading } from '@/components/overview/refresh-while-loading';
import { hhmmUtc } from '@/components/routers/fleet-status';
import { SyncProgress } from '@/components/ui/sync-progress';
import { formatUtc } from '@/lib/format';
import { fleetOverviewOnce } from './fleet-overview';

/** How fresh the figures below are, and, during the first sync, how far it got (refreshing until done). */
export async function StatusSection() {
  const o = await fleetOverviewOnce();
  return (
    <>
      <p className="small muted" data-testid="overview-as-of">
        As of <time dateTime={o.asOf ?? undefined}>{hhmmUtc(o.asOf)}</time>
      </p>
      {o.stale && (
        <p className="banner warn" role="status">
          NCM unreachable — showing data as of {formatUtc(o.asOf)}.
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
