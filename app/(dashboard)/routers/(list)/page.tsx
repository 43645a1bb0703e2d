import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { RoutersTable } from '@/components/routers/routers-table';
import { getRoutersPage } from '@/lib/data/routers';
import { requirePageUser } from '@/lib/data/page-auth';
import { routersQuerySchema } from '@/lib/dto/routers';
import { getQueryClient } from '@/lib/queries/query-client';
import { routerKeys } from '@/lib/queries/routers';

export const metadata: Metadata = { title: 'Routers' };

function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0] : v]])),
  );
}

export default async function RoutersPage(props: PageProps<'/routers'>) {
  await requirePageUser('routers:read', '/routers');
  const parsed = routersQuerySchema.safeParse(firstValues(await props.searchParams));
  const queryClient = getQueryClient();
  if (parsed.success) {
    // The first page arrives with the HTML; later pages come through /api/routers.
    await queryClient.prefetchQuery({ queryKey: routerKeys.list(parsed.data), queryFn: () => getRoutersPage(parsed.data) });
  }
  return (
    <>
      <h1>Routers</h1>
      {!parsed.success && (
        <div className="banner warn" role="status">
          The link had filters this page does not understand ({parsed.error.issues[0]?.message}); showing the defaults.
        </div>
      )}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RoutersTable />
      </HydrationBoundary>
    </>
  );
}
