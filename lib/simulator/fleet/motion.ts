/** Where a router is at an instant: vehicles drive their loop, fixed sites jitter a few metres. */
import type { Fleet } from './fleet';
import { pointAt, toLatLon } from './geo';
import { h4, Salt, unit } from './hash';

export interface Position {
  metro: number;
  x: number;
  y: number;
  lat: number;
  lon: number;
  heading: number;
  mph: number;
}

export function positionAt(fleet: Fleet, r: number, ms: number): Position {
  const metro = fleet.metro[r]!;
  if (fleet.isVehicle(r)) {
    const route = fleet.geo.routes[fleet.route[r]!]!;
    const speed = fleet.speed[r]!;
    const s = fleet.phase[r]! * route.length + speed * ms;
    const p = pointAt(route, s);
    const { lat, lon } = toLatLon(metro, p.x, p.y);
    return {
      metro,
      x: p.x,
      y: p.y,
      lat: round6(lat),
      lon: round6(lon),
      heading: Math.round(p.heading),
      mph: Math.round((speed * 3_600_000) / 1.609344),
    };
  }
  // GPS noise on a parked device: about ±5 m, stable within a minute.
  const slot = Math.floor(ms / 60_000);
  const jx = (unit(h4(fleet.seed, r, slot, Salt.jitter)) - 0.5) * 0.01;
  const jy = (unit(h4(fleet.seed, r, slot, Salt.jitter + 1)) - 0.5) * 0.01;
  const x = fleet.siteX[r]! + jx;
  const y = fleet.siteY[r]! + jy;
  const { lat, lon } = toLatLon(metro, x, y);
  return { metro, x, y, lat: round6(lat), lon: round6(lon), heading: 0, mph: 0 };
}

/** The first instant ≥ fromMs at which vehicle r enters a weak zone, or null if its route has none. */
export function nextZoneEntry(fleet: Fleet, r: number, fromMs: number): number | null {
  const route = fleet.geo.routes[fleet.route[r]!]!;
  if (route.zoneEntries.length === 0) return null;
  const speed = fleet.speed[r]!;
  const s0 = (((fleet.phase[r]! * route.length + speed * fromMs) % route.length) + route.length) % route.length;
  let best = Number.POSITIVE_INFINITY;
  for (const e of route.zoneEntries) {
    const ahead = (e - s0 + route.length) % route.length;
    best = Math.min(best, ahead / speed);
  }
  return fromMs + Math.ceil(best);
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
