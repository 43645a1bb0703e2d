/**
 * The navigation's unacknowledged-alerts count: its own small module, because the badge is on every
 * page and should not bring the alert feed's query code into every page's first load.
 */
import { queryOptions } from '@tanstack/react-query';
import type { AlertsQuery, UnackedCountDto } from '@/lib/dto/alerts';
import { fetchJson } from './fetch-json';

export const alertKeys = {
  lists: ['alerts', 'list'] as const,
  list: (query: AlertsQuery) => ['alerts', 'list', query] as const,
  unackedCount: ['alerts', 'unacked-count'] as const,
};

export const unackedCountQuery = () =>
  queryOptions({
    queryKey: alertKeys.unackedCount,
    queryFn: ({ signal }) => fetchJson<UnackedCountDto>('/api/alerts/unacked-count', { signal }),
    staleTime: 10_000,
    refetchInterval: 30_000,
  });

/** Other parts of the page (the nav badge) listen for this to refresh right away. */
export const ALERTS_CHANGED_EVENT = 'fleet-console:alerts-changed';
