/**
 * The LTE band a modem is on, as historical_locations report it: each carrier's own bands, a low
 * band (longer reach) inside weak-signal zones where modems fall back to it, and otherwise one of
 * the carrier's mid bands by area (cells of a few km), so a band-change marker on a track means the
 * vehicle really moved into another area or a dead spot. Pure and deterministic.
 */
import { DEGRADED_DB } from './geo';
import { h4, Salt } from './hash';
import type { Position } from './motion';

/** Per carrier index (Verizon, AT&T, T-Mobile, FirstNet): low band, then mid bands by preference. */
const CARRIER_BANDS: ReadonlyArray<{ low: number; mid: readonly [number, number, number] }> = [
  { low: 13, mid: [66, 2, 4] },
  { low: 17, mid: [2, 66, 30] },
  { low: 71, mid: [66, 2, 41] },
  { low: 14, mid: [14, 66, 2] },
];
const AREA_KM = 12;

export function lteBandAt(seed: number, carrier: number, pos: Position, weakDb: number): string {
  const bands = CARRIER_BANDS[carrier] ?? CARRIER_BANDS[0]!;
  if (weakDb > DEGRADED_DB) return `Band ${bands.low}`;
  const area =
    h4(seed, pos.metro * 7919 + Math.floor(pos.x / AREA_KM), Math.floor(pos.y / AREA_KM) + 1000, Salt.zone) % 10;
  return `Band ${bands.mid[area < 8 ? 0 : area < 9 ? 1 : 2]}`;
}
