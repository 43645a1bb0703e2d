/** net_device_signal_samples, net_device_usage_samples, historical_locations, router_state_samples. */
import { EPOCH_MS, EV_OUTAGE, outageEndUs, outageStartUs } from '../fleet/events';
import { FLAG_HAS_GPS, FLAG_PERM_OFFLINE, NET_DEVICE_ID_BASE, ROUTER_ID_BASE } from '../fleet/fleet';
import { h2, h3, unit } from '../fleet/hash';
import { lteBandAt } from '../fleet/bands';
import { weakPenaltyDb } from '../fleet/geo';
import { positionAt } from '../fleet/motion';
import { cumulativeBytes, signalAt } from '../fleet/signal';
import { DAY_MS, isoMicro, MINUTE_MS, timeUuid } from '../fleet/time';
import type { Env, RequestContext } from '../http/context';
import { badRequest, conflict } from '../http/errors';
import type { Json, Rec } from '../http/json';
import { listEnvelope, present } from '../http/listing';
import { pageParams } from '../http/query';
import { ascendingOrder, timeWindow } from '../http/timefilter';
import { carrierOf, netDeviceInfo, netDeviceName, SIGNAL_PERIOD_MS, signalOffsetUs } from './net-devices';
import { routerIndex } from './routers';
import { deviceFilter, type Grid, listGrid, listGridWithGaps } from './timeseries';
import { denseIndex, type Resource, url } from './types';

export const RETENTION = {
  signal: 7 * DAY_MS,
  usage: 90 * DAY_MS,
  alerts: 90 * DAY_MS,
  activity: 30 * DAY_MS,
  locations: 365 * DAY_MS,
  routerState: 30 * DAY_MS,
} as const;

const USAGE_PERIOD_MS = 15 * MINUTE_MS;

/** Every time-series record carries both created_at and a v1 time UUID of the same instant. */
export function stamp(env: Env, us: number, a: number, b: number): Rec {
  return { created_at: isoMicro(us), created_at_timeuuid: timeUuid(us, h2(env.sim.seed, a), h2(b, a)) };
}

function uptimeSeconds(env: Env, r: number, ms: number): number | null {
  const st = env.sim.events.stateAt(r, ms);
  return st.online ? Math.max(0, Math.floor((ms - st.sinceMs) / 1000)) : null;
}

function signalGrid(env: Env): Grid {
  const { fleet } = env.sim;
  return {
    periodMs: SIGNAL_PERIOD_MS,
    retentionMs: RETENTION.signal,
    offsetUs: (nd) => signalOffsetUs(fleet.seed, nd),
    build: (nd, us) => {
      const info = netDeviceInfo(env, nd);
      const ms = Math.floor(us / 1000);
      const slot = Math.floor(ms / SIGNAL_PERIOD_MS);
      const s = signalAt(fleet, nd, positionAt(fleet, info.router, ms), ms, slot);
      return {
        ...stamp(env, us, nd, 1),
        cinr: s.sinr,
        dbm: s.rssi,
        ecio: null,
        net_device: url(env, 'net_devices', NET_DEVICE_ID_BASE + nd),
        rsrp: s.rsrp,
        rsrq: s.rsrq,
        rssi: s.rssi,
        rssnr: null,
        signal_percent: s.signalPercent,
        sinr: s.sinr,
        uptime: uptimeSeconds(env, info.router, ms),
      };
    },
  };
}

function usageGrid(env: Env): Grid {
  const { fleet } = env.sim;
  return {
    periodMs: USAGE_PERIOD_MS,
    retentionMs: RETENTION.usage,
    offsetUs: (nd) => h2(fleet.seed, nd * 3 + 2) % (USAGE_PERIOD_MS * 1000),
    build: (nd, us) => {
      const ms = Math.floor(us / 1000);
      const r = fleet.ndRouter[nd]!;
      const uptime = uptimeSeconds(env, r, ms);
      // Offline periods move no traffic; otherwise the counter delta over the period.
      const delta = (out: boolean) =>
        uptime === null
          ? 0
          : cumulativeBytes(fleet, nd, ms, out) - cumulativeBytes(fleet, nd, ms - USAGE_PERIOD_MS, out);
      return {
        ...stamp(env, us, nd, 2),
        bytes_in: delta(false),
        bytes_out: delta(true),
        net_device: url(env, 'net_devices', NET_DEVICE_ID_BASE + nd),
        period: USAGE_PERIOD_MS / 1000,
        uptime,
      };
    },
  };
}

function netDevicesFor(ctx: RequestContext, modemsOnly: boolean): number[] {
  const { fleet } = ctx.sim;
  const total = fleet.netDeviceCount;
  const all = () => Array.from({ length: total }, (_, i) => i);
  const ids = deviceFilter(ctx, 'net_device', (id) => denseIndex(id, NET_DEVICE_ID_BASE, total), total, all);
  return modemsOnly ? ids.filter((nd) => netDeviceInfo(ctx, nd).modem) : ids;
}

export const signalSamples: Resource = { list: (ctx) => listGrid(ctx, netDevicesFor(ctx, true), signalGrid(ctx)) };
export const usageSamples: Resource = { list: (ctx) => listGrid(ctx, netDevicesFor(ctx, false), usageGrid(ctx)) };

