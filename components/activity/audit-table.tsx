import Link from 'next/link';
import { StackTable } from '@/components/ui/stack-table';
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

function Who({ entry }: { entry: AuditEntryDto }) {
  return (
    <>
      {entry.name}{' '}
      <span className="small muted">
        ({entry.username}
        {entry.provider === 'oidc' ? (
          <abbr data-testid="sso-mark" title={`Single sign-on account, subject ${entry.subject ?? 'unknown'}`}>
            {' '}
            · SSO
          </abbr>
        ) : null}
        , {entry.role})
      </span>
    </>
  );
}

const AUDIT_COLUMNS = [
  { label: 'When' },
  { label: 'Who' },
  { label: 'What' },
  { label: 'Target' },
  { label: 'Before → after', wraps: true },
] as const;

export function AuditTable({ entries }: { entries: AuditEntryDto[] }) {
  if (entries.length === 0) {
    return (
      <div className="card" data-testid="audit-empty">
        Nothing has been changed through Fleet Console yet.
      </div>
    );
  }
  return (
    <StackTable
      testId="audit-table"
      columns={AUDIT_COLUMNS}
      rows={entries}
      rowKey={(e) => e.id}
      rowAttributes={() => ({ 'data-testid': 'audit-row' })}
      cells={(e) => [
        <Time key="when" iso={e.at} />,
        <Who key="who" entry={e} />,
        ACTION_LABELS[e.action] ?? e.action,
        <Target key="target" entry={e} />,
        <Changes key="changes" entry={e} />,
      ]}
    />
  );
}
