/**
 * Query definitions for the alert feed, shared by server prefetch and client hooks. Browser-safe.
 */
import { queryOptions } from '@tanstack/react-query';
import type { AckInput, AlertAckDto, AlertsPageDto, AlertsQuery } from '@/lib/dto/alerts';
import { alertKeys } from './alert-count';
import { fetchJson } from './fetch-json';

export { ALERTS_CHANGED_EVENT, alertKeys } from './alert-count';

/** The URL form of a query: defaults are left out so links stay short. */
export function alertsSearch(query: Partial<AlertsQuery>): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined, fallback?: string | number) => {
    if (value !== undefined && value !== '' && value !== fallback) params.set(key, String(value));
  };
  set('type', query.type);
  set('severity', query.severity);
  set('router', query.router);
  set('group', query.group);
  set('account', query.account);
  set('range', query.range, '24h');
  if (query.range === 'custom') {
    set('from', query.from);
    set('to', query.to);
  }
  set('limit', query.limit, 50);
  set('offset', query.offset, 0);
  return params.toString();
}

export const alertsListQuery = (query: AlertsQuery) =>
  queryOptions({
    queryKey: alertKeys.list(query),
    queryFn: ({ signal }) => fetchJson<AlertsPageDto>(`/api/alerts?${alertsSearch(query)}`, { signal }),
    staleTime: 15_000,
  });

export function postAcknowledgement(
  alertId: string,
  input: AckInput,
): Promise<{ alertId: string; ack: AlertAckDto; created: boolean }> {
  return fetchJson(`/api/alerts/${encodeURIComponent(alertId)}/ack`, { method: 'POST', body: JSON.stringify(input) });
}
