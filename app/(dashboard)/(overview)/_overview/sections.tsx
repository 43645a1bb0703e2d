import { AlertsByType } from '@/components/overview/alerts-by-type';
import { OverviewRouterList } from '@/components/overview/router-list';
import { StateTiles } from '@/components/overview/state-tiles';
import { SignalBadge } from '@/components/routers/signal-quality';
import { Time } from '@/components/ui/time';
import { formatAge } from '@/lib/format';
import { getOverviewOnce } from './get-overview';

/** Each section awaits the overview on its own, so each streams behind its own Suspense boundary. */

export async function AsOfSection() {
  const o = await getOverviewOnce();
  return (
    <p className="small muted" data-testid="overview-as-of">
      As of <Time iso={o.asOf} style="time" />
      {o.stale && (
        <span className="banner warn" role="status" style={{ display: 'block', marginTop: '0.5rem' }}>
          NCM unreachable — showing data as of <Time iso={o.asOf} />.
        </span>
      )}
    </p>
  );
}

export async function StateCountsSection() {
  const o = await getOverviewOnce();
  return <StateTiles counts={o.counts} total={o.total} />;
}

export async function AlertsSection() {
  const o = await getOverviewOnce();
  return <AlertsByType items={o.alertsByType} />;
}

export async function WorstSignalSection() {
  const o = await getOverviewOnce();
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

export async function RecentlyOfflineSection() {
  const o = await getOverviewOnce();
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
