import { describe, expect, it } from 'vitest';
import type { NetDevice, NetDeviceMetrics } from '@/lib/domain/types';
import {
  FLEET_SORT_COLUMNS,
  type FleetRouterRow,
  type FleetRoutersQuery,
  fleetRoutersQuerySchema,
} from '@/lib/dto/fleet';
import { FleetIndexStore, queryFleet } from './index-store';
import { FleetIndex } from './query';
import { makeModem, makeRouter } from './test-support/fake-upstream';
import { emptyFleetData, type FleetData } from './types';

function metrics(device: NetDevice, rsrp: number | null, sinr: number | null = null): NetDeviceMetrics {
  return {
    netDeviceId: device.id,
    rsrp,
    rsrq: null,
    sinr,
    rssi: null,
    signalStrength: null,
    serviceType: 'LTE',
    bytesIn: null,
    bytesOut: null,
    updatedAt: null,
  };
}

/** Six routers with distinct, partly missing values on every column. */
function fixture(): FleetData {
  const data = emptyFleetData();
  data.reference.groups.set('10', { id: '10', name: 'Buses', accountId: '1', productId: null, targetFirmwareId: 'f2' });
  data.reference.groups.set('11', {
    id: '11',
    name: 'Ambulances',
    accountId: '2',
    productId: null,
    targetFirmwareId: null,
  });
  data.reference.accounts.set('1', { id: '1', name: 'City', parentId: null, isDisabled: false });
  data.reference.accounts.set('2', { id: '2', name: 'County', parentId: null, isDisabled: false });
  data.reference.firmwares.set('f1', { id: 'f1', version: '7.9.0', productId: null, releasedAt: null });
  data.reference.firmwares.set('f2', { id: 'f2', version: '7.10.0', productId: null, releasedAt: null });
  const specs = [
    {
      name: 'Bus 10',
      state: 'online',
      group: '10',
      account: '1',
      fw: 'f1',
      product: 'IBR1700',
      mac: '00:30:44:AA:BB:01',
      ip: '10.0.0.20',
      rsrp: -75,
      sinr: 12,
      carrier: 'Verizon',
      at: '2026-01-01T00:00:05Z',
    },
    {
      name: 'bus 2',
      state: 'offline',
      group: '10',
      account: '1',
      fw: 'f2',
      product: 'IBR1700',
      mac: '00:30:44:AA:BB:02',
      ip: '10.0.0.3',
      rsrp: -95,
      sinr: 3,
      carrier: 'AT&T',
      at: '2026-01-01T00:00:01Z',
    },
    {
      name: 'Ambulance 1',
      state: 'online',
      group: '11',
      account: '2',
      fw: 'f2',
      product: 'R1900',
      mac: '00:30:44:AA:BB:03',
      ip: null,
      rsrp: -105,
      sinr: -2,
      carrier: 'FirstNet',
      at: null,
    },
    {
      name: 'Depot',
      state: 'initialized',
      group: null,
      account: '2',
      fw: null,
      product: null,
      mac: null,
      ip: '192.168.1.1',
      rsrp: null,
      sinr: null,
      carrier: null,
      at: '2026-01-01T00:00:09Z',
    },
    {
      name: 'Ambulance 1',
      state: 'offline',
      group: '11',
      account: '2',
      fw: 'f1',
      product: 'R1900',
      mac: '00:30:44:AA:BB:05',
      ip: '10.0.0.200',
      rsrp: -85,
      sinr: 8,
      carrier: 'Verizon',
      at: '2026-01-01T00:00:02Z',
    },
    {
      name: 'Spare',
      state: 'unknown',
      group: '10',
      account: '1',
      fw: 'f1',
      product: 'IBR900',
      mac: '00:30:44:AA:BB:06',
      ip: '10.0.1.1',
      rsrp: -80,
      sinr: null,
      carrier: 'Verizon',
      at: '2026-01-01T00:00:03Z',
    },
  ] as const;
  specs.forEach((s, i) => {
    const router = makeRouter(i, {
      name: s.name,
      state: s.state,
      groupId: s.group,
      accountId: s.account,
      actualFirmwareId: s.fw,
      productName: s.product,
      mac: s.mac,
      ipv4Address: s.ip,
      serialNumber: `WA${i}00`,
      assetId: i === 4 ? 'ASSET-77' : null,
      stateUpdatedAt: s.at,
    });
    data.routers.set(router.id, router);
    if (s.carrier) {
      const modem = {
        ...makeModem(i, router.id),
        carrier: s.carrier,
        imei: `35000000000000${i}`,
        iccid: `8901260000000000${i}`,
      };
      data.devices.set(modem.id, modem);
      data.metrics.set(modem.id, metrics(modem, s.rsrp, s.sinr));
      data.health.set(modem.id, { netDeviceId: modem.id, score: 50 + i, category: 'good' });
    }
  });
  return data;
}

