'use client';

import 'leaflet/dist/leaflet.css';
import { MapContainer } from 'react-leaflet';
import type { FleetMapDto } from '@/lib/dto/fleet-map';
import type { FleetFilters } from '@/lib/queries/fleet-url';
import { Basemap, type TileConfig } from './basemap';
import { FleetLayer } from './fleet-layer';
import { prefersReducedMotion } from './reduced-motion';

export interface FleetMapProps {
  filters: FleetFilters;
  tiles: TileConfig | null;
  /** Centre on this router and open its popup. */
  focus: { id: string; latitude: number; longitude: number } | null;
  onData: (data: FleetMapDto | undefined, error: Error | null, fetching: boolean) => void;
}

/** The Leaflet map itself; loaded only in the browser (Leaflet touches `window` when imported). */
export default function FleetMap({ filters, tiles, focus, onData }: FleetMapProps) {
  const animate = !prefersReducedMotion();
  return (
    <MapContainer
      className="map-canvas"
      center={focus ? [focus.latitude, focus.longitude] : [39, -97]}
      zoom={focus ? 17 : 4}
      minZoom={2}
      maxZoom={18}
      worldCopyJump
      zoomAnimation={animate}
      fadeAnimation={animate}
      markerZoomAnimation={animate}
    >
      <Basemap tiles={tiles} />
      <FleetLayer filters={filters} focusId={focus?.id ?? null} onData={onData} />
    </MapContainer>
  );
}
