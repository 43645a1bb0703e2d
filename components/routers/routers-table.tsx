'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { StateBadge } from '@/components/ui/state-badge';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { UtcTime } from '@/components/ui/utc-time';
import { ROUTER_PAGE_SIZES, type RoutersQuery } from '@/lib/dto/routers';
import { formatAge, formatUtc } from '@/lib/format';
import { routersListQuery } from '@/lib/queries/routers';
import { useRoutersQueryState } from './use-routers-query-state';

const STATE_OPTIONS: Array<{ value: RoutersQuery['state'] | ''; label: string }> = [
  { value: '', label: 'Any state' },
  { value: 'online', label: 'Online' },
  { value: 'offline', label: 'Offline' },
  { value: 'initialized', label: 'Initialized' },
];

export function RoutersTable() {
  const [query, setQuery] = useRoutersQueryState();
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useQuery({
    ...routersListQuery(query),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="routers-heading">
      <h2 id="routers-heading" className="visually-hidden">
        Router list
      </h2>
      <div className="toolbar">
        <label>
          State
          <select
            value={query.state ?? ''}
            onChange={(e) => setQuery({ state: (e.target.value || undefined) as RoutersQuery['state'], offset: 0 })}
          >
            {STATE_OPTIONS.map((o) => (
              <option key={o.label} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rows per page
          <select value={query.limit} onChange={(e) => setQuery({ limit: Number(e.target.value), offset: 0 })}>
            {ROUTER_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="small muted" aria-live="polite" data-testid="routers-as-of">
          {isFetching ? 'Updating…' : data ? `Data as of ${formatUtc(data.asOf)}` : ''}
        </span>
      </div>

      {error && (
        <div className="banner error" role="status" data-testid="routers-error">
          {data ? 'Showing the last data we had. ' : ''}
          {error.message}{' '}
          <button type="button" onClick={() => refetch()}>
            Try again
          </button>
        </div>
      )}

      {isPending && !data ? (
        <TableSkeleton rows={10} columns={7} label="Loading routers" />
      ) : data && data.items.length === 0 ? (
        <div className="card" data-testid="routers-empty">
          <p>No routers {query.state ? `are ${query.state}` : 'on this page'}.</p>
          {query.offset > 0 && (
            <button type="button" onClick={() => setQuery({ offset: 0 })}>
              Back to the first page
            </button>
          )}
        </div>
      ) : data ? (
        <div className="table-wrap card" style={{ padding: 0, opacity: isPlaceholderData ? 0.6 : 1 }}>
          <table className="data" data-testid="routers-table" aria-busy={isFetching}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">State</th>
                <th scope="col">Product</th>
                <th scope="col">Firmware</th>
                <th scope="col">Group</th>
                <th scope="col" className="hide-narrow">
                  Account
                </th>
                <th scope="col" className="hide-narrow">
                  Last state change (UTC)
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id} data-testid="router-row">
                  <td>
                    <Link href={`/routers/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>
                    <StateBadge state={r.state} />
                  </td>
                  <td>{r.productName ?? '—'}</td>
                  <td>{r.firmwareVersion ?? '—'}</td>
                  <td>{r.groupName ?? <span className="muted">No group</span>}</td>
                  <td className="hide-narrow">{r.accountName ?? '—'}</td>
                  <td className="hide-narrow">
                    <UtcTime iso={r.stateUpdatedAt} /> <span className="small muted">{formatAge(r.stateUpdatedAt)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {data && (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            disabled={query.offset === 0}
            onClick={() => setQuery({ offset: Math.max(0, query.offset - query.limit) })}
          >
            Previous
          </button>
          <span data-testid="routers-range">
            Rows {data.items.length === 0 ? 0 : query.offset + 1}–{query.offset + data.items.length}
          </span>
          <button type="button" disabled={!data.hasMore} onClick={() => setQuery({ offset: query.offset + query.limit })}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
