/** The browser's half of a QuerySeed (seed.ts): puts the server's answer in the query cache. */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { QuerySeed } from './seed';

function plant(client: QueryClient, seed: QuerySeed, onlyIfAbsent: boolean): void {
  const state = client.getQueryState(seed.queryKey);
  if (onlyIfAbsent ? state : (state?.dataUpdatedAt ?? 0) >= seed.updatedAt) return;
  client.setQueryData(seed.queryKey, seed.data, { updatedAt: seed.updatedAt });
}

export function useQuerySeed(seed: QuerySeed | null): void {
  const client = useQueryClient();
  // A query new to the cache is filled during render, so the first render already shows the data;
  // nothing observes it yet, so no other component is updated mid-render.
  useMemo(() => seed && plant(client, seed, true), [client, seed]);
  // An older copy already cached (back on the page) is replaced after render: its observers re-render.
  useEffect(() => {
    if (seed) plant(client, seed, false);
  }, [client, seed]);
}
