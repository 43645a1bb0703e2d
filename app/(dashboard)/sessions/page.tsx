import type { Metadata } from 'next';
import { EndSessionsButton } from '@/components/activity/end-sessions-button';
import { StackTable } from '@/components/ui/stack-table';
import { Time } from '@/components/ui/time';
import { listLiveSessions } from '@/lib/data/sessions';
import { requirePageUser } from '@/lib/data/page-auth';

export const metadata: Metadata = { title: 'Sessions' };

const SESSION_COLUMNS = [
  { label: 'Who' },
  { label: 'Role' },
  { label: 'Sessions' },
  { label: 'Signed in' },
  { label: 'Last seen' },
  { label: 'Actions', labelHidden: true },
] as const;

export default async function SessionsPage(props: PageProps<'/sessions'>) {
  const admin = await requirePageUser('sessions:manage', '/sessions', await props.searchParams);
  const people = await listLiveSessions();
  return (
    <>
      <h1>Sessions</h1>
      <p className="muted small">
        Everyone signed in now. Ending a person&apos;s sessions signs them out on every device at their next request;
        single sign-on users also meet the identity provider again.
      </p>
      {people.length === 0 ? (
        <div className="card" data-testid="sessions-empty">
          Nobody is signed in.
        </div>
      ) : (
        <StackTable
          testId="sessions-table"
          columns={SESSION_COLUMNS}
          rows={people}
          rowKey={(person) => person.userId}
          rowAttributes={(person) => ({ 'data-testid': 'session-row', 'data-user': person.userId })}
          cells={(person) => [
            <>
              {person.name} <span className="small muted">({person.label})</span>
            </>,
            person.role,
            person.sessions,
            <Time key="first" iso={person.firstStartedAt} />,
            <Time key="last" iso={person.lastSeenAt} />,
            person.userId === admin.id ? (
              <span key="actions" className="muted small">
                you
              </span>
            ) : (
              <EndSessionsButton key="actions" userId={person.userId} label={person.label} />
            ),
          ]}
        />
      )}
    </>
  );
}