const q = (over: Record<string, string | number> = {}): FleetRoutersQuery => fleetRoutersQuerySchema.parse(over);
const names = (rows: FleetRouterRow[]) => rows.map((r) => `${r.name}#${r.id}`);

describe('FleetIndex search', () => {
  const index = FleetIndex.build(fixture());
  const search = (text: string) => index.select(q({ q: text })).rows.map((r) => r.name);

  it('matches name case-insensitively, serial, IP, asset id', () => {
    expect(search('BUS')).toEqual(['bus 2', 'Bus 10']);
    expect(search('wa300')).toEqual(['Depot']);
    expect(search('192.168')).toEqual(['Depot']);
    expect(search('asset-77')).toEqual(['Ambulance 1']);
  });

  it('matches a MAC with or without colons', () => {
    expect(search('00:30:44:aa:bb:02')).toEqual(['bus 2']);
    expect(search('003044AABB02')).toEqual(['bus 2']);
  });

  it('matches modem IMEI and ICCID', () => {
    expect(search('350000000000005')).toEqual(['Spare']);
    expect(search('89012600000000001')).toEqual(['bus 2']);
  });
});

describe('FleetIndex filters and counts', () => {
  const index = FleetIndex.build(fixture());
  const sel = (over: Record<string, string | number>) => index.select(q(over));

  it('filters by each field', () => {
    expect(sel({ state: 'offline' }).total).toBe(2);
    expect(sel({ group: '11' }).total).toBe(2);
    expect(sel({ product: 'IBR1700,IBR900' }).total).toBe(3);
    expect(sel({ firmware: '7.10.0' }).total).toBe(2);
    expect(sel({ carrier: 'Verizon' }).total).toBe(3);
    expect(sel({ account: '2' }).total).toBe(3);
    expect(sel({ signal: 'poor' }).rows.map((r) => r.rsrp)).toEqual([-105]);
    expect(sel({ signal: 'excellent,good' }).total).toBe(3);
  });

  it('counts per state cover every filter except the state filter', () => {
    const result = sel({ state: 'offline', group: '10' });
    expect(result.total).toBe(1);
    expect(result.counts).toEqual({ online: 1, offline: 1, initialized: 0, unknown: 1 });
  });

  it('pages after filtering and sorting', () => {
    const all = names(sel({ sort: 'name' }).rows);
    expect(names(sel({ sort: 'name', offset: 2, limit: 2 }).rows)).toEqual(all.slice(2, 4));
    expect(sel({ offset: 100 }).rows).toEqual([]);
    expect(sel({ offset: 100 }).total).toBe(6);
  });

  it('flags routers behind their group target firmware', () => {
    const bus10 = index.rows.find((r) => r.name === 'Bus 10')!;
    expect(bus10.firmwareBehind).toBe(true);
    expect(index.rows.find((r) => r.name === 'bus 2')!.firmwareBehind).toBe(false);
  });
});

