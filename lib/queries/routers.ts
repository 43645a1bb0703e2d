/**
 * Query definitions for routers, shared by server prefetch and client hooks so the keys cannot drift.
 * Browser-safe: only types and fetches to our own BFF.
 */
import { queryOptions } from '@tanstack/react-query';
import type { GroupOptionDto, RouterDetailDto, RouterChangesInput, RoutersPageDto, RoutersQuery } from '@/lib/dto/routers';
import { fetchJson } from './fetch-json';

export const routerKeys = {
  all: ['routers'] as const,
  list: (query: RoutersQuery) => ['routers', 'list', query] as const,
  detail: (id: string) => ['routers', 'detail', id] as const,
  groups: ['groups'] as const,
};

export function routersSearch(query: RoutersQuery): string {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.state) params.set('state', query.state);
  return params.toString();
}

export const routersListQuery = (query: RoutersQuery) =>
  queryOptions({
    queryKey: routerKeys.list(query),
    queryFn: ({ signal }) => fetchJson<RoutersPageDto>(`/api/routers?${routersSearch(query)}`, { signal }),
    staleTime: 30_000,
  });

export const routerDetailQuery = (id: string) =>
  queryOptions({
    queryKey: routerKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<RouterDetailDto>(`/api/routers/${encodeURIComponent(id)}`, { signal }),
    staleTime: 30_000,
  });

export const groupOptionsQuery = () =>
  queryOptions({
    queryKey: routerKeys.groups,
    queryFn: ({ signal }) => fetchJson<{ items: GroupOptionDto[] }>('/api/groups', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export function patchRouter(id: string, changes: RouterChangesInput): Promise<RouterDetailDto> {
  return fetchJson<RouterDetailDto>(`/api/routers/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(changes),
  });
}
