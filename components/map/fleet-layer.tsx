'use client';

import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import type { FleetMapDto, MapClusterDto } from '@/lib/dto/fleet-map';
import { fleetMapQuery, type MapViewport } from '@/lib/queries/fleet-map';
import type { FleetFilters } from '@/lib/queries/fleet-url';
import { prefersReducedMotion } from './reduced-motion';
import { routerPopup } from './router-popup';
import { STATE_COLORS, STATE_ORDER } from './state-colors';

function viewportOf(map: L.Map): MapViewport {
  const b = map.getBounds();
  const clamp = (n: number, lim: number) => Math.max(-lim, Math.min(lim, n));
  return {
    bbox: [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)],
    zoom: Math.round(map.getZoom()),
  };
}

/** A cluster badge: its count over a ring showing the state mix (styles set through the DOM, not markup). */
function clusterIcon(cluster: MapClusterDto): L.DivIcon {
  let from = 0;
  const stops: string[] = [];
  for (const state of STATE_ORDER) {
    const share = (cluster.states[state] / cluster.count) * 360;
    if (share > 0) stops.push(`${STATE_COLORS[state]} ${from}deg ${from + share}deg`);
    from += share;
  }
  const size = cluster.count < 100 ? 34 : cluster.count < 1_000 ? 42 : 50;
  const el = document.createElement('div');
  el.className = 'map-cluster';
  el.style.width = `${size}px`;
  el.style.height = `${size}px`;
  el.style.background = `conic-gradient(${stops.join(', ')})`;
  const count = document.createElement('span');
  count.textContent = cluster.count >= 1_000 ? `${(cluster.count / 1_000).toFixed(1)}k` : String(cluster.count);
  el.append(count);
  const mix = STATE_ORDER.filter((s) => cluster.states[s] > 0).map((s) => `${cluster.states[s]} ${s}`);
  el.title = `${cluster.count} routers: ${mix.join(', ')}`;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', el.title);
  return L.divIcon({ html: el, className: 'map-cluster-icon', iconSize: [size, size] });
}

interface Props {
  filters: FleetFilters;
  focusId: string | null;
  onData: (data: FleetMapDto | undefined, error: Error | null, fetching: boolean) => void;
}

/** Clusters and routers of the current viewport, redrawn when the view or the data changes. */
export function FleetLayer({ filters, focusId, onData }: Props) {
  const map = useMap();
  const [viewport, setViewport] = useState<MapViewport>(() => viewportOf(map));
  useMapEvents({ moveend: () => setViewport(viewportOf(map)) });
  const { data, error, isFetching } = useQuery(fleetMapQuery(filters, viewport));
  const layer = useRef<L.LayerGroup | null>(null);
  const focusDone = useRef(false);

  useEffect(() => onData(data, error, isFetching), [data, error, isFetching, onData]);

  useEffect(() => {
    layer.current ??= L.layerGroup().addTo(map);
    const group = layer.current;
    group.clearLayers();
    if (!data) return;
    for (const cluster of data.clusters) {
      const marker = L.marker([cluster.latitude, cluster.longitude], {
        icon: clusterIcon(cluster),
        keyboard: true,
        title: `${cluster.count} routers`,
      });
      marker.on('click', () =>
        map.flyTo([cluster.latitude, cluster.longitude], cluster.expansionZoom, { animate: !prefersReducedMotion() }),
      );
      group.addLayer(marker);
    }
    for (const router of data.routers) {
      const marker = L.circleMarker([router.latitude, router.longitude], {
        radius: 7,
        color: '#ffffff',
        weight: 1.5,
        fillColor: STATE_COLORS[router.state],
        fillOpacity: 0.95,
        className: `map-router map-router-${router.state}`,
      });
      marker.bindPopup(() => routerPopup(router));
      marker.bindTooltip(() => {
        const span = document.createElement('span');
        span.textContent = router.name;
        return span;
      });
      group.addLayer(marker);
      if (router.id === focusId && !focusDone.current) {
        focusDone.current = true;
        marker.openPopup();
      }
    }
  }, [data, map, focusId]);

  useEffect(
    () => () => {
      layer.current?.remove();
      layer.current = null;
    },
    [],
  );
  return null;
}