describe('FleetIndex sort', () => {
  const index = FleetIndex.build(fixture());

  it('sorts names naturally and breaks ties by id', () => {
    expect(names(index.select(q({ sort: 'name' })).rows)).toEqual([
      'Ambulance 1#1002',
      'Ambulance 1#1004',
      'bus 2#1001',
      'Bus 10#1000',
      'Depot#1003',
      'Spare#1005',
    ]);
    // Ties stay ascending by name then id even when descending.
    expect(names(index.select(q({ sort: 'name', dir: 'desc' })).rows)).toEqual([
      'Spare#1005',
      'Depot#1003',
      'Bus 10#1000',
      'bus 2#1001',
      'Ambulance 1#1002',
      'Ambulance 1#1004',
    ]);
  });

  it('orders firmware versions and IPs numerically', () => {
    expect(index.select(q({ sort: 'firmwareVersion' })).rows.map((r) => r.firmwareVersion)).toEqual([
      '7.9.0',
      '7.9.0',
      '7.9.0',
      '7.10.0',
      '7.10.0',
      null,
    ]);
    expect(index.select(q({ sort: 'ipv4Address' })).rows.map((r) => r.ipv4Address)).toEqual([
      '10.0.0.3',
      '10.0.0.20',
      '10.0.0.200',
      '10.0.1.1',
      '192.168.1.1',
      null,
    ]);
  });

  for (const column of FLEET_SORT_COLUMNS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`${column} ${dir}: ordered, nulls last, ties by name then id`, () => {
        const rows = index.select(q({ sort: column, dir })).rows;
        expect(rows).toHaveLength(6);
        const value = (r: FleetRouterRow): string | number | null => {
          const v = r[column as keyof FleetRouterRow];
          if (v === null || v === undefined) return null;
          if (column === 'stateUpdatedAt') return Date.parse(String(v));
          if (column === 'ipv4Address')
            return String(v)
              .split('.')
              .reduce((n, o) => n * 256 + Number(o), 0);
          if (typeof v === 'number') return v;
          return String(v)
            .toLowerCase()
            .replace(/\d+/g, (d) => d.padStart(12, '0'));
        };
        for (let i = 1; i < rows.length; i++) {
          const a = value(rows[i - 1]!);
          const b = value(rows[i]!);
          if (a === null) {
            expect(b, `${column} nulls last`).toBeNull();
            continue;
          }
          if (b === null) continue;
          if (a === b) {
            const an = rows[i - 1]!.name.toLowerCase();
            const bn = rows[i]!.name.toLowerCase();
            expect(
              an <= bn ||
                an.replace(/\d+/g, (d) => d.padStart(12, '0')) <= bn.replace(/\d+/g, (d) => d.padStart(12, '0')),
            ).toBe(true);
          } else {
            expect(dir === 'asc' ? a < b : a > b, `${column} ${dir}: ${a} vs ${b}`).toBe(true);
          }
        }
      });
    }
  }
});

describe('FleetIndex at scale', () => {
  it('builds facets from the snapshot', () => {
    const facets = FleetIndex.build(fixture()).facets();
    expect(facets.groups).toEqual([
      { value: '11', label: 'Ambulances' },
      { value: '10', label: 'Buses' },
    ]);
    expect(facets.carriers.map((c) => c.value)).toEqual(['AT&T', 'FirstNet', 'Verizon']);
    expect(facets.firmwares.map((f) => f.value)).toEqual(['7.9.0', '7.10.0']);
  });

  it('answers a filtered, searched, sorted query over 50,000 routers', () => {
    const data = emptyFleetData();
    for (let i = 0; i < 50_000; i++) {
      const router = makeRouter(i);
      data.routers.set(router.id, router);
      const modem = makeModem(i, router.id);
      data.devices.set(modem.id, modem);
      data.metrics.set(modem.id, metrics(modem, -60 - (i % 60)));
    }
    const index = FleetIndex.build(data);
    index.permutation('rsrp', 'desc');
    const result = index.select(q({ q: 'router 1', sort: 'rsrp', dir: 'desc', state: 'online', signal: 'good,fair' }));
    expect(result.total).toBeGreaterThan(0);
    expect(result.rows.length).toBeLessThanOrEqual(100);
  });
});

