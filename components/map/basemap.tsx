'use client';

import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { GeoJSON, TileLayer } from 'react-leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface TileConfig {
  url: string;
  attribution: string;
}

interface Shapes {
  countries: FeatureCollection;
  states: FeatureCollection;
}

async function loadShapes(): Promise<Shapes> {
  // Shipped with the app (Natural Earth via world-atlas and us-atlas): no tile server needed.
  const [world, us] = await Promise.all([
    import('world-atlas/countries-110m.json'),
    import('us-atlas/states-10m.json'),
  ]);
  const w = (world.default ?? world) as unknown as Topology<{ countries: GeometryCollection }>;
  const u = (us.default ?? us) as unknown as Topology<{ states: GeometryCollection }>;
  return {
    countries: feature(w, w.objects.countries) as FeatureCollection,
    states: feature(u, u.objects.states) as FeatureCollection,
  };
}

// Colours come from the theme (.map-land, .map-state-line in app/globals.css), so the map follows it.
const LAND = { weight: 0.6, fillOpacity: 1, className: 'map-land' };
const STATE_LINES = { weight: 0.5, fill: false, className: 'map-state-line' };

/**
 * Raster tiles when the deployment configures a tile server; otherwise country and US state
 * outlines shipped with the app, so the map is readable on a machine with no internet.
 */
export function Basemap({ tiles }: { tiles: TileConfig | null }) {
  const [shapes, setShapes] = useState<Shapes | null>(null);
  useEffect(() => {
    if (tiles) return;
    let live = true;
    loadShapes().then((s) => {
      if (live) setShapes(s);
    });
    return () => {
      live = false;
    };
  }, [tiles]);
  if (tiles) return <TileLayer url={tiles.url} attribution={tiles.attribution} />;
  if (!shapes) return null;
  return (
    <>
      <GeoJSON data={shapes.countries} style={LAND} interactive={false} attribution="Natural Earth (public domain)" />
      <GeoJSON data={shapes.states} style={STATE_LINES} interactive={false} />
    </>
  );
}
