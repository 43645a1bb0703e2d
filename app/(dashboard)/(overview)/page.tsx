import type { Metadata } from 'next';
import { type ReactNode, Suspense } from 'react';
import { SectionBoundary } from '@/components/ui/section-boundary';
import { SectionSkeleton } from '@/components/ui/section-skeleton';
import { requirePageUser } from '@/lib/data/page-auth';
import { AlertsSection } from './_sections/alerts-section';
import { RecentlyOfflineSection } from './_sections/recently-offline-section';
import { StateCountsSection } from './_sections/state-counts-section';
import { StatusSection } from './_sections/status-section';
import { WorstSignalSection } from './_sections/worst-signal-section';

export const metadata: Metadata = { title: 'Overview' };

/** A section with its own heading, error boundary and skeleton: one failure or slow call stays local. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <SectionBoundary what={title}>
        <Suspense fallback={<SectionSkeleton label={title} />}>{children}</Suspense>
      </SectionBoundary>
    </section>
  );
}

export default async function OverviewPage() {
  await requirePageUser('routers:read', '/');
  return (
    <>
      <h1>Fleet overview</h1>
      <SectionBoundary what="The snapshot time">
        <Suspense fallback={<p className="small muted">As of …</p>}>
          <StatusSection />
        </Suspense>
      </SectionBoundary>
      <section aria-labelledby="states-heading">
        <h2 id="states-heading">Routers by state</h2>
        <SectionBoundary what="Routers by state">
          <Suspense fallback={<SectionSkeleton label="routers by state" lines={2} />}>
            <StateCountsSection />
          </Suspense>
        </SectionBoundary>
      </section>
      <div className="overview-grid">
        <Section id="alerts-heading" title="Alerts in the last 24 h">
          <AlertsSection />
        </Section>
        <Section id="signal-heading" title="Worst signal">
          <WorstSignalSection />
        </Section>
        <Section id="offline-heading" title="Recently offline">
          <RecentlyOfflineSection />
        </Section>
      </div>
    </>
  );
}
