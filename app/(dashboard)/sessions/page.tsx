import type { Metadata } from 'next';
import { EndSessionsButton } from '@/components/activity/end-sessions-button';
import { UtcTime } from '@/components/ui/utc-time';
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
        single sign-on users also meet the identity provider again. Times in UTC.
      </p>
      {people.length === 0 ? (
        <div className="card" data-testid="sessions-empty">Nobody is signed in.</div>
      ) : (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table className="data" data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Role</th>
                <th scope="col">Sessions</th>
                <th scope="col">Signed in (UTC)</th>
                <th scope="col">Last seen (UTC)</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.userId} data-testid="session-row" data-user={person.userId}>
                  <td>
                    {person.name} <span className="small muted">({person.label})</span>
                  </td>
                  <td>{person.role}</td>
                  <td>{person.sessions}</td>
                  <td>
                    <UtcTime iso={person.firstStartedAt} />
                  </td>
                  <td>
                    <UtcTime iso={person.lastSeenAt} />
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
