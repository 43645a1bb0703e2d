'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ALERTS_CHANGED_EVENT, alertKeys, unackedCountQuery } from '@/lib/queries/alert-count';
import styles from './unacked-badge.module.css';

/** The unacknowledged count beside "Alerts" in the navigation: polled every 30 s, and on live events. */
export function UnackedBadge() {
  const queryClient = useQueryClient();
  // useQueries rather than useQuery: the router list already ships useQueries, while useQuery's own
  // code would add about 3 kB (brotli) to the first load of every page, for this one badge.
  const [{ data }] = useQueries({ queries: [{ ...unackedCountQuery(), retry: false }] });

  useEffect(() => {
    let timer: number | undefined;
    const refresh = () => {
      // Debounced: a burst of pushed alerts costs one request.
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: alertKeys.unackedCount }), 1_000);
    };
    window.addEventListener(ALERTS_CHANGED_EVENT, refresh);
    return () => {
      window.removeEventListener(ALERTS_CHANGED_EVENT, refresh);
      window.clearTimeout(timer);
    };
  }, [queryClient]);

  if (!data || data.count === 0) return null;
  return (
    <span
      className={styles.navBadge}
      data-testid="unacked-count"
      title={`${data.count} unacknowledged alerts in the last ${data.windowHours} h`}
    >
      {data.count > 999 ? '999+' : data.count}
      <span className="visually-hidden"> unacknowledged</span>
    </span>
  );
}
