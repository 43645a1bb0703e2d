import type { Metadata } from 'next';
import { FleetMapView } from '@/components/map/fleet-map-view';
import { getMapFocus } from '@/lib/data/fleet';
import { mapTileConfig } from '@/lib/data/map-tiles';
import { requirePageUser } from '@/lib/data/page-auth';
import { parseFleetView } from '@/lib/queries/fleet-url';

export const metadata: Metadata = { title: 'Map' };

export default async function MapPage(props: PageProps<'/map'>) {
  const params = await props.searchParams;
  await requirePageUser('routers:read', '/map', params);
  const { view, problem } = parseFleetView(params);
  const focusId = typeof params.focus === 'string' ? params.focus : null;
  const focus = focusId ? await getMapFocus(focusId) : null;
  return (
    <>
      {problem && (
        <div className="banner warn" role="status" data-testid="map-bad-params">
          The link had filters this page does not understand ({problem}); showing every router.
        </div>
      )}
      {focusId && !focus && (
        <div className="banner info" role="status">
          Router {focusId} has no known location.
        </div>
      )}
      <FleetMapView filters={view.filters} tiles={mapTileConfig()} focus={focus} />
    </>
  );
}
