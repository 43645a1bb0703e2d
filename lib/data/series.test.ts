/**
 * The series data functions against the real simulator: authorization before anything else, input
 * validation, charts within two points per pixel that keep the extremes, tracks within their vertex
 * budget, and the full-resolution CSV.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatorAsNcm } from '@/lib/testing/simulator-as-ncm';
import { authorize } from '@/lib/auth/session';
import { resetFleetSync } from '@/lib/fleet';
import { RSRP_BANDS } from '@/lib/signal/bands';
import { setNcmCallBudget } from '@/lib/ncm/budget';
import { readSignalSeries, resetSharedReads } from '@/lib/reads';
import { metresPerPixel } from '@/lib/series';
import type { RunningSimulator } from '@/lib/simulator';
import { getLocationTrack, getSignalCharts, getUsageCharts, radioMarkers, thinEvenly } from './series';
import { streamSeriesCsv } from './series-csv';

/** Stands in for the session's refusal (the real module needs a Next.js request). */
const { Refused } = vi.hoisted(() => ({ Refused: class Refused extends Error {} }));

vi.mock('@/lib/auth/session', () => ({
  authorize: vi.fn(async () => ({ id: 'u', username: 'viewer', name: 'Viewer', role: 'Read Only' })),
}));

let sim: RunningSimulator;
let stop: () => Promise<void>;
let vehicle: string;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  let headers: Record<string, string>;
  ({ sim, stop, headers } = await simulatorAsNcm({ routers: 120 }));
  const routers = (await (
    await fetch(`${sim.baseUrl}/routers/?limit=120&fields=id,name,state`, { headers })
  ).json()) as { data: Array<{ id: string; name: string; state: string }> };
  // A bus that is online now and was offline for a while this week: its track has a gap.
  const buses = routers.data.filter((r) => /^BUS-/.test(r.name) && r.state === 'online').map((r) => r.id);
  const since = encodeURIComponent(new Date(Date.now() - 6 * DAY).toISOString());
  const states = (await (
    await fetch(
      `${sim.baseUrl}/router_state_samples/?router__in=${buses.join(',')}&created_at__gt=${since}&limit=500`,
      { headers },
    )
  ).json()) as {
    data: Array<{ router: string; state: string }>;
  };
  const withOutage = states.data.find((s) => s.state === 'offline')?.router.match(/routers\/(\d+)\//)?.[1];
  vehicle = withOutage ?? buses[0]!;
});

afterAll(() => stop());

beforeEach(() => {
  setNcmCallBudget(undefined);
  resetSharedReads();
  // No fleet sync is started: the router reads go to NCM, shared.
  resetFleetSync();
  vi.mocked(authorize).mockClear();
});

const ncmCalls = () => sim.stats().requests;

describe('authorization comes first', () => {
  it('a refused user gets the refusal, whatever the input, and NCM is not asked', async () => {
    vi.mocked(authorize).mockRejectedValue(new Refused('forbidden'));
    const before = ncmCalls();
    await expect(getSignalCharts(vehicle, { window: '24h', width: 800 })).rejects.toBeInstanceOf(Refused);
    await expect(getSignalCharts('../x', { width: 'wide' })).rejects.toBeInstanceOf(Refused);
    await expect(getUsageCharts(vehicle, { window: '24h', width: 800 })).rejects.toBeInstanceOf(Refused);
    await expect(getLocationTrack(vehicle, { window: '24h', width: 800, zoom: 12 })).rejects.toBeInstanceOf(Refused);
    await expect(streamSeriesCsv(vehicle, { window: '24h', kind: 'signal' })).rejects.toBeInstanceOf(Refused);
    expect(ncmCalls()).toBe(before);
    vi.mocked(authorize).mockReset();
    vi.mocked(authorize).mockResolvedValue({
      id: 'credentials:viewer',
      provider: 'credentials',
      username: 'viewer',
      name: 'Viewer',
      role: 'Read Only',
    });
  });

  it('asks for read permission for charts and export permission for the CSV', async () => {
    await getUsageCharts(vehicle, { window: '1h', width: 400 });
    expect(vi.mocked(authorize)).toHaveBeenLastCalledWith('routers:read');
    await streamSeriesCsv(vehicle, { window: '1h', kind: 'states' });
    expect(vi.mocked(authorize)).toHaveBeenLastCalledWith('routers:export');
  });
});

