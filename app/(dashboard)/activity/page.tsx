import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AuditTable } from '@/components/activity/audit-table';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { AuthorizationError } from '@/lib/auth/session';
import { getAuditPage } from '@/lib/data/activity';
import { requirePageUser } from '@/lib/data/page-auth';
import { auditQuerySchema } from '@/lib/dto/activity';
import { NcmActivitySection } from './_sections/ncm-activity-section';

export const metadata: Metadata = { title: 'Activity' };

export default async function ActivityPage(props: PageProps<'/activity'>) {
  try {
    await requirePageUser('activity:read', '/activity', await props.searchParams);
  } catch (err) {
    if (err instanceof AuthorizationError && err.status === 403) {
      return (
        <>
          <h1>Activity</h1>
          <div className="banner warn" role="status" data-testid="activity-forbidden">
            Your role cannot see the activity log.
          </div>
        </>
      );
    }
    throw err;
  }
  const params = await props.searchParams;
  const parsed = auditQuerySchema.safeParse({ offset: typeof params.offset === 'string' ? params.offset : undefined });
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const audit = await getAuditPage(query);

  return (
    <>
      <h1>Activity</h1>
      <h2>Changes made in Fleet Console</h2>
      <AuditTable entries={audit.items} />
      <nav className="pager" aria-label="Audit pages">
        {query.offset > 0 && <Link href={`/activity?offset=${Math.max(0, query.offset - query.limit)}`}>Newer</Link>}
        <span className="small muted" data-testid="audit-range">
          {audit.items.length === 0 ? 0 : query.offset + 1}–{query.offset + audit.items.length} of {audit.total}
        </span>
        {query.offset + query.limit < audit.total && (
          <Link href={`/activity?offset=${query.offset + query.limit}`}>Older</Link>
        )}
      </nav>
      <h2>NetCloud Manager activity log</h2>
      <Suspense fallback={<TableSkeleton rows={6} columns={4} label="Loading the NCM activity log" />}>
        <NcmActivitySection />
      </Suspense>
    </>
  );
}
