import Link from 'next/link';
import { StackTable } from '@/components/ui/stack-table';
import { Time } from '@/components/ui/time';
import { getNcmActivity } from '@/lib/data/activity';
import type { NcmActivityDto } from '@/lib/dto/activity';
import { isNumericId } from '@/lib/dto/ids';

const NCM_COLUMNS = [{ label: 'When' }, { label: 'Actor' }, { label: 'Action' }, { label: 'Object' }] as const;

/** A router links to its page; anything else is named, with its type. Names are NCM's, shown as text. */
function NcmObject({ entry }: { entry: NcmActivityDto }) {
  if (entry.objectType === 'router' && entry.objectId && isNumericId(entry.objectId)) {
    return (
      <Link href={`/routers/${entry.objectId}`} prefetch={false}>
        {entry.objectName ?? `Router ${entry.objectId}`}
      </Link>
    );
  }
  return (
    <>
      {entry.objectName ?? '—'} {entry.objectType && <span className="small muted">({entry.objectType})</span>}
    </>
  );
}

/**
 * NCM's activity log. An async server component behind its own Suspense: when NCM is slow or down,
 * only this section shows a banner; the dashboard's own audit entries above are unaffected.
 */
export async function NcmActivitySection() {
  let entries: NcmActivityDto[];
  try {
    entries = await getNcmActivity(50);
  } catch (err) {
    console.error('[activity] NCM activity log failed:', err instanceof Error ? err.message : err);
    return (
      <div className="banner error" role="status" data-testid="ncm-activity-error">
        NetCloud Manager&rsquo;s activity log could not be loaded right now. The entries above are unaffected; reload to
        try again.
      </div>
    );
  }
  if (entries.length === 0) return <div className="card">NCM reports no activity in the last 30 days.</div>;
  return (
    <StackTable
      testId="ncm-activity-table"
      columns={NCM_COLUMNS}
      rows={entries}
      rowKey={(e) => e.id}
      cells={(e) => [
        <Time key="when" iso={e.createdAt} />,
        <>
          {e.actorName ?? '—'} {e.actorType && <span className="small muted">({e.actorType})</span>}
        </>,
        e.actionType ?? '—',
        <NcmObject key="object" entry={e} />,
      ]}
    />
  );
}
