import Link from 'next/link';
import { Time } from '@/components/ui/time';
import type { AuditEntryDto } from '@/lib/dto/activity';
import { isNumericId } from '@/lib/dto/ids';

const ACTION_LABELS: Record<string, string> = {
  'router.update': 'Changed router',
  'alert.acknowledge': 'Acknowledged alert',
  'router.reboot': 'Rebooted router',
  'sessions.end': 'Ended sessions',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

/** Field by field, "name: “old” → “new”". Values are rendered as text. */
function Changes({ entry }: { entry: AuditEntryDto }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (keys.length === 0) return <span className="muted">no field changed</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1rem' }}>
      {keys.map((key) => (
        <li key={key} data-testid="audit-change">
          {key}: {show(entry.before?.[key])} → {show(entry.after?.[key])}
        </li>
      ))}
    </ul>
  );
}

function Target({ entry }: { entry: AuditEntryDto }) {
  if (entry.targetType === 'user') {
    const sso = entry.targetId.startsWith('oidc:');
    return (
      <span>
        {sso ? 'SSO user' : 'user'} <code className="small">{entry.targetId.replace(/^(credentials|oidc):/, '')}</code>
      </span>
    );
  }
  if (entry.targetType === 'router' && isNumericId(entry.targetId)) {
    return (
      <Link href={`/routers/${entry.targetId}`} prefetch={false}>
        Router {entry.targetId}
      </Link>
    );
  }
  return (
    <span>
      {entry.targetType} <code className="small">{entry.targetId}</code>
    </span>
  );
}

export function AuditTable({ entries }: { entries: AuditEntryDto[] }) {
  if (entries.length === 0) {
    return (
      <div className="card" data-testid="audit-empty">
        Nothing has been changed through Fleet Console yet.
      </div>
    );
  }
  return (
    <div className="table-wrap card" style={{ padding: 0 }}>
      <table className="data stack" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td data-label="When">
                <Time iso={e.at} />
              </td>
              <td data-label="Who">
                {e.name}{' '}
                <span className="small muted">
                  ({e.username}
                  {e.provider === 'oidc' ? (
                    <abbr data-testid="sso-mark" title={`Single sign-on account, subject ${e.subject ?? 'unknown'}`}>
                      {' '}
                      · SSO
                    </abbr>
                  ) : null}
                  , {e.role})
                </span>
              </td>
              <td data-label="What">{ACTION_LABELS[e.action] ?? e.action}</td>
              <td data-label="Target">
                <Target entry={e} />
              </td>
              <td data-label="Before → after" style={{ whiteSpace: 'normal' }}>
                <Changes entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
