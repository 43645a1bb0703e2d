import Link from 'next/link';
import { Time } from '@/components/ui/time';
import { getNcmActivity } from '@/lib/data/activity';
import type { NcmActivityDto } from '@/lib/dto/activity';
import { isNumericId } from '@/lib/dto/ids';

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
    <div className="table-wrap card" style={{ padding: 0 }}>
      <table className="data stack" data-testid="ncm-activity-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Object</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td data-label="When">
                <Time iso={e.createdAt} />
              </td>
              <td data-label="Actor">
                {e.actorName ?? '—'} {e.actorType && <span className="small muted">({e.actorType})</span>}
              </td>
              <td data-label="Action">{e.actionType ?? '—'}</td>
              <td data-label="Object">
                {e.objectType === 'router' && e.objectId && isNumericId(e.objectId) ? (
                  <Link href={`/routers/${e.objectId}`} prefetch={false}>
                    {e.objectName ?? `Router ${e.objectId}`}
                  </Link>
                ) : (
                  <>
                    {e.objectName ?? '—'} {e.objectType && <span className="small muted">({e.objectType})</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
