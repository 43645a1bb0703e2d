/**
 * Radio conditions as a smooth function of place and time plus a little per-sample noise, minus the
 * dead-spot penalty. Pure: the same (seed, modem, instant) always yields the same numbers.
 */
import type { Fleet } from './fleet';
import { weakPenaltyDb } from './geo';
import { h3, h4, Salt, unit } from './hash';
import type { Position } from './motion';

export interface Signal {
  rsrp: number;
  rsrq: number;
  sinr: number;
  rssi: number;
  signalPercent: number;
}

export function signalAt(fleet: Fleet, nd: number, pos: Position, ms: number, slot: number): Signal {
  const seed = fleet.seed;
  const carrierBias = (h3(seed, nd, Salt.carrier) % 9) - 4;
  const phase = unit(h3(seed, nd, Salt.noise)) * Math.PI * 2;
  const spatial = 7 * Math.sin(pos.x / 3.1 + phase) * Math.cos(pos.y / 2.7 - phase);
  const daily = 3 * Math.sin((ms / 86_400_000) * Math.PI * 2 + phase); // evening congestion
  const noise = (unit(h4(seed, nd, slot, Salt.noise)) - 0.5) * 5;
  const penalty = weakPenaltyDb(fleet.geo.zones, pos.metro, pos.x, pos.y);
  const rsrp = clamp(round1(-88 + carrierBias + spatial + daily + noise - penalty), -140, -44);
  const n2 = unit(h4(seed, nd, slot, Salt.noise + 1)) - 0.5;
  const rsrq = clamp(round1(-4 - (-rsrp - 75) * 0.18 + n2 * 2), -20, -3);
  const sinr = clamp(round1((rsrp + 112) * 0.7 + n2 * 3), -10, 30);
  const rssi = clamp(Math.round(rsrp + 24 + n2 * 4), -113, -25);
  const signalPercent = clamp(Math.round(((rsrp + 125) * 100) / 60), 0, 100);
  return { rsrp, rsrq, sinr, rssi, signalPercent };
}

export function healthOf(signalPercent: number): { score: number; category: string } {
  const score = clamp(Math.round(signalPercent * 0.9 + 8), 0, 100);
  const category = score < 40 ? 'poor' : score < 60 ? 'fair' : score < 80 ? 'good' : 'excellent';
  return { score, category };
}

/**
 * Cumulative bytes since registration: the integral of a positive rate with a daily rhythm, so it is
 * monotonic and per-period deltas are plain differences.
 */
export function cumulativeBytes(fleet: Fleet, nd: number, ms: number, outbound: boolean): number {
  const r = fleet.ndRouter[nd]!;
  const t = Math.max(0, ms - fleet.createdMs[r]!);
  const base = (8 + (h3(fleet.seed, nd, Salt.ident + (outbound ? 1 : 0)) % 40)) * (outbound ? 0.3 : 1); // bytes per ms
  const amp = base * 0.6;
  const P = 86_400_000;
  const w = (2 * Math.PI) / P;
  const value = base * t - (amp / w) * (Math.cos(w * t) - 1);
  return Math.floor(value);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
