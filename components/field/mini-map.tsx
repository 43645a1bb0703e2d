'use client';

import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer } from 'react-leaflet';
import { Basemap, type TileConfig } from '@/components/map/basemap';

/** One router's position on a small map (loaded only in the browser). */
export default function MiniMap({ latitude, longitude, tiles }: { latitude: number; longitude: number; tiles: TileConfig | null }) {
  return (
    <MapContainer className="map-canvas" center={[latitude, longitude]} zoom={tiles ? 15 : 9} scrollWheelZoom={false}>
      <Basemap tiles={tiles} />
      <CircleMarker center={[latitude, longitude]} radius={9} pathOptions={{ color: '#ffffff', weight: 2, fillColor: '#1d4ed8', fillOpacity: 1 }} />
    </MapContainer>
  );
}
