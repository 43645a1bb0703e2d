/**
 * Query definitions for routers, shared by server prefetch and client hooks so the keys cannot drift.
 * Browser-safe: only types and fetches to our own BFF.
 */
import { queryOptions } from '@tanstack/react-query';
import type { GroupOptionDto, RouterChangesInput, RouterDetailDto } from '@/lib/dto/routers';
import { fetchJson } from './fetch-json';

export const groupOptionsQuery = () =>
  queryOptions({
    queryKey: ['groups'] as const,
    queryFn: ({ signal }) => fetchJson<{ items: GroupOptionDto[] }>('/api/groups', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export function patchRouter(id: string, changes: RouterChangesInput): Promise<RouterDetailDto> {
  return fetchJson<RouterDetailDto>(`/api/routers/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(changes),
  });
}
