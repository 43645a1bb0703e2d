/** net_devices (modems + ethernet WAN), net_device_metrics and net_device_health (id = net device id). */
import { CARRIER_HOME, CARRIERS, ICCID_PREFIX, KINDS, PRODUCTS } from '../fleet/catalog';
import { ACCOUNT_ID_BASE, NET_DEVICE_ID_BASE, ROUTER_ID_BASE } from '../fleet/fleet';
import { h2, h3, Salt } from '../fleet/hash';
import { iccid, imei, publicIp } from '../fleet/identity';
import { positionAt } from '../fleet/motion';
import { cumulativeBytes, healthOf, signalAt } from '../fleet/signal';
import { isoMicro } from '../fleet/time';
import type { Env } from '../http/context';
import type { Rec } from '../http/json';
import { listTable } from '../http/listing';
import { routerAccountIndex } from './routers';
import { denseIndex, type Resource, url } from './types';

export const SIGNAL_PERIOD_MS = 5 * 60_000;

/** Where in each period a modem takes its signal reading (µs), fixed per modem. */
export function signalOffsetUs(seed: number, nd: number): number {
  return h2(seed, nd * 3 + 1) % (SIGNAL_PERIOD_MS * 1000);
}

export interface NetDeviceInfo {
  nd: number;
  router: number;
  modem: boolean;
  /** 1-based modem slot; 0 for ethernet */
  slot: number;
}

export function netDeviceInfo(env: Env, nd: number): NetDeviceInfo {
  const { fleet } = env.sim;
  const r = fleet.ndRouter[nd]!;
  const slot = nd - fleet.ndFirst[r]!;
  const modem = slot < fleet.modemCount(r);
  return { nd, router: r, modem, slot: modem ? slot + 1 : 0 };
}

export function carrierOf(env: Env, info: NetDeviceInfo): number {
  const { fleet } = env.sim;
  // Police cars' first modem rides FirstNet; others pick among the commercial carriers.
  if (KINDS[fleet.kind[info.router]!]!.code === 'PD' && info.slot === 1) return 3;
  return (h3(fleet.seed, info.nd, Salt.carrier) >>> 4) % 3;
}

function uid(env: Env, nd: number): string {
  return h2(env.sim.seed, nd + 77)
    .toString(16)
    .padStart(8, '0');
}

export function netDeviceName(env: Env, info: NetDeviceInfo): string {
  return info.modem ? `mdm-${uid(env, info.nd)}` : 'ethernet-wan';
}

function netDeviceRecord(env: Env, nd: number): Rec {
  const { fleet, events } = env.sim;
  const info = netDeviceInfo(env, nd);
  const r = info.router;
  const st = events.stateAt(r, env.nowMs);
  const id = NET_DEVICE_ID_BASE + nd;
  const vehicle = fleet.isVehicle(r);
  // Vehicles carry an ethernet WAN port with nothing plugged in.
  const connected = st.online && (info.modem || !vehicle);
  const product = PRODUCTS[fleet.product[r]!]!;
  const carrier = info.modem ? carrierOf(env, info) : -1;
  return {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + routerAccountIndex(env, r)),
    carrier: info.modem ? CARRIERS[carrier]! : null,
    connection_state: connected ? 'connected' : 'disconnected',
    homecarrid: info.modem ? CARRIER_HOME[carrier]! : null,
    iccid: info.modem ? iccid(fleet.seed, nd, ICCID_PREFIX[carrier]!) : null,
    id: String(id),
    imei: info.modem ? imei(fleet.seed, nd) : null,
    ipv4_address: connected ? publicIp(fleet.seed, 1_000_000 + nd) : null,
    is_asset: info.modem,
    is_gps_supported: info.modem,
    is_upgrade_available: false,
    mfg_model: info.modem ? `${product.modemModel}-CP` : null,
    mode: 'wan',
    mtu: info.modem ? 1428 : 1500,
    name: netDeviceName(env, info),
    port: info.modem ? `modem${info.slot}` : 'ethernet',
    resource_url: url(env, 'net_devices', id),
    router: url(env, 'routers', ROUTER_ID_BASE + r),
    service_type: info.modem ? (product.name === 'R1900' ? '5G' : 'LTE') : 'Ethernet',
    summary: connected ? 'connected' : 'disconnected',
    type: info.modem ? 'mdm' : 'ethernet',
    uid: uid(env, nd),
    updated_at: isoMicro(st.sinceMs * 1000),
  };
}

