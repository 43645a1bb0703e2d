import { describe, expect, it } from 'vitest';
import { toLocationFix, toSignalSample, toUsageSample } from './normalize-samples';
import { setupMockNcm } from './test-support/harness';
import { listBody } from './test-support/mock-ncm';
import {
  listHistoricalLocations,
  listRouterStateSamples,
  listSignalSamples,
  listUsageSamples,
  ncmMicroTime,
  splitWindow,
} from './time-series';

const h = setupMockNcm();
const NCM = 'https://www.cradlepointecm.com/api/v2';
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 10, 20, 0, 0, 0);

describe('time-series wire → domain', () => {
  it('reads the 5G fields under both spellings and numbers sent as strings', () => {
    const base = {
      created_at: '2026-11-20T10:00:00.123456+00:00',
      created_at_timeuuid: 'u1',
      net_device: `${NCM}/net_devices/77/`,
    };
    const spec = toSignalSample({
      ...base,
      rsrp: '-97.5',
      rsrq: -11,
      sinr: null,
      cinr: '4.5',
      rssi: '-70',
      rsrp_5g: '-101',
      sinr_5g: 3,
    });
    const real = toSignalSample({ ...base, rsrp: -97.5, rsrq: '-11', sinr: 4.5, rssi: -70, rsrp5g: -101, sinr5g: '3' });
    expect(spec).toEqual(real);
    expect(real).toMatchObject({
      netDeviceId: '77',
      rsrp: -97.5,
      rsrq: -11,
      sinr: 4.5,
      rssi: -70,
      rsrp5g: -101,
      sinr5g: 3,
      rsrq5g: null,
    });
    expect(real.atMs).toBe(Date.UTC(2026, 10, 20, 10, 0, 0, 123));
  });

  it('reads usage counters sent as strings and a null uptime as disconnected', () => {
    const u = toUsageSample({
      created_at: '2026-11-20T10:00:00+00:00',
      net_device: `${NCM}/net_devices/9/`,
      bytes_in: '1024',
      bytes_out: 5,
      period: 900,
      uptime: null,
    });
    expect(u).toMatchObject({ netDeviceId: '9', bytesIn: 1024, bytesOut: 5, periodSeconds: 900, uptimeSeconds: null });
  });

  it('reads a historical fix with its radio values, carrier and band; refuses one without a position', () => {
    const fix = toLocationFix(
      {
        created_at: '2026-11-20T10:00:00+00:00',
        created_at_timeuuid: 'x',
        latitude: '39.7',
        longitude: -104.9,
        mph: 31,
        rsrp: -99,
        sinr: '7.5',
        carrier_id: 'Verizon',
        rfband: 13,
        rfband_5g: null,
        rsrp_5g: null,
      },
      '42',
    );
    expect(fix).toMatchObject({
      routerId: '42',
      latitude: 39.7,
      longitude: -104.9,
      mph: 31,
      rsrp: -99,
      sinr: 7.5,
      carrier: 'Verizon',
      band: 'Band 13',
      band5g: null,
    });
    expect(() =>
      toLocationFix({ created_at: '2026-11-20T10:00:00+00:00', latitude: null, longitude: 1 }, '42'),
    ).toThrow();
    expect(() =>
      toLocationFix({ created_at: '2026-11-20T10:00:00+00:00', latitude: 'x', longitude: 1 }, '42'),
    ).toThrow();
  });
});

describe('windows', () => {
  it('formats NCM instants to the microsecond', () => {
    expect(ncmMicroTime(FROM * 1000 - 1)).toBe('2026-11-19T23:59:59.999999+00:00');
    expect(ncmMicroTime(FROM * 1000)).toBe('2026-11-20T00:00:00.000000+00:00');
  });

  it('splits long windows into parts that meet exactly', () => {
    expect(splitWindow({ fromMs: FROM, toMs: FROM + HOUR }, 4)).toEqual([{ fromMs: FROM, toMs: FROM + HOUR }]);
    expect(splitWindow({ fromMs: FROM, toMs: FROM + 7 * 24 * HOUR }, 1)).toHaveLength(1);
    const parts = splitWindow({ fromMs: FROM, toMs: FROM + 7 * 24 * HOUR + 1 }, 4);
    expect(parts).toHaveLength(4);
    expect(parts[0]!.fromMs).toBe(FROM);
    expect(parts.at(-1)!.toMs).toBe(FROM + 7 * 24 * HOUR + 1);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.fromMs).toBe(parts[i - 1]!.toMs);
  });
});

/** A fake NCM sample list: `total` records, newest first, `limit` per page, absolute `next` links. */
function pagedSamples(total: number, make: (i: number) => Record<string, unknown>) {
  h.mock.setHandler((req) => {
    const url = new URL(req.url, h.mock.origin);
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) =>
      make(total - 1 - (offset + k)),
    );
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('offset', String(offset + limit));
    return { body: listBody(data, { limit, offset, next: offset + limit < total ? nextUrl.toString() : null }) };
  });
}

const signalAt = (i: number) => ({
  created_at: ncmMicroTime((FROM + i * 60_000) * 1000),
  created_at_timeuuid: `t${i}`,
  net_device: `${NCM}/net_devices/5/`,
  rsrp: -90 - (i % 10),
  rsrq: -10,
  sinr: 5,
  rssi: -60,
});

