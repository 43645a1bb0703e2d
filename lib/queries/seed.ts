/**
 * One answer a server page fetched, handed to the browser's query cache. For a page that prefetches a
 * single query this does what React Query's HydrationBoundary does, without its general code
 * (mutations, pending promises, many queries), which costs about 0.6 kB brotli on first load.
 * Server and browser alike: the browser's half, useQuerySeed, is in use-query-seed.ts.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export interface QuerySeed<T = unknown> {
  queryKey: QueryKey;
  data: T;
  /** When the server's answer was fetched: a newer copy in the cache is kept. */
  updatedAt: number;
}

/** The seed for `queryKey` if the server's query client holds a successful answer for it, else null. */
export function seedOf<T>(client: QueryClient, queryKey: QueryKey): QuerySeed<T> | null {
  const state = client.getQueryState<T>(queryKey);
  return state?.status === 'success' && state.data !== undefined
    ? { queryKey, data: state.data, updatedAt: state.dataUpdatedAt }
    : null;
}
