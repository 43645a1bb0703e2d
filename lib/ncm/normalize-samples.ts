import 'server-only';
/**
 * Wire → domain for NCM's time series (signal, usage, router state samples and historical
 * locations). The same rules as normalize.ts: parsed with the wire.ts schemas, spec and real field
 * names alike (5G `rsrp5g` / `rsrp_5g`), numbers that arrive as strings read as numbers.
 */
import type { LocationFix, RouterStateSample, SignalSample, UsageSample } from '@/lib/domain/types';
import { NcmError } from './errors';
import { idFromUrl, parseWith, routerState, toNumber } from './normalize';
import { historicalLocationSchema, routerStateSampleSchema, signalSampleSchema, usageSampleSchema } from './wire';

/** NCM timestamps carry microseconds and an offset; Date.parse reads both. */
function instant(createdAt: string, label: string): number {
  const ms = Date.parse(createdAt);
  if (!Number.isFinite(ms)) throw new NcmError('bad_upstream', `NCM ${label} record has an unreadable created_at`);
  return ms;
}

type Numberish = number | string | null | undefined;

/** The first of several spellings that holds a number. */
function firstNumber(...values: Numberish[]): number | null {
  for (const value of values) {
    const n = toNumber(value);
    if (n !== null) return n;
  }
  return null;
}

function text(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** An LTE band as NCM prints it ("Band 13"); a bare number gets the same prefix. */
function band(value: string | number | null | undefined): string | null {
  const s = text(value);
  return s !== null && /^\d+$/.test(s) ? `Band ${s}` : s;
}

function netDeviceOf(url: string, label: string): string {
  const id = idFromUrl(url);
  if (id === null) throw new NcmError('bad_upstream', `NCM ${label} record has no readable net_device`);
  return id;
}

export function toSignalSample(raw: unknown): SignalSample {
  const s = parseWith(signalSampleSchema, raw, 'net_device_signal_sample');
  return {
    netDeviceId: netDeviceOf(s.net_device, 'net_device_signal_sample'),
    at: s.created_at,
    atMs: instant(s.created_at, 'net_device_signal_sample'),
    rsrp: toNumber(s.rsrp),
    rsrq: toNumber(s.rsrq),
    // Older modems report the same quantity as `cinr`.
    sinr: firstNumber(s.sinr, s.cinr),
    rssi: firstNumber(s.rssi, s.dbm),
    signalPercent: toNumber(s.signal_percent),
    rsrp5g: firstNumber(s.rsrp5g, s.rsrp_5g),
    rsrq5g: firstNumber(s.rsrq5g, s.rsrq_5g),
    sinr5g: firstNumber(s.sinr5g, s.sinr_5g),
  };
}

export function toUsageSample(raw: unknown): UsageSample {
  const u = parseWith(usageSampleSchema, raw, 'net_device_usage_sample');
  return {
    netDeviceId: netDeviceOf(u.net_device, 'net_device_usage_sample'),
    at: u.created_at,
    atMs: instant(u.created_at, 'net_device_usage_sample'),
    bytesIn: toNumber(u.bytes_in),
    bytesOut: toNumber(u.bytes_out),
    periodSeconds: toNumber(u.period),
    uptimeSeconds: toNumber(u.uptime),
  };
}

/** `routerId` is the router the fixes were asked for: NCM's records do not name it. */
export function toLocationFix(raw: unknown, routerId: string): LocationFix {
  const l = parseWith(historicalLocationSchema, raw, 'historical_location');
  const latitude = toNumber(l.latitude);
  const longitude = toNumber(l.longitude);
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new NcmError('bad_upstream', 'NCM historical_location record has no usable position');
  }
  return {
    routerId,
    at: l.created_at,
    atMs: instant(l.created_at, 'historical_location'),
    latitude,
    longitude,
    accuracy: toNumber(l.accuracy),
    altitude: toNumber(l.altitude),
    mph: toNumber(l.mph),
    rsrp: toNumber(l.rsrp),
    rsrq: toNumber(l.rsrq),
    sinr: firstNumber(l.sinr, l.cinr),
    rssi: firstNumber(l.rssi, l.dbm),
    carrier: text(l.carrier_id),
    band: band(l.rfband),
    band5g: band(l.rfband_5g ?? l.rfband5g),
    netDeviceName: text(l.net_device_name),
  };
}

export function toRouterStateSample(raw: unknown): RouterStateSample {
  const r = parseWith(routerStateSampleSchema, raw, 'router_state_sample');
  const routerId = idFromUrl(r.router);
  if (routerId === null) throw new NcmError('bad_upstream', 'NCM router_state_sample record has no readable router');
  return {
    routerId,
    at: r.created_at,
    atMs: instant(r.created_at, 'router_state_sample'),
    state: routerState(r.state),
    periodSeconds: toNumber(r.period),
  };
}