describe('input validation', () => {
  it.each([
    ['a router id that is not a number', '12a', { window: '24h', width: 800 }],
    ['a width below 100 px', undefined, { window: '24h', width: 99 }],
    ['a width above 4000 px', undefined, { window: '24h', width: 4001 }],
    ['no window', undefined, { width: 800 }],
    [
      'a preset and a custom range',
      undefined,
      { window: '24h', from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z', width: 800 },
    ],
    [
      'a custom range over 90 days',
      undefined,
      { from: '2026-01-01T00:00:00Z', to: '2026-04-02T00:00:01Z', width: 800 },
    ],
    [
      'a range that ends before it starts',
      undefined,
      { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z', width: 800 },
    ],
    ['a local time offset', undefined, { from: '2026-11-01T00:00:00+02:00', to: '2026-11-02T00:00:00Z', width: 800 }],
    ['an unknown parameter', undefined, { window: '24h', width: 800, modem: 'x' }],
  ])('refuses %s with a 400 before asking NCM', async (_label, id, input) => {
    const before = ncmCalls();
    await expect(getSignalCharts(id ?? vehicle, input)).rejects.toMatchObject({ status: 400 });
    expect(ncmCalls()).toBe(before);
  });

  it('accepts a custom UTC range of exactly 90 days, and answers null for an unknown router', async () => {
    const now = Date.now();
    const to = new Date(now - DAY).toISOString();
    const from = new Date(now - 91 * DAY).toISOString();
    const usage = await getUsageCharts(vehicle, { from, to, width: '400' });
    expect(usage?.modems.length).toBeGreaterThan(0);
    expect(await getSignalCharts('1999999', { window: '1h', width: 800 })).toBeNull();
    expect(await getLocationTrack('1999999', { window: '1h', width: 800, zoom: 3 })).toBeNull();
  });
});

describe('signal and usage charts', () => {
  it('a 7-day chart 300 px wide: at most 600 points per line, the extremes kept, bands from the one table, an "as of" time', async () => {
    const now = Date.now();
    const charts = (await getSignalCharts(vehicle, { window: '7d', width: 300 }, now))!;
    expect(charts.modems.length).toBeGreaterThan(0);
    expect(charts.routerName).toMatch(/^BUS-/);
    expect(charts.bands).toEqual(RSRP_BANDS);
    expect(Number.isFinite(Date.parse(charts.asOf))).toBe(true);
    expect(Date.parse(charts.to)).toBeLessThanOrEqual(now - 60_000);
    for (const modem of charts.modems) {
      expect(modem.samples).toBeGreaterThan(1900);
      const full = (await readSignalSeries(modem.modemId, { fromMs: now - 7 * DAY, toMs: now }, now)).items;
      for (const key of ['rsrp', 'rsrq', 'sinr', 'rssi'] as const) {
        const line = modem[key];
        expect(line.t.length).toBeLessThanOrEqual(600);
        const values = full.map((s) => s[key]).filter((v): v is number => v !== null);
        expect(line.v).toContain(Math.min(...values));
        expect(line.v).toContain(Math.max(...values));
      }
    }
  });

  it('a short window is sent whole; usage lines too stay within the budget', async () => {
    const charts = (await getSignalCharts(vehicle, { window: '1h', width: 800 }))!;
    for (const modem of charts.modems) expect(modem.rsrp.v.filter((v) => v !== null).length).toBe(modem.samples);
    const usage = (await getUsageCharts(vehicle, { window: '7d', width: 100 }))!;
    for (const modem of usage.modems) {
      expect(modem.bytesIn.t.length).toBeLessThanOrEqual(200);
      expect(modem.bytesOut.t.length).toBeLessThanOrEqual(200);
    }
  });

  it('says when a window reaches past what NCM keeps', async () => {
    const now = Date.now();
    const charts = (await getSignalCharts(
      vehicle,
      { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now).toISOString(), width: 500 },
      now,
    ))!;
    expect(charts.clampedToRetention).toBe(true);
    expect(charts.retentionDays).toBe(7);
    expect(Date.parse(charts.from)).toBeGreaterThanOrEqual(now - 7 * DAY);
  });
});

describe('location track', () => {
  it('at every zoom: endpoints kept, at most 2 × the wider of viewport and track, within the level tolerance', async () => {
    const now = Date.now();
    let previous = 0;
    for (const zoom of [3, 8, 12, 15, 18]) {
      const track = (await getLocationTrack(vehicle, { window: '7d', width: 390, zoom }, now))!;
      expect(track.fixes).toBeGreaterThan(1000);
      const n = track.t.length;
      expect(n).toBeGreaterThanOrEqual(previous);
      previous = n;
      const [[south, west], [north, east]] = track.bounds!;
      const extentPx = (Math.max(east - west, north - south) * 111_320 * 2) / metresPerPixel(zoom);
      expect(n).toBeLessThanOrEqual(2 * Math.max(390, extentPx));
      expect(track.tolerancePx).toBeGreaterThanOrEqual(1);
      expect(track.quality.length).toBe(n);
      expect(track.lat.length).toBe(n);
    }
    const track = (await getLocationTrack(vehicle, { window: '7d', width: 390, zoom: 12 }, now))!;
    const csv = await streamSeriesCsv(vehicle, { window: '7d', kind: 'track' }, now);
    const rows = (await new Response(csv!.stream).text()).trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(track.fixes);
    // Every stop in the fixes (over three minutes without one) is a break in the drawn track, and only those.
    const fixTimes = rows.map((r) => Date.parse(r.split(',')[0]!));
    const gapEnds = fixTimes.flatMap((time, i) => (i > 0 && time - fixTimes[i - 1]! > 3 * 60_000 ? [time] : []));
    expect(track.breaks.map((b) => track.t[b])).toEqual(gapEnds);
    expect(gapEnds.length).toBeGreaterThan(0);
    for (const b of track.breaks) expect(track.t[b - 1]).toBe(fixTimes[fixTimes.indexOf(track.t[b]!) - 1]);
    // The first and last fix of the window are the first and last drawn vertex.
    expect(new Date(track.t[0]!).toISOString()).toBe(rows[0]!.split(',')[0]);
    expect(new Date(track.t.at(-1)!).toISOString()).toBe(rows.at(-1)!.split(',')[0]);
  });

  it('sends real fixes for the replay: spread over the window, both sides of every gap, whatever the zoom', async () => {
    const now = Date.now();
    const week = (await getLocationTrack(vehicle, { window: '7d', width: 390, zoom: 12 }, now))!;
    const csv = await streamSeriesCsv(vehicle, { window: '7d', kind: 'track' }, now);
    const fixTimes = (await new Response(csv!.stream).text())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((r) => Date.parse(r.split(',')[0]!));
    const { replay } = week;
    expect(replay.t[0]).toBe(fixTimes[0]);
    expect(replay.t.at(-1)).toBe(fixTimes.at(-1));
    const known = new Set(fixTimes);
    for (const t of replay.t) expect(known.has(t)).toBe(true);
    expect(replay.breaks.length).toBeGreaterThan(0);
    expect(replay.t.length).toBeLessThanOrEqual(2 * 390 + 2 * replay.breaks.length);
    // Each break is where the fixes stop for over three minutes, with the fix before it kept too.
    for (const b of replay.breaks) {
      const i = fixTimes.indexOf(replay.t[b]!);
      expect(replay.t[b - 1]).toBe(fixTimes[i - 1]);
      expect(fixTimes[i]! - fixTimes[i - 1]!).toBeGreaterThan(3 * 60_000);
    }
    expect([replay.lat.length, replay.lon.length, replay.rsrp.length, replay.mph.length]).toEqual(
      Array(4).fill(replay.t.length),
    );
    // Speeds come with every drawn vertex, for colouring by speed; a moving bus reports some.
    expect(week.mph).toHaveLength(week.t.length);
    expect(week.mph.some((v) => v !== null && v > 5)).toBe(true);
    // The zoom changes the drawn line only.
    const far = (await getLocationTrack(vehicle, { window: '7d', width: 390, zoom: 5 }, now))!;
    expect(far.replay).toEqual(replay);
    // A short window replays every fix.
    const hour = (await getLocationTrack(vehicle, { window: '1h', width: 390, zoom: 12 }, now))!;
    expect(hour.replay.t).toHaveLength(hour.fixes);
  });

  it('marks carrier and band changes between fixes that report them', () => {
    const fix = (atMs: number, carrier: string | null, band: string | null) =>
      ({
        routerId: '1',
        at: '',
        atMs,
        latitude: 0,
        longitude: 0,
        accuracy: null,
        altitude: null,
        mph: null,
        rsrp: null,
        rsrq: null,
        sinr: null,
        rssi: null,
        carrier,
        band,
        band5g: null,
        netDeviceName: null,
      }) as const;
    expect(
      radioMarkers([
        fix(1, 'Verizon', 'Band 13'),
        fix(2, null, null),
        fix(3, 'Verizon', 'Band 4'),
        fix(4, 'AT&T', 'Band 4'),
      ]),
    ).toEqual([
      { t: 3, kind: 'band', from: 'Band 13', to: 'Band 4' },
      { t: 4, kind: 'carrier', from: 'Verizon', to: 'AT&T' },
    ]);
  });
});

describe('marker thinning', () => {
  it('keeps at most the maximum, in order, first and last included, and everything when under it', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    for (const max of [2, 3, 10, 999]) {
      const kept = thinEvenly(items, max);
      expect(kept).toHaveLength(max);
      expect(kept[0]).toBe(0);
      expect(kept.at(-1)).toBe(999);
      expect(kept).toEqual([...new Set(kept)].sort((a, b) => a - b));
    }
    expect(thinEvenly(items, 1000)).toEqual(items);
    expect(thinEvenly(items, 1)).toEqual([0]);
  });
});

describe('full-resolution CSV', () => {
  it('holds every sample the chart downsampled, one row per sample, oldest first', async () => {
    const now = Date.now();
    const charts = (await getSignalCharts(vehicle, { window: '24h', width: 100 }, now))!;
    const csv = (await streamSeriesCsv(vehicle, { window: '24h', kind: 'signal' }, now))!;
    const text = await new Response(csv.stream).text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('RSRP (dBm)');
    expect(lines.length - 1).toBe(csv.totalRows);
    expect(csv.totalRows).toBe(charts.modems.reduce((sum, m) => sum + m.samples, 0));
    const times = lines.slice(1).map((l) => Date.parse(l.split(',')[0]!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(csv.filename).toMatch(new RegExp(`^router-${vehicle}-signal-\\d{8}-\\d{4}\\.csv$`));
  });
});
