import { describe, expect, it } from 'vitest';
import type { NetDevice } from '@/lib/domain/types';
import { FLEET_SORT_COLUMNS } from '@/lib/dto/fleet';
import { FleetIndex } from './query';
import { makeModem, makeRouter } from './test-support/fake-upstream';
import { emptyFleetData, type FleetData } from './types';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = ['Bus', 'bus', 'Kiosk', 'Shop', 'Van', 'PD unit'];
const CARRIERS = ['Verizon', 'AT&T', 'T-Mobile', null];

function fleet(n: number, rnd: () => number): FleetData {
  const data = emptyFleetData();
  data.reference.groups.set('1', { id: '1', name: 'Buses', accountId: null, productId: null, targetFirmwareId: null });
  data.reference.groups.set('2', { id: '2', name: 'Kiosks', accountId: null, productId: null, targetFirmwareId: null });
  for (let i = 0; i < n; i++) addRouter(data, i, rnd);
  return data;
}

function addRouter(data: FleetData, i: number, rnd: () => number): void {
  const router = makeRouter(i, {
    // Few distinct names, so ties (broken by name then id) are common.
    name: `${NAMES[Math.floor(rnd() * NAMES.length)]} ${Math.floor(rnd() * 20)}`,
    groupId: rnd() < 0.1 ? null : String(1 + Math.floor(rnd() * 2)),
    stateUpdatedAt: rnd() < 0.1 ? null : new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 1e6) * 1000).toISOString(),
  });
  data.routers.set(router.id, router);
  const modem: NetDevice = { ...makeModem(i, router.id), carrier: CARRIERS[Math.floor(rnd() * CARRIERS.length)]! };
  data.devices.set(modem.id, modem);
  setRsrp(data, modem.id, rnd);
}

function setRsrp(data: FleetData, deviceId: string, rnd: () => number): void {
  const rsrp = rnd() < 0.1 ? null : -60 - Math.floor(rnd() * 60);
  data.metrics.set(deviceId, {
    netDeviceId: deviceId,
    rsrp,
    rsrq: null,
    sinr: rsrp === null ? null : Math.floor(rnd() * 30),
    rssi: null,
    signalStrength: null,
    serviceType: null,
    bytesIn: null,
    bytesOut: null,
    updatedAt: null,
  });
}

/**
 * What an incremental poll does: replace some records, as the sync does, and sometimes add routers.
 * Returns what it touched, as FleetSync's journal would.
 */
function poll(
  data: FleetData,
  rnd: () => number,
  changes: number,
  grow = true,
): { routers: Set<string>; devices: Set<string> } {
  const touched = { routers: new Set<string>(), devices: new Set<string>() };
  const ids = [...data.routers.keys()];
  for (let c = 0; c < changes; c++) {
    const id = ids[Math.floor(rnd() * ids.length)]!;
    const router = data.routers.get(id)!;
    touched.routers.add(id);
    const kind = rnd();
    if (kind < 0.4)
      data.routers.set(id, {
        ...router,
        state: router.state === 'online' ? 'offline' : 'online',
        stateUpdatedAt: new Date(Date.UTC(2026, 1, 1) + c * 1000).toISOString(),
      });
    else if (kind < 0.6)
      data.routers.set(id, { ...router, name: `${NAMES[Math.floor(rnd() * NAMES.length)]} ${Math.floor(rnd() * 20)}` });
    else if (kind < 0.7) data.routers.set(id, { ...router, groupId: router.groupId === '1' ? '2' : '1' });
    else if (kind < 0.8) {
      const device = [...data.devices.values()].find((d) => d.routerId === id)!;
      data.devices.set(device.id, { ...device, carrier: CARRIERS[Math.floor(rnd() * CARRIERS.length)]! });
      touched.devices.add(device.id);
    } else {
      const device = [...data.devices.values()].find((d) => d.routerId === id)!;
      setRsrp(data, device.id, rnd);
    }
  }
  if (grow && rnd() < 0.5) {
    addRouter(data, data.routers.size, rnd);
    touched.routers.add([...data.routers.keys()].at(-1)!);
  }
  return touched;
}

