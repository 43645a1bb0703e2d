import { OverviewRouterList } from '@/components/overview/router-list';
import { SyncProgress } from '@/components/ui/sync-progress';
import { formatAge } from '@/lib/format';
import { fleetOverviewOnce } from './fleet-overview';

export async function RecentlyOfflineSection() {
  const o = await fleetOverviewOnce();
  if (o.sync.phase === 'initial') return <SyncProgress sync={o.sync} testId="recently-offline-loading" />;
  return (
    <OverviewRouterList
      routers={o.recentlyOffline}
      testId="recently-offline"
      empty="No router is offline."
      allHref="/routers?state=offline&sort=stateUpdatedAt&dir=desc"
      allLabel="All offline routers, most recent first"
      detail={(r) => <time dateTime={r.stateUpdatedAt ?? undefined}>{formatAge(r.stateUpdatedAt) || '—'}</time>}
    />
  );
}
