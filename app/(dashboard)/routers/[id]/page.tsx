import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { SignalPanel } from '@/components/charts/signal-panel';
import { LocationPanel } from '@/components/location/location-panel';
import { NetDevicesTable } from '@/components/routers/net-devices-table';
import { AlertWindowPicker, parseAlertWindow } from '@/components/routers/router-alerts';
import { RouterEditForm } from '@/components/routers/router-edit-form';
import { RouterFields } from '@/components/routers/router-fields';
import { RouterHeader } from '@/components/routers/router-header';
import { parseRouterTab, RouterTabs } from '@/components/routers/router-tabs';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { SectionBoundary } from '@/components/ui/section-boundary';
import { SectionSkeleton } from '@/components/ui/section-skeleton';
import { StateBadge } from '@/components/ui/state-badge';
import { Time } from '@/components/ui/time';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/data/page-auth';
import { budgetWaitNote } from '@/lib/data/budget';
import { siteEnv } from '@/lib/env';
import { getRouterDetail } from '@/lib/data/routers';
import { AlertsSection } from './_sections/alerts-section';
import { ModemsSection } from './_sections/modems-section';

export async function generateMetadata(props: PageProps<'/routers/[id]'>): Promise<Metadata> {
  const { id } = await props.params;
  return { title: `Router ${id}` };
}

/** The time window and zone are shared by the Signal and Location tabs: switching keeps them. */
function sharedTabParams(search: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['range', 'from', 'to', 'tz', 'modem']) {
    const value = search[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export default async function RouterPage(props: PageProps<'/routers/[id]'>) {
  const { id } = await props.params;
  const search = await props.searchParams;
  const tab = parseRouterTab(search.tab);
  const window = parseAlertWindow(search.window);
  const user = await requirePageUser('routers:read', `/routers/${encodeURIComponent(id)}`, search);
  const router = await getRouterDetail(id);
  if (!router) notFound();
  const waitNote = tab === 'overview' ? null : await budgetWaitNote();

  return (
    <article aria-labelledby="router-name">
      <p className="small">
        <Link href="/routers">← All routers</Link>
      </p>
      <div className="header-row">
        <h1 id="router-name" data-testid="router-name">
          {router.name} <StateBadge state={router.state} />
        </h1>
        <span className="header-actions">
          <Link href={`/field/${encodeURIComponent(router.id)}`} prefetch={false} data-testid="field-view-link">
            Field view
          </Link>
          <CopyLinkButton />
        </span>
      </div>
      {router.unavailable && (
        <div className="banner warn" role="status" data-testid="router-stale">
          NCM is not answering ({router.unavailable.reason}). Showing this router as of{' '}
          {router.unavailable.asOf ? <Time iso={router.unavailable.asOf} /> : 'the last fleet sync'}; changes are
          disabled until NCM answers again.
        </div>
      )}
      {router.waitingForBudget && !router.unavailable && (
        <div className="banner info" role="status" data-testid="router-budget-wait">
          NetCloud Manager&apos;s call budget is in use right now: showing this router as of <Time iso={router.asOf} />.
          It refreshes as soon as a call is free.
        </div>
      )}
      <RouterHeader router={router} />
      <p className="small muted" data-testid="router-as-of">
        Data as of <Time iso={router.asOf} />.
      </p>
      <RouterTabs routerId={router.id} active={tab} params={{ window, ...sharedTabParams(search) }} />

      {tab === 'overview' && (
        <>
          <div className="grid-2">
            <section className="card" aria-labelledby="fields-heading">
              <h2 id="fields-heading">Details</h2>
              <RouterFields router={router} />
            </section>
            <section className="card" aria-labelledby="edit-heading">
              <h2 id="edit-heading">Name, description and group</h2>
              {can(user.role, 'routers:update') ? (
                <RouterEditForm
                  router={router}
                  disabledReason={
                    router.unavailable ? 'NCM is unreachable, so changes cannot be saved right now.' : undefined
                  }
                />
              ) : (
                <p className="muted" data-testid="read-only-note">
                  Your role ({user.role}) can view this router but not change it.
                </p>
              )}
            </section>
          </div>
          <section aria-labelledby="devices-heading">
            <h2 id="devices-heading">Network devices</h2>
            <NetDevicesTable devices={router.netDevices} />
          </section>
        </>
      )}

      {tab === 'modems' && (
        <section aria-labelledby="modems-heading">
          <h2 id="modems-heading">Modems</h2>
          <SectionBoundary what="The modems">
            <Suspense fallback={<SectionSkeleton label="modems" note={waitNote} />}>
              <ModemsSection routerId={router.id} />
            </Suspense>
          </SectionBoundary>
        </section>
      )}

      {tab === 'signal' && (
        <Suspense fallback={<SectionSkeleton label="signal" note={waitNote} />}>
          <SignalPanel routerId={router.id} canExport={can(user.role, 'routers:export')} routerZone={router.locality} />
        </Suspense>
      )}

      {tab === 'location' && (
        <Suspense fallback={<SectionSkeleton label="location" note={waitNote} />}>
          <LocationPanel routerId={router.id} routerZone={router.locality} tiles={siteEnv().mapTiles} />
        </Suspense>
      )}

      {tab === 'alerts' && (
        <section aria-labelledby="alerts-heading">
          <div className="header-row">
            <h2 id="alerts-heading">Recent alerts</h2>
            <AlertWindowPicker routerId={router.id} active={window} />
          </div>
          <SectionBoundary what="The alerts">
            <Suspense key={window} fallback={<SectionSkeleton label="alerts" note={waitNote} />}>
              <AlertsSection routerId={router.id} window={window} />
            </Suspense>
          </SectionBoundary>
        </section>
      )}
    </article>
  );
}