function metricsRecord(env: Env, nd: number): Rec {
  const { fleet } = env.sim;
  const info = netDeviceInfo(env, nd);
  const id = NET_DEVICE_ID_BASE + nd;
  // Each modem reports on its own phase of the period (real routers do not all report at once): the
  // latest metrics are its latest signal sample, so the two resources agree.
  const periodUs = SIGNAL_PERIOD_MS * 1000;
  const offsetUs = signalOffsetUs(fleet.seed, nd);
  const updateUs = Math.floor((env.nowMs * 1000 - offsetUs) / periodUs) * periodUs + offsetUs;
  const updateMs = Math.floor(updateUs / 1000);
  const slot = Math.floor(updateMs / SIGNAL_PERIOD_MS);
  const base: Rec = {
    bytes_in: cumulativeBytes(fleet, nd, env.nowMs, false),
    bytes_out: cumulativeBytes(fleet, nd, env.nowMs, true),
    id: String(id),
    net_device: url(env, 'net_devices', id),
    resource_url: url(env, 'net_device_metrics', id),
    update_ts: isoMicro(updateUs),
  };
  if (!info.modem) {
    return {
      ...base,
      bmask_applied: null,
      cell_id: null,
      cinr: null,
      dbm: null,
      ecio: null,
      mcc: null,
      mnc: null,
      rsrp: null,
      rsrq: null,
      rssi: null,
      rssnr: null,
      service_type: 'Ethernet',
      signal_strength: null,
      sinr: null,
      tac: null,
    };
  }
  const sig = signalAt(fleet, nd, positionAt(fleet, info.router, updateMs), updateMs, slot);
  const cell = h3(fleet.seed, nd, slot >>> 4);
  return {
    ...base,
    bmask_applied: null,
    cell_id: `${cell % 200_000_000} (0x${(cell % 200_000_000).toString(16)})`,
    cinr: sig.sinr,
    dbm: sig.rssi,
    ecio: null,
    mcc: '311',
    mnc: ['480', '410', '260', '170'][carrierOf(env, info)]!,
    rsrp: sig.rsrp,
    rsrq: sig.rsrq,
    rssi: String(sig.rssi), // real NCM sometimes sends radio values as strings
    rssnr: null,
    service_type: PRODUCTS[fleet.product[info.router]!]!.name === 'R1900' ? '5G' : 'LTE',
    signal_strength: sig.signalPercent,
    sinr: sig.sinr,
    tac: String(20000 + (cell % 9000)),
  };
}

function healthRecord(env: Env, nd: number): Rec {
  const { fleet } = env.sim;
  const info = netDeviceInfo(env, nd);
  const id = NET_DEVICE_ID_BASE + nd;
  let score: number | null = null;
  let category: string | null = null;
  if (info.modem) {
    const slot = Math.floor(env.nowMs / SIGNAL_PERIOD_MS);
    const at = slot * SIGNAL_PERIOD_MS;
    const h = healthOf(signalAt(fleet, nd, positionAt(fleet, info.router, at), at, slot).signalPercent);
    score = h.score;
    category = h.category;
  }
  return {
    cellular_health_category: category,
    cellular_health_score: score,
    id: String(id),
    net_device: url(env, 'net_devices', id),
    resource_url: url(env, 'net_device_health', id),
  };
}

function tableResource(build: (env: Env, nd: number) => Rec): Resource {
  return {
    list: (ctx) => {
      const count = ctx.sim.fleet.netDeviceCount;
      return listTable(ctx, {
        size: () => count,
        build: (i) => build(ctx, i),
        indexOfId: (id) => denseIndex(id, NET_DEVICE_ID_BASE, count),
        denseIdBase: NET_DEVICE_ID_BASE,
        fastField: (i, f) =>
          f === 'id'
            ? String(NET_DEVICE_ID_BASE + i)
            : f === 'router'
              ? url(ctx, 'routers', ROUTER_ID_BASE + ctx.sim.fleet.ndRouter[i]!)
              : undefined,
      });
    },
    get: (env, id) => {
      const i = denseIndex(id, NET_DEVICE_ID_BASE, env.sim.fleet.netDeviceCount);
      return i < 0 ? null : build(env, i);
    },
  };
}

export const netDevices = tableResource(netDeviceRecord);
export const netDeviceMetrics = tableResource(metricsRecord);
export const netDeviceHealth = tableResource(healthRecord);
