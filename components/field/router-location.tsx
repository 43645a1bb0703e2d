'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import type { TileConfig } from '@/components/map/basemap';

const MiniMap = dynamic(() => import('./mini-map'), {
  ssr: false,
  loading: () => (
    <div className="map-canvas map-loading" role="status" aria-busy="true">
      Loading map…
    </div>
  ),
});

/** Where the router is: a small map, the phone's own maps app, and the fleet map. */
export function RouterLocation({
  id,
  latitude,
  longitude,
  tiles,
}: {
  id: string;
  latitude: number;
  longitude: number;
  tiles: TileConfig | null;
}) {
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return (
    <section aria-labelledby="where-heading">
      <h2 id="where-heading">Where it is</h2>
      <div className="map-frame map-frame-small">
        <MiniMap latitude={latitude} longitude={longitude} tiles={tiles} />
      </div>
      <p className="field-links">
        {lat}, {lon} · <a href={`geo:${lat},${lon}?q=${lat},${lon}`}>Open in maps</a> ·{' '}
        <Link href={`/map?focus=${encodeURIComponent(id)}`} prefetch={false}>
          On the fleet map
        </Link>
      </p>
    </section>
  );
}
