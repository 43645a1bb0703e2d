'use client';

import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer } from 'react-leaflet';
import { Basemap, type TileConfig } from '@/components/map/basemap';
import { prefersReducedMotion } from '@/components/map/reduced-motion';

/** One router's position on a small map (loaded only in the browser). */
export default function MiniMap({
  latitude,
  longitude,
  tiles,
}: {
  latitude: number;
  longitude: number;
  tiles: TileConfig | null;
}) {
  return (
    <MapContainer
      className="map-canvas"
      center={[latitude, longitude]}
      zoom={tiles ? 15 : 9}
      scrollWheelZoom={false}
      zoomAnimation={!prefersReducedMotion()}
      fadeAnimation={!prefersReducedMotion()}
    >
      <Basemap tiles={tiles} />
      <CircleMarker
        center={[latitude, longitude]}
        radius={9}
        pathOptions={{ weight: 2, fillOpacity: 1, className: 'map-you' }}
      />
    </MapContainer>
  );
}
