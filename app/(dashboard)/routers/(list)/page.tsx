import type { Metadata } from 'next';
import { FleetTable } from '@/components/routers/fleet-table';
import { can } from '@/lib/auth/permissions';
import { getFleetRoutersPage } from '@/lib/data/fleet';
import { requirePageUser } from '@/lib/data/page-auth';
import { FLEET_WINDOW_SIZE, type FleetWindow, fleetKeys } from '@/lib/queries/fleet';
import { parseFleetView } from '@/lib/queries/fleet-url';
import { getQueryClient } from '@/lib/queries/query-client';
import { seedOf } from '@/lib/queries/seed';

export const metadata: Metadata = { title: 'Routers' };

export default async function RoutersPage(props: PageProps<'/routers'>) {
  const search = await props.searchParams;
  const user = await requirePageUser('routers:read', '/routers', search);
  const { view, problem } = parseFleetView(search);
  const queryClient = getQueryClient();
  // The window holding the first visible row arrives with the HTML; the rest comes through the BFF.
  const index = Math.floor(view.offset / FLEET_WINDOW_SIZE);
  const queryKey = fleetKeys.window(view.filters, index);
  await queryClient.prefetchQuery({
    queryKey,
    queryFn: () =>
      getFleetRoutersPage({ ...view.filters, offset: index * FLEET_WINDOW_SIZE, limit: FLEET_WINDOW_SIZE }),
  });
  return (
    <>
      <h1>Routers</h1>
      {problem && (
        <div className="banner warn" role="status" data-testid="routers-bad-params">
          The link had filters this page does not understand ({problem}); showing the defaults.
        </div>
      )}
      <FleetTable canExport={can(user.role, 'routers:export')} seed={seedOf<FleetWindow>(queryClient, queryKey)} />
    </>
  );
}
