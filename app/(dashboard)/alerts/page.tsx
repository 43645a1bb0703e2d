import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { AlertsFeed } from '@/components/alerts/alerts-feed';
import { can } from '@/lib/auth/permissions';
import { getAlertsPage } from '@/lib/data/alerts';
import { requirePageUser } from '@/lib/data/page-auth';
import { alertsQuerySchema } from '@/lib/dto/alerts';
import { alertKeys } from '@/lib/queries/alerts';
import { getQueryClient } from '@/lib/queries/query-client';

export const metadata: Metadata = { title: 'Alerts' };

function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0] : v]])),
  );
}

export default async function AlertsPage(props: PageProps<'/alerts'>) {
  const user = await requirePageUser('alerts:read', '/alerts', await props.searchParams);
  const parsed = alertsQuerySchema.safeParse(firstValues(await props.searchParams));
  const queryClient = getQueryClient();
  if (parsed.success) {
    // The first page arrives with the HTML (and starts push registration); the stream adds the rest.
    await queryClient.prefetchQuery({
      queryKey: alertKeys.list(parsed.data),
      queryFn: () => getAlertsPage(parsed.data),
    });
  }
  return (
    <>
      <h1>Alerts</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AlertsFeed canAcknowledge={can(user.role, 'alerts:acknowledge')} />
      </HydrationBoundary>
    </>
  );
}
