/**
 * Deterministic data for the browser benchmarks (#8–#10), generated the same way in Node and in the
 * harness pages, so a page can hold a million samples without receiving them and the bench process
 * can build the server's side (a track's pyramid) from the very same points. Browser-safe.
 */

/** mulberry32: small, fast and good enough for synthetic data. */
export function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 2026-11-01T00:00:00Z: every fixture's time axis starts here. */
export const FIXTURE_EPOCH = Date.UTC(2026, 10, 1);

export interface SignalFixture {
  t: Float64Array;
  rsrp: Float64Array;
  rsrq: Float64Array;
  sinr: Float64Array;
  rssi: Float64Array;
}

/**
 * One modem's signal samples, one every 5 s: a slow wander around −95 dBm RSRP with short dips
 * (a vehicle crossing a dead spot) and an outage (no samples for an hour) every ~50,000 samples,
 * so downsampling meets its extremes and its gaps.
 */
export function signalFixture(n: number, seed = 8): SignalFixture {
  const rnd = random(seed);
  const t = new Float64Array(n);
  const rsrp = new Float64Array(n);
  const rsrq = new Float64Array(n);
  const sinr = new Float64Array(n);
  const rssi = new Float64Array(n);
  let time = FIXTURE_EPOCH;
  let level = -95;
  let dip = 0;
  for (let i = 0; i < n; i++) {
    time += i > 0 && i % 50_000 === 0 ? 3_600_000 : 5_000;
    level = Math.max(-125, Math.min(-65, level + (rnd() - 0.5) * 1.5));
    if (dip === 0 && rnd() < 0.0005) dip = 6 + Math.floor(rnd() * 30);
    const dipping = dip > 0 ? 25 : 0;
    if (dip > 0) dip--;
    t[i] = time;
    rsrp[i] = Math.round(level - dipping + (rnd() - 0.5) * 4);
    rsrq[i] = Math.round(-9 - dipping / 3 + (rnd() - 0.5) * 4);
    sinr[i] = Math.round(15 - dipping / 2 + (rnd() - 0.5) * 6);
    rssi[i] = Math.round(level + 30 - dipping + (rnd() - 0.5) * 4);
  }
  return { t, rsrp, rsrq, sinr, rssi };
}

export interface TrackFixture {
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
}

const KM_PER_DEG_LAT = 110.57;

/**
 * A vehicle's fixes, one a second: a van driving a street grid around Denver (blocks of 100–800 m,
 * turns at corners, 8–20 m/s, 3 m of GPS noise), kept within about 25 km of the centre, parked for
 * an hour (no fixes) every ~100,000 fixes. A million fixes is 11½ days of driving over the same
 * streets: the case where a track's simplification must hit its vertex budget.
 */
export function trackFixture(n: number, seed = 9): TrackFixture {
  const rnd = random(seed);
  const centre = { lat: 39.7392, lon: -104.9903 };
  const kmPerDegLon = 111.32 * Math.cos((centre.lat * Math.PI) / 180);
  const t = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  let x = 0;
  let y = 0;
  let heading = 0;
  let untilTurn = 0.3;
  let speed = 0.012;
  let time = FIXTURE_EPOCH;
  const limit = 25;
  for (let i = 0; i < n; i++) {
    time += i > 0 && i % 100_000 === 0 ? 3_600_000 : 1_000;
    if (untilTurn <= 0) {
      // At a corner: turn left, right or go on, back towards the centre when far out.
      const options = [heading, (heading + 1) % 4, (heading + 3) % 4];
      let next = options[Math.floor(rnd() * 3)]!;
      const far = Math.hypot(x, y) > limit;
      if (far) next = Math.abs(x) > Math.abs(y) ? (x > 0 ? 2 : 0) : y > 0 ? 3 : 1;
      heading = next;
      untilTurn = 0.1 + rnd() * 0.7;
      speed = 0.008 + rnd() * 0.012;
    }
    const step = Math.min(speed, Math.max(untilTurn, 0.001));
    if (heading === 0) x += step;
    else if (heading === 1) y += step;
    else if (heading === 2) x -= step;
    else y -= step;
    untilTurn -= step;
    t[i] = time;
    lat[i] = centre.lat + (y + (rnd() - 0.5) * 0.006) / KM_PER_DEG_LAT;
    lon[i] = centre.lon + (x + (rnd() - 0.5) * 0.006) / kmPerDegLon;
  }
  return { t, lat, lon };
}

/** The five metros of the simulated fleet (lib/simulator/fleet/catalog.ts), for viewports and markers. */
export const FLEET_METROS = [
  { code: 'SEA', lat: 47.6062, lon: -122.3321 },
  { code: 'DEN', lat: 39.7392, lon: -104.9903 },
  { code: 'DAL', lat: 32.7767, lon: -96.797 },
  { code: 'CHI', lat: 41.8781, lon: -87.6298 },
  { code: 'ATL', lat: 33.749, lon: -84.388 },
] as const;

/** `n` router positions spread over the five metros like the simulated fleet (within ~40 km of each). */
export function fleetPointsFixture(n: number, seed = 10): { lat: Float64Array; lon: Float64Array } {
  const rnd = random(seed);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const metro = FLEET_METROS[i % FLEET_METROS.length]!;
    const r = 40 * Math.sqrt(rnd());
    const a = rnd() * 2 * Math.PI;
    lat[i] = metro.lat + (r * Math.sin(a)) / KM_PER_DEG_LAT;
    lon[i] = metro.lon + (r * Math.cos(a)) / (111.32 * Math.cos((metro.lat * Math.PI) / 180));
  }
  return { lat, lon };
}