/** Breadcrumbs while online: vehicles every minute, fixed sites hourly; only routers with GPS. */
export const historicalLocations: Resource = {
  list: (ctx) => {
    const { fleet } = ctx.sim;
    if (ctx.query.has('router__in') || (ctx.query.get('router') ?? '').includes(','))
      throw badRequest('historical_locations accepts a single router id, not a list.');
    const raw = ctx.query.get('router');
    if (raw === undefined || raw === '') throw conflict('The router filter is required for historical_locations.');
    const r = routerIndex(ctx, raw);
    const devices = r >= 0 && fleet.flags[r]! & FLAG_HAS_GPS ? [r] : [];
    const vehicle = r >= 0 && fleet.isVehicle(r);
    const period = vehicle ? MINUTE_MS : 60 * MINUTE_MS;
    const grid: Grid = {
      periodMs: period,
      retentionMs: RETENTION.locations,
      offsetUs: (d) => h2(fleet.seed, d * 3 + 3) % (period * 1000),
      build: (d, us) => {
        const ms = Math.floor(us / 1000);
        const pos = positionAt(fleet, d, ms);
        const nd = fleet.ndFirst[d]!;
        const info = netDeviceInfo(ctx, nd);
        const slot = Math.floor(ms / SIGNAL_PERIOD_MS);
        const s = signalAt(fleet, nd, pos, ms, slot);
        const carrier = carrierOf(ctx, info);
        return {
          ...stamp(ctx, us, d, 3),
          accuracy: 3 + (h3(fleet.seed, d, Math.floor(ms / MINUTE_MS)) % 12),
          altitude: Math.round(200 + unit(h2(fleet.seed, d)) * 100),
          carrier_id: ['Verizon', 'AT&T', 'T-Mobile', 'FirstNet'][carrier]!,
          cinr: s.sinr,
          dbm: s.rssi,
          ecio: null,
          latitude: pos.lat,
          longitude: pos.lon,
          mph: pos.mph,
          net_device_name: netDeviceName(ctx, info),
          rfband: lteBandAt(fleet.seed, carrier, pos, weakPenaltyDb(fleet.geo.zones, pos.metro, pos.x, pos.y)),
          rfband_5g: null,
          rsrp: s.rsrp,
          rsrp_5g: null,
          rsrq: s.rsrq,
          rsrq_5g: null,
          rssi: s.rssi,
          signal_percent: s.signalPercent,
          sinr: s.sinr,
          sinr_5g: null,
          summary: 'connected',
        };
      },
    };
    if (devices.length === 0) return listGrid(ctx, [], grid);
    return listGridWithGaps(ctx, r, grid, offlineGaps(ctx, r, RETENTION.locations));
  },
};

/** Intervals (µs, [start, end)) in the retention window during which router r was offline. */
function offlineGaps(env: Env, r: number, retentionMs: number): Array<[number, number]> {
  const { events, fleet } = env.sim;
  const gaps: Array<[number, number]> = [];
  if (fleet.flags[r]! & FLAG_PERM_OFFLINE) gaps.push([events.stateAt(r, env.nowMs).sinceUs, Number.POSITIVE_INFINITY]);
  const kHi = Math.floor(env.nowMs / EPOCH_MS);
  for (let k = Math.floor((env.nowMs - retentionMs) / EPOCH_MS) - 1; k <= kHi; k++) {
    const e = events.eventFor(k, EV_OUTAGE, r);
    if (e) gaps.push([outageStartUs(e), outageEndUs(e)]);
  }
  return gaps;
}

/** Connection-state transitions, from the same outage events that drive alerts and router state. */
export const routerStateSamples: Resource = {
  list: (ctx) => {
    const { fleet, events } = ctx.sim;
    const routers = deviceFilter(
      ctx,
      'router',
      (id) => routerIndex(ctx, id),
      fleet.n,
      () => Array.from({ length: fleet.n }, (_, i) => i),
    );
    const { limit, offset } = pageParams(ctx.query);
    const { fromUs, toUs } = timeWindow(ctx.query, ctx.nowMs, RETENTION.routerState);
    const asc = ascendingOrder(ctx.query);
    const items: Array<{ us: number; r: number; state: string; period: number }> = [];
    const kHi = Math.floor(toUs / 1000 / EPOCH_MS);
    const kLo = Math.floor(fromUs / 1000 / EPOCH_MS) - 1;
    for (const r of routers) {
      for (let k = kLo; k <= kHi; k++) {
        const e = events.eventFor(k, EV_OUTAGE, r);
        if (!e) continue;
        items.push({ us: outageStartUs(e), r, state: 'offline', period: Math.round(e.durMs / 1000) });
        items.push({ us: outageEndUs(e), r, state: 'online', period: 0 });
      }
    }
    const inWindow = items
      .filter((x) => x.us >= fromUs && x.us <= toUs)
      .sort((a, b) => (asc ? a.us - b.us : b.us - a.us) || a.r - b.r);
    const data: Json[] = inWindow.slice(offset, offset + limit).map((x) =>
      present(ctx, {
        ...stamp(ctx, x.us, x.r, 4),
        period: x.period,
        router: url(ctx, 'routers', ROUTER_ID_BASE + x.r),
        state: x.state,
      }),
    );
    return listEnvelope(ctx, data, limit, offset, inWindow.length > offset + limit);
  },
};
