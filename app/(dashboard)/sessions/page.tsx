import type { Metadata } from 'next';
import { EndSessionsButton } from '@/components/activity/end-sessions-button';
import { Time } from '@/components/ui/time';
import { listLiveSessions } from '@/lib/data/sessions';
import { requirePageUser } from '@/lib/data/page-auth';

export const metadata: Metadata = { title: 'Sessions' };

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
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table className="data stack" data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Role</th>
                <th scope="col">Sessions</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.userId} data-testid="session-row" data-user={person.userId}>
                  <td data-label="Who">
                    {person.name} <span className="small muted">({person.label})</span>
                  </td>
                  <td data-label="Role">{person.role}</td>
                  <td data-label="Sessions">{person.sessions}</td>
                  <td data-label="Signed in">
                    <Time iso={person.firstStartedAt} />
                  </td>
                  <td data-label="Last seen">
                    <Time iso={person.lastSeenAt} />
                  </td>
                  <td>
                    {person.userId === admin.id ? (
                      <span className="muted small">you</span>
                    ) : (
                      <EndSessionsButton userId={person.userId} label={person.label} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
