'use client';

import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import type { TrackDto } from '@/lib/dto/series';
import type { TrackColoring } from '@/lib/queries/series-url';
import { TRACK_PADDING, TRACK_WEIGHT, TrackCanvas } from './track-canvas';
import { scaleOf, trackRuns } from './track-colors';
import type { TrackPalette } from './use-track-palette';

/** Above the basemap's shapes (overlay pane, 400), below markers (600). */
const TRACK_PANE = 'track';
const TRACK_PANE_Z = '450';

interface Props {
  track: TrackDto | null;
  coloring: TrackColoring;
  palette: TrackPalette;
}

const createPainter = () =>
  typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined'
    ? null
    : new Worker(new URL('./track-raster.worker.ts', import.meta.url));

/**
 * The track on one canvas, painted by a worker (track-canvas.ts): a week of fixes stays one element
 * however many vertices it has, and its drawing never holds up the map's frames. Each run of one
 * colour is one stroke; gaps are left open; a lone fix between gaps is a dot.
 */
export function TrackLayer({ track, coloring, palette }: Props) {
  const map = useMap();
  const layer = useMemo(() => {
    const pane = map.getPane(TRACK_PANE) ?? map.createPane(TRACK_PANE);
    pane.style.zIndex = TRACK_PANE_Z;
    return new TrackCanvas({ pane: TRACK_PANE, padding: TRACK_PADDING, createWorker: createPainter });
  }, [map]);
  const picture = useMemo(() => {
    if (!track) return null;
    const colorOf = new Map(scaleOf(coloring).map((c) => [c.key, palette[c.cssVar] ?? '#6b7280']));
    const runs = trackRuns({ rsrp: track.rsrp, mph: track.mph, breaks: track.breaks }, coloring).map((run) => ({
      color: colorOf.get(run.key) ?? '#6b7280',
      from: run.from,
      to: run.to,
    }));
    return { lat: Float64Array.from(track.lat), lon: Float64Array.from(track.lon), runs, weight: TRACK_WEIGHT };
  }, [track, coloring, palette]);

  useEffect(() => {
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);
  useEffect(() => layer.setPicture(picture), [layer, picture]);
  return null;
}
