'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { type AlertsQuery, alertsQuerySchema } from '@/lib/dto/alerts';
import { alertsSearch } from '@/lib/queries/alerts';

/** The feed's filters live in the URL (a NOC link reproduces the view); pushState keeps it client-side. */
export function useAlertsQueryState(): [AlertsQuery, (next: Partial<AlertsQuery>) => void, boolean] {
  const searchParams = useSearchParams();
  const [query, valid] = useMemo((): [AlertsQuery, boolean] => {
    const parsed = alertsQuerySchema.safeParse(Object.fromEntries(searchParams.entries()));
    return parsed.success ? [parsed.data, true] : [alertsQuerySchema.parse({}), false];
  }, [searchParams]);

  const setQuery = useCallback(
    (next: Partial<AlertsQuery>) => {
      const search = alertsSearch({ ...query, ...next });
      window.history.pushState(null, '', search ? `?${search}` : window.location.pathname);
    },
    [query],
  );
  return [query, setQuery, valid];
}
