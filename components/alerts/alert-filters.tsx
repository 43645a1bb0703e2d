'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo } from 'react';
import { SEVERITIES, SEVERITY_LABELS, severityOf } from '@/lib/alerts/severity';
import { ALERT_PAGE_SIZES, type AlertRange, type AlertsQuery } from '@/lib/dto/alerts';
import { isNumericId, NUMERIC_ID_PATTERN } from '@/lib/dto/ids';
import { groupOptionsQuery } from '@/lib/queries/routers';

const RANGE_LABELS: Record<AlertRange, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  custom: 'Custom (UTC)',
};

/** `datetime-local` has no zone; we state UTC and convert both ways in UTC. */
const toLocalInput = (iso: string | undefined) => (iso ? new Date(iso).toISOString().slice(0, 16) : '');
const fromLocalInput = (value: string) => (value ? `${value}:00.000Z` : undefined);

/**
 * `types` are the alert types in the window shown: NCM has types no table of ours lists, and a type
 * that did not occur is no use as a filter.
 */
export function AlertFilters({
  query,
  setQuery,
  types = [],
}: {
  query: AlertsQuery;
  setQuery: (next: Partial<AlertsQuery>) => void;
  types?: readonly string[];
}) {
  const { data: groups } = useQuery(groupOptionsQuery());
  const accounts = useMemo(() => {
    const byId = new Map<string, string>();
    for (const g of groups ?? []) if (g.accountId) byId.set(g.accountId, g.accountName ?? `Account ${g.accountId}`);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [groups]);

  const applyRouter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('router') ?? '').trim();
    if (value === '' || isNumericId(value)) setQuery({ router: value || undefined, offset: 0 });
  };

  return (
    <div className="toolbar" data-testid="alert-filters">
      <label>
        Time range
        <select value={query.range} onChange={(e) => setQuery({ range: e.target.value as AlertRange, offset: 0 })}>
          {(Object.keys(RANGE_LABELS) as AlertRange[]).map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {query.range === 'custom' && (
        <>
          <label>
            From (UTC)
            <input
              type="datetime-local"
              value={toLocalInput(query.from)}
              onChange={(e) => setQuery({ from: fromLocalInput(e.target.value), offset: 0 })}
            />
          </label>
          <label>
            To (UTC, empty = now)
            <input
              type="datetime-local"
              value={toLocalInput(query.to)}
              onChange={(e) => setQuery({ to: fromLocalInput(e.target.value), offset: 0 })}
            />
          </label>
        </>
      )}
      <label>
        Severity
        <select
          value={query.severity ?? ''}
          onChange={(e) => setQuery({ severity: (e.target.value || undefined) as AlertsQuery['severity'], offset: 0 })}
        >
          <option value="">Any severity</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Type
        <select value={query.type ?? ''} onChange={(e) => setQuery({ type: e.target.value || undefined, offset: 0 })}>
          <option value="">Any type</option>
          {query.type && !types.includes(query.type) && <option value={query.type}>{query.type}</option>}
          {types.map((t) => (
            <option key={t} value={t}>
              {t} ({SEVERITY_LABELS[severityOf(t)].toLowerCase()})
            </option>
          ))}
        </select>
      </label>
      <label>
        Group
        <select value={query.group ?? ''} onChange={(e) => setQuery({ group: e.target.value || undefined, offset: 0 })}>
          <option value="">Any group</option>
          {(groups ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Account
        <select
          value={query.account ?? ''}
          onChange={(e) => setQuery({ account: e.target.value || undefined, offset: 0 })}
        >
          <option value="">Any account</option>
          {query.account && !accounts.some(([id]) => id === query.account) && (
            <option value={query.account}>Account {query.account}</option>
          )}
          {accounts.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <form onSubmit={applyRouter} key={query.router ?? ''}>
        <label>
          Router id
          <input
            name="router"
            inputMode="numeric"
            pattern={NUMERIC_ID_PATTERN}
            defaultValue={query.router ?? ''}
            placeholder="any"
            size={10}
          />
        </label>
      </form>
      <label>
        Per page
        <select value={query.limit} onChange={(e) => setQuery({ limit: Number(e.target.value), offset: 0 })}>
          {ALERT_PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
