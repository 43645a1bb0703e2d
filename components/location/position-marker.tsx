'use client';

import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { ShownPosition } from './fix-readout';
import styles from './location.module.css';

/**
 * The replay's marker. It jumps to each fix (no glide), and when it leaves the visible map the map
 * follows it — instantly for viewers who asked for reduced motion.
 */
export function PositionMarker({
  position,
  follow,
  reducedMotion,
}: {
  position: ShownPosition | null;
  follow: boolean;
  reducedMotion: boolean;
}) {
  const map = useMap();
  const marker = useRef<{ layer: L.Marker; el: HTMLDivElement } | null>(null);

  useEffect(() => {
    if (!position) {
      marker.current?.layer.remove();
      marker.current = null;
      return;
    }
    const at = L.latLng(position.lat, position.lon);
    if (!marker.current) {
      const el = document.createElement('div');
      el.className = styles.position!;
      el.setAttribute('role', 'img');
      el.dataset.testid = 'track-position';
      const layer = L.marker(at, {
        icon: L.divIcon({ html: el, className: styles.positionIcon, iconSize: [18, 18] }),
        keyboard: false,
        interactive: false,
        zIndexOffset: 1000,
      });
      layer.addTo(map);
      marker.current = { layer, el };
    } else marker.current.layer.setLatLng(at);
    const { el } = marker.current;
    el.setAttribute('aria-label', position.label);
    el.title = position.label;
    el.dataset.gap = String(position.inGap);
    el.dataset.lat = String(position.lat);
    el.dataset.lon = String(position.lon);
    if (follow && !map.getBounds().pad(-0.1).contains(at)) map.panTo(at, { animate: !reducedMotion });
  }, [map, position, follow, reducedMotion]);

  useEffect(
    () => () => {
      marker.current?.layer.remove();
      marker.current = null;
    },
    [],
  );
  return null;
}