describe('FleetIndexStore', () => {
  const sync = {
    phase: 'ready' as const,
    loadedRouters: 0,
    expectedRouters: null,
    lastFullSyncAt: null,
    lastPollAt: null,
    lastError: null,
  };
  const prepared = (index: FleetIndex) => (index as unknown as { permutations: Map<string, Uint32Array> }).permutations;
  const settle = async (store: FleetIndexStore) => {
    for (let i = 0; i < 200 && store.busy; i++) await new Promise((r) => setImmediate(r));
    expect(store.busy).toBe(false);
  };
  const rename = (data: FleetData, id: string, name: string) =>
    data.routers.set(id, { ...data.routers.get(id)!, name });

  it('serves the previous index while a new version builds, then the new one with its orders ready', async () => {
    const store = new FleetIndexStore();
    const data = fixture();
    const first = store.serve({ data, version: 1, asOf: 1000 });
    expect(first.index.rows).toHaveLength(6);
    store.noteSort('sinr', 'desc');

    rename(data, '1000', 'Renamed bus');
    const during = store.serve({ data, version: 2, asOf: 2000 });
    expect(during.index).toBe(first.index);
    expect(during.revision).toBe(first.revision);
    // The rows are still the version-1 rows, and say so.
    expect(during.asOf).toBe(1000);
    expect(store.busy).toBe(true);

    await settle(store);
    const after = store.serve({ data, version: 2, asOf: 2000 });
    expect(after.index).not.toBe(first.index);
    expect(after.revision).toBeGreaterThan(first.revision);
    expect(after.asOf).toBe(2000);
    expect(after.index.rows.find((r) => r.id === '1000')?.name).toBe('Renamed bus');
    for (const order of ['sinr:desc', 'rsrp:asc', 'stateUpdatedAt:desc', 'name:asc'])
      expect(prepared(after.index).has(order), order).toBe(true);
  });

  it('then prepares every other order in later ticks, and stops once a newer version is served', async () => {
    const store = new FleetIndexStore();
    const data = fixture();
    const index = store.serve({ data, version: 1, asOf: 0 }).index;
    rename(data, '1001', 'x');
    store.prepare({ data, version: 2, asOf: 0 });
    await settle(store);
    const v2 = store.serve({ data, version: 2, asOf: 0 }).index;
    expect(v2).not.toBe(index);
    // One order per turn of the event loop: wait turns, not milliseconds (a busy machine is slow).
    for (let turn = 0; turn < 1_000 && prepared(v2).size < FLEET_SORT_COLUMNS.length * 2; turn++)
      await new Promise((r) => setImmediate(r));
    for (const column of FLEET_SORT_COLUMNS) {
      expect(prepared(v2).has(`${column}:asc`), column).toBe(true);
      expect(prepared(v2).has(`${column}:desc`), column).toBe(true);
    }
    rename(data, '1002', 'y');
    store.prepare({ data, version: 3, asOf: 0 });
    await settle(store);
    const v3 = store.serve({ data, version: 3, asOf: 0 }).index;
    rename(data, '1003', 'z');
    store.prepare({ data, version: 4, asOf: 0 });
    await settle(store);
    for (let turn = 0; turn < 100; turn++) await new Promise((r) => setImmediate(r));
    expect(prepared(v3).size).toBeLessThan(FLEET_SORT_COLUMNS.length * 2);
  });

  it('a write of our own shows at once, and survives a build that read the router before it', async () => {
    const store = new FleetIndexStore();
    const data = fixture();
    store.serve({ data, version: 1, asOf: 0 });
    const byName = (served: ReturnType<FleetIndexStore['serve']>) =>
      served.index.select(q({ sort: 'name' })).rows.map((r) => r.name);

    rename(data, '1005', 'Aardvark');
    store.applyRouterUpdate({ data, version: 2, asOf: 0 }, '1005');
    const now = store.serve({ data, version: 2, asOf: 0 });
    expect(byName(now)[0]).toBe('Aardvark');
    expect(store.busy).toBe(false);

    // A poll changes another router and a build starts; a write lands while it runs.
    rename(data, '1003', 'Zebra');
    store.prepare({ data, version: 3, asOf: 0 });
    expect(store.busy).toBe(true);
    const building = (store as unknown as { building: unknown }).building;
    expect(building).not.toBeNull();
    rename(data, '1004', 'Aaron');
    store.applyRouterUpdate({ data, version: 4, asOf: 0 }, '1004');
    expect(byName(store.serve({ data, version: 4, asOf: 0 }))).toContain('Aaron');
    await settle(store);
    const names = byName(store.serve({ data, version: 4, asOf: 0 }));
    expect(names.slice(0, 2)).toEqual(['Aardvark', 'Aaron']);
    expect(names.at(-1)).toBe('Zebra');
  });

  it('brings the index up to date by patching the routers a poll touched, when the sync says which', async () => {
    const store = new FleetIndexStore();
    const data = fixture();
    const first = store.serve({ data, version: 1, asOf: 0 }).index;
    rename(data, '1002', 'Aardvark');
    const changedSince = (since: number) =>
      since === 1 ? { routers: new Set(['1002']), devices: new Set<string>() } : null;
    store.prepare({ data, version: 2, asOf: 0, changedSince });
    await settle(store);
    const next = store.serve({ data, version: 2, asOf: 0, changedSince }).index;
    // The patch path reuses the build's memo; a full build makes a new one.
    expect(next.source.memo).toBe(first.source.memo);
    expect(next.rows.filter((row, i) => row !== first.rows[i]).map((r) => r.name)).toEqual(['Aardvark']);
    expect(next.select(q({ sort: 'name' })).rows[0]?.name).toBe('Aardvark');

    rename(data, '1003', 'Zz');
    store.prepare({ data, version: 3, asOf: 0, changedSince: () => null });
    await settle(store);
    expect(store.serve({ data, version: 3, asOf: 0 }).index.source.memo).not.toBe(first.source.memo);
  });

  it('queryFleet answers from the served index and reports its time', () => {
    const data = fixture();
    const store = new FleetIndexStore();
    const view = { data, version: 7, asOf: Date.UTC(2026, 0, 1), stale: false, sync };
    const page = queryFleet(view, q({ sort: 'rsrp', dir: 'desc' }), store.serve(view));
    expect(page.rows[0]?.rsrp).toBe(-75);
    expect(page.asOf).toBe('2026-01-01T00:00:00.000Z');
  });
});
