/** An in-memory NCM for sync tests: deterministic routers, modems, metrics; counts every call. */
import type { NetDevice, NetDeviceHealth, NetDeviceMetrics, Router, RouterLocation } from '@/lib/domain/types';
import type { FleetSyncConfig } from '../config';
import { emptyReference, type FleetPage, type FleetReference, type FleetUpstream, type PageRequest } from '../types';

export const TEST_CONFIG: FleetSyncConfig = {
  pollMs: 30_000,
  fullSyncMs: 15 * 60_000,
  maxStaleMs: 60 * 60_000,
  pageSize: 500,
  concurrency: 4,
};

export function makeRouter(i: number, over: Partial<Router> = {}): Router {
  return {
    id: String(1000 + i),
    name: `Router ${i}`,
    description: '',
    state: i % 3 === 0 ? 'offline' : 'online',
    stateUpdatedAt: '2026-01-01T00:00:00Z',
    accountId: '1',
    groupId: String(i % 4),
    productId: '1',
    productName: 'IBR1700',
    actualFirmwareId: '7',
    targetFirmwareId: '7',
    serialNumber: `SN${i}`,
    mac: '00:30:44:00:00:01',
    ipv4Address: `10.0.${Math.floor(i / 256)}.${i % 256}`,
    assetId: null,
    locality: null,
    configStatus: null,
    upgradePending: false,
    rebootRequired: false,
    lastKnownLocationId: null,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

export function makeModem(i: number, routerId: string): NetDevice {
  return {
    id: String(50_000 + i),
    routerId,
    name: `mdm-${i}`,
    type: 'mdm',
    mode: 'wan',
    isAsset: true,
    connectionState: 'connected',
    carrier: 'Verizon',
    iccid: `8901${i}`,
    imei: `35${i}`,
    ipv4Address: null,
    mfgModel: null,
    port: 'modem1',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

export interface FakeUpstream extends FleetUpstream {
  routerList: Router[];
  deviceList: NetDevice[];
  metricList: NetDeviceMetrics[];
  calls: string[];
  /** When set, every call rejects with it. */
  failWith: Error | null;
  latencyMs: number;
  /** Router pages say how many routers there are (the published spec's total_count; real NCM does not). */
  sendsTotal: boolean;
}

function slice<T>(list: T[], q: PageRequest): FleetPage<T> {
  const items = list.slice(q.offset, q.offset + q.limit);
  return { items, hasMore: q.offset + q.limit < list.length };
}

const after = <T>(list: T[], key: (t: T) => string | null, since: string | undefined) =>
  since === undefined
    ? list
    : list.filter((t) => {
        const v = key(t);
        return v !== null && Date.parse(v) > Date.parse(since);
      });

export function fakeUpstream(routers: number): FakeUpstream {
  const routerList = Array.from({ length: routers }, (_, i) => makeRouter(i));
  const deviceList = routerList.map((r, i) => makeModem(i, r.id));
  const metricList: NetDeviceMetrics[] = deviceList.map((d, i) => ({
    netDeviceId: d.id,
    rsrp: -70 - (i % 40),
    rsrq: -10,
    sinr: 10,
    rssi: null,
    signalStrength: null,
    serviceType: 'LTE',
    bytesIn: null,
    bytesOut: null,
    updatedAt: '2026-01-01T00:00:00Z',
  }));
  const up: FakeUpstream = {
    routerList,
    deviceList,
    metricList,
    calls: [],
    failWith: null,
    latencyMs: 0,
    sendsTotal: false,
    async routers(q) {
      await step(`routers${q.stateOnly ? ':state' : q.updatedAfter ? ':updated' : ''}`);
      if (q.stateUpdatedAfter !== undefined)
        return slice(
          after(up.routerList, (r) => r.stateUpdatedAt, q.stateUpdatedAfter),
          q,
        );
      const page = slice(
        after(up.routerList, (r) => r.updatedAt, q.updatedAfter),
        q,
      );
      return up.sendsTotal && q.updatedAfter === undefined ? { ...page, totalCount: up.routerList.length } : page;
    },
    async netDevices(q) {
      await step(q.updatedAfter ? 'net_devices:updated' : 'net_devices');
      return slice(
        after(up.deviceList, (d) => d.updatedAt, q.updatedAfter),
        q,
      );
    },
    async metrics(q) {
      await step(q.updatedAfter ? 'metrics:updated' : 'metrics');
      return slice(
        after(up.metricList, (m) => m.updatedAt, q.updatedAfter),
        q,
      );
    },
    async health(q): Promise<FleetPage<NetDeviceHealth>> {
      await step('health');
      return slice(
        up.deviceList.map((d) => ({ netDeviceId: d.id, score: 80, category: 'good' })),
        q,
      );
    },
    async locations(q): Promise<FleetPage<RouterLocation>> {
      await step('locations');
      return slice(
        up.routerList.slice(0, 10).map((r) => ({ routerId: r.id, latitude: 40, longitude: -105 })),
        q,
      );
    },
    async reference(): Promise<FleetReference> {
      await step('reference');
      const ref = emptyReference();
      for (let g = 0; g < 4; g++)
        ref.groups.set(String(g), {
          id: String(g),
          name: `Group ${g}`,
          accountId: '1',
          productId: null,
          targetFirmwareId: '7',
        });
      ref.accounts.set('1', { id: '1', name: 'Acme', parentId: null, isDisabled: false });
      ref.firmwares.set('7', { id: '7', version: '7.24.10', productId: null, releasedAt: null });
      return ref;
    },
  };
  async function step(name: string) {
    up.calls.push(name);
    if (up.latencyMs > 0) await new Promise((r) => setTimeout(r, up.latencyMs));
    if (up.failWith) throw up.failWith;
  }
  return up;
}
