import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveSignal } from '@/components/field/live-signal';
import { RebootButton } from '@/components/field/reboot-button';
import { RouterLocation } from '@/components/field/router-location';
import { StateBadge } from '@/components/ui/state-badge';
import { Time } from '@/components/ui/time';
import { can } from '@/lib/auth/permissions';
import { siteEnv } from '@/lib/env';
import { requirePageUser } from '@/lib/data/page-auth';
import { getFieldLive } from '@/lib/data/field';
import { getRouterDetail, listRecentRouterAlerts } from '@/lib/data/routers';
import { formatAge } from '@/lib/format';

export async function generateMetadata(props: PageProps<'/field/[id]'>): Promise<Metadata> {
  const { id } = await props.params;
  return { title: `Field view · router ${id}` };
}

/** One router on a phone: is it up, how is its signal right now, where is it, what broke. */
export default async function FieldRouterPage(props: PageProps<'/field/[id]'>) {
  const { id } = await props.params;
  const user = await requirePageUser('routers:read', `/field/${encodeURIComponent(id)}`, await props.searchParams);
  const router = await getRouterDetail(id);
  if (!router) notFound();
  // The first reading comes with the page (the same shared read the gauges poll), so the gauges do
  // not arrive after it and push the map and alerts down; if it fails, the gauges ask for it.
  const [recent, live] = await Promise.all([
    listRecentRouterAlerts(id, '24h'),
    getFieldLive(id).catch(() => undefined),
  ]);
  const alerts = recent.slice(0, 5);
  const located = typeof router.latitude === 'number' && typeof router.longitude === 'number';
  return (
    <article className="field">
      <p className="small">
        <Link href="/field">← Find another router</Link> ·{' '}
        <Link href={`/routers/${encodeURIComponent(id)}`} prefetch={false}>
          Full router page
        </Link>
      </p>
      <h1 data-testid="field-router-name">
        {router.name} <StateBadge state={router.state} />
      </h1>
      <p className="muted">
        {router.state} since <Time iso={router.stateUpdatedAt} /> ({formatAge(router.stateUpdatedAt)}) ·{' '}
        {router.productName ?? 'Unknown model'} · serial {router.serialNumber ?? '—'}
      </p>
      <LiveSignal routerId={router.id} initial={live} />
      {located ? (
        <RouterLocation
          id={router.id}
          latitude={router.latitude as number}
          longitude={router.longitude as number}
          tiles={siteEnv().mapTiles}
        />
      ) : (
        <p className="muted">No known location.</p>
      )}
      <section aria-labelledby="field-alerts-heading">
        <h2 id="field-alerts-heading">Last alerts (24 h)</h2>
        {alerts.length === 0 ? (
          <p className="muted">No alerts in the last 24 hours.</p>
        ) : (
          <ul className="field-alerts">
            {alerts.map((a) => (
              <li key={a.id}>
                <span className="small muted">
                  <Time iso={a.createdAt} />
                </span>{' '}
                {a.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(user.role, 'routers:reboot') && !router.unavailable && (
        <RebootButton routerId={router.id} name={router.name} />
      )}
    </article>
  );
}
