'use client';

import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { TrackDto } from '@/lib/dto/series';
import type { TrackColoring } from '@/lib/queries/series-url';
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

/**
 * The track on one canvas: a week of fixes stays one element however many vertices it has. Each run
 * of one colour is one polyline; gaps are left open; a lone fix between gaps is a dot.
 */
export function TrackLayer({ track, coloring, palette }: Props) {
  const map = useMap();
  const group = useRef<L.LayerGroup | null>(null);
  const renderer = useMemo(() => {
    const pane = map.getPane(TRACK_PANE) ?? map.createPane(TRACK_PANE);
    pane.style.zIndex = TRACK_PANE_Z;
    return L.canvas({ pane: TRACK_PANE, padding: 0.5 });
  }, [map]);
  const runs = useMemo(
    () => (track ? trackRuns({ rsrp: track.rsrp, mph: track.mph, breaks: track.breaks }, coloring) : []),
    [track, coloring],
  );

  useEffect(() => {
    group.current ??= L.layerGroup().addTo(map);
    const layers = group.current;
    layers.clearLayers();
    if (!track) return;
    const colorOf = new Map(scaleOf(coloring).map((c) => [c.key, palette[c.cssVar] ?? '#6b7280']));
    for (const run of runs) {
      const color = colorOf.get(run.key) ?? '#6b7280';
      if (run.from === run.to) {
        layers.addLayer(
          L.circleMarker([track.lat[run.from]!, track.lon[run.from]!], {
            renderer,
            radius: 3,
            color,
            weight: 2,
            fillColor: color,
            fillOpacity: 1,
            interactive: false,
          }),
        );
        continue;
      }
      const points: L.LatLngExpression[] = [];
      for (let i = run.from; i <= run.to; i++) points.push([track.lat[i]!, track.lon[i]!]);
      layers.addLayer(
        L.polyline(points, {
          renderer,
          color,
          weight: 4,
          opacity: 1,
          lineCap: 'round',
          lineJoin: 'round',
          interactive: false,
        }),
      );
    }
  }, [map, renderer, track, runs, coloring, palette]);

  useEffect(
    () => () => {
      group.current?.remove();
      group.current = null;
    },
    [],
  );
  return null;
}