/** A full sync: every record re-read as a new, equal object. */
function copyAll(data: FleetData): FleetData {
  const copy = emptyFleetData();
  copy.reference = {
    groups: new Map([...data.reference.groups].map(([k, v]) => [k, { ...v }])),
    accounts: new Map(),
    products: new Map(),
    firmwares: new Map(),
  };
  for (const [k, v] of data.routers) copy.routers.set(k, { ...v });
  for (const [k, v] of data.devices) copy.devices.set(k, { ...v });
  for (const [k, v] of data.metrics) copy.metrics.set(k, { ...v });
  return copy;
}

function expectSameOrders(carried: FleetIndex, data: FleetData, label: string): void {
  const fresh = FleetIndex.build(data);
  expect(carried.rows).toEqual(fresh.rows);
  for (const column of FLEET_SORT_COLUMNS) {
    for (const dir of ['asc', 'desc'] as const) {
      const a = [...carried.permutation(column, dir)].map((i) => carried.rows[i]!.id);
      const b = [...fresh.permutation(column, dir)].map((i) => fresh.rows[i]!.id);
      expect(a, `${label}: ${column} ${dir}`).toEqual(b);
    }
  }
}

function warm(index: FleetIndex): void {
  for (const column of FLEET_SORT_COLUMNS) for (const dir of ['asc', 'desc'] as const) index.permutation(column, dir);
}

