'use client';

import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { MapContainer, useMap, useMapEvents } from 'react-leaflet';
import { Basemap, type TileConfig } from '@/components/map/basemap';
import type { TrackDto } from '@/lib/dto/series';
import type { TrackColoring } from '@/lib/queries/series-url';
import type { ShownPosition } from './fix-readout';
import { PositionMarker } from './position-marker';
import { TrackLayer } from './track-layer';
import type { TrackPalette } from './use-track-palette';

export interface TrackMapProps {
  tiles: TileConfig | null;
  track: TrackDto | null;
  coloring: TrackColoring;
  palette: TrackPalette;
  position: ShownPosition | null;
  /** Pan to keep the marker in view (not while the viewer points at the chart). */
  follow: boolean;
  /** The map fits the track once per value (a new window), not on every refresh. */
  fitKey: string | null;
  reducedMotion: boolean;
  /** The zoom after each change: the server sends the track simplified for it. */
  onZoom: (zoom: number) => void;
}

function FitAndWatch({
  track,
  fitKey,
  reducedMotion,
  onZoom,
}: Pick<TrackMapProps, 'track' | 'fitKey' | 'reducedMotion' | 'onZoom'>) {
  const map = useMap();
  const fitted = useRef<string | null>(null);
  useMapEvents({ zoomend: () => onZoom(map.getZoom()) });
  useEffect(() => {
    if (!track?.bounds || fitKey === null || fitted.current === fitKey) return;
    fitted.current = fitKey;
    map.fitBounds(track.bounds, { padding: [24, 24], maxZoom: 16, animate: !reducedMotion });
    // fitBounds to the zoom it already has fires no zoomend.
    onZoom(map.getZoom());
  }, [map, track, fitKey, reducedMotion, onZoom]);
  return null;
}

/** The Leaflet map of a track; loaded only in the browser (Leaflet touches `window` when imported). */
export default function TrackMap({
  tiles,
  track,
  coloring,
  palette,
  position,
  follow,
  fitKey,
  reducedMotion,
  onZoom,
}: TrackMapProps) {
  return (
    <MapContainer
      className="map-canvas"
      center={[39, -97]}
      zoom={4}
      minZoom={2}
      maxZoom={18}
      zoomAnimation={!reducedMotion}
      fadeAnimation={!reducedMotion}
      markerZoomAnimation={!reducedMotion}
      scrollWheelZoom={false}
    >
      <Basemap tiles={tiles} />
      <TrackLayer track={track} coloring={coloring} palette={palette} />
      <PositionMarker position={position} follow={follow} reducedMotion={reducedMotion} />
      <FitAndWatch track={track} fitKey={fitKey} reducedMotion={reducedMotion} onZoom={onZoom} />
    </MapContainer>
  );
}
