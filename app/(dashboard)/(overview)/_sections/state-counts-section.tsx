import { StateTiles } from '@/components/overview/state-tiles';
import { SyncProgress } from '@/components/ui/sync-progress';
import { fleetOverviewOnce } from './fleet-overview';

export async function StateCountsSection() {
  const o = await fleetOverviewOnce();
  if (o.sync.phase === 'initial') return <SyncProgress sync={o.sync} testId="state-tiles-loading" />;
  return <StateTiles counts={o.counts} total={o.total} />;
}