describe('FleetIndex carried over from the previous version', () => {
  it('gives the same rows and every sort order as a fresh build, poll after poll', () => {
    const rnd = random(7);
    const data = fleet(400, rnd);
    let index = FleetIndex.build(data);
    warm(index);
    for (let round = 0; round < 6; round++) {
      poll(data, rnd, 1 + Math.floor(rnd() * 40));
      index = FleetIndex.build(data, index);
      expectSameOrders(index, data, `poll ${round}`);
    }
  });

  it('keeps unchanged rows (the same objects) and their orders through a full sync', () => {
    const rnd = random(11);
    const data = fleet(300, rnd);
    const before = FleetIndex.build(data);
    warm(before);
    const copy = copyAll(data);
    poll(copy, rnd, 10);
    const after = FleetIndex.build(copy, before);
    const kept = after.rows.filter((row, i) => before.rows[i] === row).length;
    expect(kept).toBeGreaterThan(280);
    expect(kept).toBeLessThan(300);
    expectSameOrders(after, copy, 'full sync');
  });

  it('rebuilds every row when reference data changed (names shown in rows)', () => {
    const rnd = random(3);
    const data = fleet(50, rnd);
    const before = FleetIndex.build(data);
    warm(before);
    const renamed = copyAll(data);
    renamed.reference.groups.set('1', { ...renamed.reference.groups.get('1')!, name: 'Zebra buses' });
    const after = FleetIndex.build(renamed, before);
    expect(after.rows.some((row, i) => before.rows[i] === row)).toBe(false);
    expect(after.rows.filter((r) => r.groupId === '1').every((r) => r.groupName === 'Zebra buses')).toBe(true);
    expectSameOrders(after, renamed, 'reference change');
  });

  it('carries orders the previous index built even when routers arrive in another order', () => {
    const rnd = random(5);
    const data = fleet(120, rnd);
    const before = FleetIndex.build(data);
    warm(before);
    const shuffled = emptyFleetData();
    shuffled.reference = data.reference;
    for (const id of [...data.routers.keys()].reverse()) shuffled.routers.set(id, data.routers.get(id)!);
    shuffled.devices = data.devices;
    shuffled.metrics = data.metrics;
    poll(shuffled, rnd, 15);
    expectSameOrders(FleetIndex.build(shuffled, before), shuffled, 'reordered');
  });

  it('prepares the same orders in slices as at once, carried or sorted afresh', async () => {
    const rnd = random(13);
    const data = fleet(6_000, rnd);
    const base = FleetIndex.build(data);
    warm(base);
    // Enough changes that the carried path sorts them with the sliced merge sort.
    poll(data, rnd, 3_200);
    const sliced = FleetIndex.build(data, base);
    const changed = sliced.rows.filter((row, i) => row !== base.rows[i]).length;
    expect(changed).toBeGreaterThan(2_048);
    expect(changed).toBeLessThan(3_000);
    const fresh = FleetIndex.build(data);
    for (const column of FLEET_SORT_COLUMNS) {
      for (const dir of ['asc', 'desc'] as const) {
        const ids = [...(await sliced.preparePermutation(column, dir))].map((i) => sliced.rows[i]!.id);
        expect(ids, `carried ${column} ${dir}`).toEqual(
          [...fresh.permutation(column, dir)].map((i) => fresh.rows[i]!.id),
        );
      }
    }
    const cold = FleetIndex.build(data);
    const ids = [...(await cold.preparePermutation('carrier', 'desc'))].map((i) => cold.rows[i]!.id);
    expect(ids).toEqual([...fresh.permutation('carrier', 'desc')].map((i) => fresh.rows[i]!.id));
  });

  it('keeps a row (the same object) when its inputs changed but nothing it shows did', () => {
    const rnd = random(17);
    const data = fleet(30, rnd);
    const before = FleetIndex.build(data);
    const device = [...data.devices.values()][4]!;
    const metrics = data.metrics.get(device.id)!;
    // New counters and timestamp, same signal: what a poll brings for most modems.
    data.metrics.set(device.id, { ...metrics, bytesIn: 123, updatedAt: '2026-11-26T00:00:00Z' });
    const after = FleetIndex.build(data, before);
    expect(after.rows.every((row, i) => row === before.rows[i])).toBe(true);
    data.metrics.set(device.id, { ...metrics, rsrp: metrics.rsrp === -61 ? -62 : -61 });
    const moved = FleetIndex.build(data, after);
    expect(moved.rows.filter((row, i) => row !== after.rows[i])).toHaveLength(1);
  });

  it('patching only the routers a poll touched gives the same rows and orders as a fresh build', () => {
    const rnd = random(23);
    const data = fleet(500, rnd);
    let index = FleetIndex.build(data);
    warm(index);
    let patched = 0;
    for (let round = 0; round < 8; round++) {
      const touched = poll(data, rnd, 1 + Math.floor(rnd() * 30), round % 3 === 2);
      if (index.canPatch(data, touched)) {
        patched++;
        const next = index.patched(data, touched.routers);
        // Untouched routers keep their very row objects.
        expect(next.rows.filter((row, i) => row !== index.rows[i]).length).toBeLessThanOrEqual(touched.routers.size);
        index = next;
      } else index = FleetIndex.build(data, index);
      expectSameOrders(index, data, `round ${round}`);
    }
    expect(patched).toBeGreaterThanOrEqual(5);
  });

  it('refuses a patch when a router is new or a device moved to another router', () => {
    const rnd = random(29);
    const data = fleet(50, rnd);
    const index = FleetIndex.build(data);
    const device = [...data.devices.values()][3]!;
    data.devices.set(device.id, { ...device, routerId: [...data.routers.keys()][10]! });
    expect(index.canPatch(data, { routers: new Set([device.routerId!]), devices: new Set([device.id]) })).toBe(false);
    data.devices.set(device.id, device);
    expect(index.canPatch(data, { routers: new Set([device.routerId!]), devices: new Set([device.id]) })).toBe(true);
    addRouter(data, 50, rnd);
    expect(index.canPatch(data, { routers: new Set(['1050']), devices: new Set() })).toBe(false);
  });
});
