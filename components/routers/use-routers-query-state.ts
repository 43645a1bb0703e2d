'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { type RoutersQuery, routersQuerySchema } from '@/lib/dto/routers';
import { routersSearch } from '@/lib/queries/routers';

/**
 * The router list's view lives in the URL, so a copied link opens the same page. Changes go through
 * history.pushState: Next keeps useSearchParams in sync without a server round trip, and the data
 * comes through the BFF.
 */
export function useRoutersQueryState(): [RoutersQuery, (next: Partial<RoutersQuery>) => void] {
  const searchParams = useSearchParams();
  const query = useMemo(() => {
    const parsed = routersQuerySchema.safeParse(Object.fromEntries(searchParams.entries()));
    return parsed.success ? parsed.data : routersQuerySchema.parse({});
  }, [searchParams]);

  const setQuery = useCallback(
    (next: Partial<RoutersQuery>) => {
      const merged = { ...query, ...next };
      window.history.pushState(null, '', `?${routersSearch(merged)}`);
    },
    [query],
  );
  return [query, setQuery];
}
