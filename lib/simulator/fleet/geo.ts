/**
 * Geography: road-like loop routes (axis-aligned segments between waypoints, like a street grid)
 * and weak-signal circles around each metro. Coordinates are km east/north of the metro centre.
 */
import { METROS } from './catalog';
import { h3, mulberry32 } from './hash';

export interface Route {
  metro: number;
  xs: Float64Array;
  ys: Float64Array;
  /** cumulative length at each vertex; cum[last] = loop length */
  cum: Float64Array;
  length: number;
  /** distances along the loop where the route enters a weak zone */
  zoneEntries: number[];
}

export interface WeakZone {
  metro: number;
  x: number;
  y: number;
  r: number;
}

export const ROUTES_PER_METRO = 12;
const KM_PER_DEG_LAT = 110.57;

function kmPerDegLon(metro: number): number {
  return 111.32 * Math.cos((METROS[metro]!.lat * Math.PI) / 180);
}

export function toLatLon(metro: number, x: number, y: number): { lat: number; lon: number } {
  const m = METROS[metro]!;
  return { lat: m.lat + y / KM_PER_DEG_LAT, lon: m.lon + x / kmPerDegLon(metro) };
}

export interface Geography {
  routes: Route[];
  zones: WeakZone[];
}

export function buildGeography(seed: number): Geography {
  const routes: Route[] = [];
  const zones: WeakZone[] = [];
  for (let metro = 0; metro < METROS.length; metro++) {
    for (let k = 0; k < ROUTES_PER_METRO; k++) routes.push(buildRoute(seed, metro, k));
  }
  for (let metro = 0; metro < METROS.length; metro++) {
    const rnd = mulberry32(h3(seed, 0x5a0e, metro));
    // Three dead spots per metro, each placed on some route so vehicles really cross them.
    for (let z = 0; z < 3; z++) {
      const route = routes[metro * ROUTES_PER_METRO + Math.floor(rnd() * ROUTES_PER_METRO)]!;
      const p = pointAt(route, rnd() * route.length);
      zones.push({ metro, x: p.x, y: p.y, r: 0.8 + rnd() * 1.4 });
    }
  }
  for (const route of routes) route.zoneEntries = findZoneEntries(route, zones);
  return { routes, zones };
}

function buildRoute(seed: number, metro: number, k: number): Route {
  const rnd = mulberry32(h3(seed, metro, 0x7007 + k));
  const n = 4 + Math.floor(rnd() * 3);
  const pts: Array<{ x: number; y: number; a: number }> = [];
  for (let i = 0; i < n; i++) {
    const a = rnd() * Math.PI * 2;
    const d = 2 + rnd() * 14;
    pts.push({ x: Math.cos(a) * d, y: Math.sin(a) * d, a });
  }
  pts.sort((p, q) => p.a - q.a); // angular order gives a simple, non-self-crossing loop
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = pts[i]!;
    const q = pts[(i + 1) % n]!;
    xs.push(p.x, q.x); // corner: drive east/west first, then north/south
    ys.push(p.y, p.y);
  }
  xs.push(xs[0]!);
  ys.push(ys[0]!);
  const cum = new Float64Array(xs.length);
  for (let i = 1; i < xs.length; i++) cum[i] = cum[i - 1]! + Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
  return {
    metro,
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    cum,
    length: cum[xs.length - 1]!,
    zoneEntries: [],
  };
}

/** Position and heading at distance `s` along the loop. */
export function pointAt(route: Route, s: number): { x: number; y: number; heading: number } {
  const d = ((s % route.length) + route.length) % route.length;
  const { cum, xs, ys } = route;
  let lo = 0;
  let hi = cum.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! <= d) lo = mid;
    else hi = mid;
  }
  const seg = cum[hi]! - cum[lo]!;
  const f = seg > 0 ? (d - cum[lo]!) / seg : 0;
  const dx = xs[hi]! - xs[lo]!;
  const dy = ys[hi]! - ys[lo]!;
  const heading = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
  return { x: xs[lo]! + dx * f, y: ys[lo]! + dy * f, heading };
}

/** A vehicle counts as "in" a dead spot once the penalty passes this, so alerts match the signal. */
export const DEGRADED_DB = 12;

function findZoneEntries(route: Route, zones: WeakZone[]): number[] {
  const entries: number[] = [];
  const step = 0.05;
  let inside = weakPenaltyDb(zones, route.metro, route.xs[0]!, route.ys[0]!) > DEGRADED_DB;
  for (let s = step; s < route.length; s += step) {
    const p = pointAt(route, s);
    const now = weakPenaltyDb(zones, route.metro, p.x, p.y) > DEGRADED_DB;
    if (now && !inside) entries.push(s);
    inside = now;
  }
  return entries;
}

/** Signal loss from dead spots: up to 28 dB at a zone's centre, fading smoothly to 0 at its edge. */
export function weakPenaltyDb(zones: WeakZone[], metro: number, x: number, y: number): number {
  let worst = 0;
  for (const z of zones) {
    if (z.metro !== metro) continue;
    const d2 = ((x - z.x) ** 2 + (y - z.y) ** 2) / (z.r * z.r);
    if (d2 < 1) worst = Math.max(worst, 28 * (1 - d2));
  }
  return worst;
}