describe('listSignalSamples', () => {
  it('pages a window through meta.next at 500 a page, with one net_device and created_at bounds; oldest first', async () => {
    pagedSamples(1234, signalAt);
    const { items, complete } = await listSignalSamples(['5'], { fromMs: FROM, toMs: FROM + 20 * HOUR });
    expect(complete).toBe(true);
    expect(items).toHaveLength(1234);
    expect(items.map((s) => s.atMs)).toEqual(Array.from({ length: 1234 }, (_, i) => FROM + i * 60_000));
    expect(h.mock.requests).toHaveLength(3);
    const first = new URL(h.mock.requests[0]!.url, h.mock.origin).searchParams;
    expect(first.get('net_device')).toBe('5');
    expect(first.get('limit')).toBe('500');
    expect(first.get('created_at__gt')).toBe('2026-11-19T23:59:59.999999+00:00');
    expect(first.get('created_at__lt')).toBe('2026-11-20T20:00:00.000000+00:00');
    expect(first.has('net_device__in')).toBe(false);
  });

  it('uses net_device__in for several modems, in chunks of at most 100', async () => {
    h.mock.setHandler(() => ({ body: listBody([]) }));
    const ids = Array.from({ length: 150 }, (_, i) => String(100 + i));
    await listSignalSamples(ids, { fromMs: FROM, toMs: FROM + HOUR });
    expect(h.mock.requests).toHaveLength(2);
    const lists = h.mock.requests.map((r) =>
      new URL(r.url, h.mock.origin).searchParams.get('net_device__in')!.split(','),
    );
    expect(lists.map((l) => l.length).sort()).toEqual([100, 50]);
  });

  it('asks nothing for no modems, and refuses ids that are not plain tokens', async () => {
    expect(await listSignalSamples([], { fromMs: FROM, toMs: FROM + HOUR })).toEqual({ items: [], complete: true });
    await expect(listSignalSamples(['1,2'], { fromMs: FROM, toMs: FROM + HOUR })).rejects.toMatchObject({
      kind: 'bad_request',
    });
    await expect(listSignalSamples(['1'], { fromMs: FROM + HOUR, toMs: FROM })).rejects.toMatchObject({
      kind: 'bad_request',
    });
    expect(h.mock.requests).toHaveLength(0);
  });

  it('says when maxRecords cut the window short', async () => {
    pagedSamples(3000, signalAt);
    const { items, complete } = await listSignalSamples(
      ['5'],
      { fromMs: FROM, toMs: FROM + 20 * HOUR },
      { maxRecords: 1000 },
    );
    expect(complete).toBe(false);
    expect(items).toHaveLength(1000);
  });

  it('drops a record repeated across pages', async () => {
    h.mock.setSequence([
      {
        body: listBody([signalAt(3), signalAt(2)], {
          limit: 2,
          next: `${h.base}/net_device_signal_samples/?offset=2&limit=2`,
        }),
      },
      { body: listBody([signalAt(2), signalAt(1)], { limit: 2, offset: 2 }) },
    ]);
    const { items } = await listSignalSamples(['5'], { fromMs: FROM, toMs: FROM + HOUR });
    expect(items.map((s) => s.atMs)).toEqual([1, 2, 3].map((i) => FROM + i * 60_000));
  });
});

describe('other resources', () => {
  it('historical_locations: a single router filter, never a list', async () => {
    h.mock.setHandler(() => ({
      body: listBody([
        { created_at: '2026-11-20T10:00:00+00:00', created_at_timeuuid: 'a', latitude: 1, longitude: 2 },
      ]),
    }));
    const { items } = await listHistoricalLocations('42', { fromMs: FROM, toMs: FROM + HOUR });
    expect(items[0]).toMatchObject({ routerId: '42', latitude: 1, longitude: 2 });
    const q = new URL(h.mock.requests[0]!.url, h.mock.origin).searchParams;
    expect(q.get('router')).toBe('42');
    expect(q.has('router__in')).toBe(false);
    await expect(listHistoricalLocations('4,2', { fromMs: FROM, toMs: FROM + HOUR })).rejects.toMatchObject({
      kind: 'bad_request',
    });
  });

  it('a 7-day window asked in four parts is read as four sub-windows in parallel, covering it exactly', async () => {
    h.mock.setHandler(() => ({ body: listBody([]) }));
    await listUsageSamples(['9'], { fromMs: FROM, toMs: FROM + 7 * 24 * HOUR }, { parts: 4 });
    const bounds = h.mock.requests
      .map((r) => new URL(r.url, h.mock.origin).searchParams)
      .map((q) => [q.get('created_at__gt')!, q.get('created_at__lt')!])
      .sort();
    expect(bounds).toHaveLength(4);
    expect(bounds[0]![0]).toBe(ncmMicroTime(FROM * 1000 - 1));
    expect(bounds[3]![1]).toBe(ncmMicroTime((FROM + 7 * 24 * HOUR) * 1000));
    for (let i = 1; i < 4; i++) expect(Date.parse(bounds[i]![0]) + 1).toBe(Date.parse(bounds[i - 1]![1]));
  });

  it('router_state_samples: router ids from the relation, unknown states kept as unknown', async () => {
    h.mock.setHandler(() => ({
      body: listBody([
        {
          created_at: '2026-11-20T10:00:00+00:00',
          created_at_timeuuid: 'b',
          router: `${NCM}/routers/7/`,
          state: 'offline',
          period: '60',
        },
        {
          created_at: '2026-11-20T09:00:00+00:00',
          created_at_timeuuid: 'a',
          router: `${NCM}/routers/7/`,
          state: 'rebooting',
        },
      ]),
    }));
    const { items } = await listRouterStateSamples(['7'], { fromMs: FROM, toMs: FROM + HOUR });
    expect(items.map((s) => [s.routerId, s.state, s.periodSeconds])).toEqual([
      ['7', 'unknown', null],
      ['7', 'offline', 60],
    ]);
  });
});
