import { OverviewRouterList } from '@/components/overview/router-list';
import { SignalBadge } from '@/components/routers/signal-quality';
import { SyncProgress } from '@/components/ui/sync-progress';
import { fleetOverviewOnce } from './fleet-overview';

export async function WorstSignalSection() {
  const o = await fleetOverviewOnce();
  if (o.sync.phase === 'initial') return <SyncProgress sync={o.sync} testId="worst-signal-loading" />;
  return (
    <OverviewRouterList
      routers={o.worstSignal}
      testId="worst-signal"
      empty="No signal readings yet."
      allHref="/routers?signal=poor&sort=rsrp&dir=asc"
      allLabel="All routers with poor signal"
      detail={(r) => (
        <>
          <SignalBadge quality={r.signalQuality} /> {r.rsrp === null ? '' : `${r.rsrp} dBm`}
        </>
      )}
    />
  );
}
