import { describe, expect, it } from 'vitest';
import type { Alert } from '@/lib/domain/types';
import { type AlertRangeQuery, HeldAlertWindow, MAX_STALE_MS } from './held-window';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An alert log like NCM's: strict created_at filters, offset paging, no order (ids shuffle it). */
class FakeAlertLog {
  alerts: Alert[] = [];
  calls: AlertRangeQuery[] = [];
  failing = false;
  private seq = 0;

  add(createdAt: number, routerId = '1', type = 'router_offline'): Alert {
    const id = `a${++this.seq}`;
    const alert: Alert = {
      id,
      type,
      routerId,
      accountId: null,
      message: id,
      createdAt: new Date(createdAt).toISOString(),
      detectedAt: null,
    };
    this.alerts.push(alert);
    return alert;
  }

  fetchPage = async (q: AlertRangeQuery) => {
    this.calls.push(q);
    if (this.failing) throw new Error('NCM 503');
    const after = Date.parse(q.createdAfter);
    const before = q.createdBefore === undefined ? Number.POSITIVE_INFINITY : Date.parse(q.createdBefore);
    const matching = this.alerts
      .filter((a) => Date.parse(a.createdAt) > after && Date.parse(a.createdAt) < before)
      // NCM does not sort alerts: any stable order will do, as long as it is not by time.
      .sort((a, b) => (a.id.split('').reverse().join('') < b.id.split('').reverse().join('') ? -1 : 1));
    const items = matching.slice(q.offset, q.offset + q.limit);
    return { items, limit: q.limit, offset: q.offset, hasMore: q.offset + q.limit < matching.length };
  };
}

function setup(opts: { cap?: number } = {}) {
  let now = Date.parse('2026-06-01T12:00:00Z');
  const log = new FakeAlertLog();
  const found: Alert[][] = [];
  const window = new HeldAlertWindow({
    fetchPage: log.fetchPage,
    now: () => now,
    onNew: (a) => found.push(a),
    cap: opts.cap,
  });
  return {
    log,
    window,
    found,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const ids = (alerts: readonly Alert[]) => alerts.map((a) => a.id);

describe('HeldAlertWindow', () => {
  it('loads a window once for any number of concurrent readers, newest first', async () => {
    const { log, window, now } = setup();
    for (let i = 0; i < 1_200; i++) log.add(now() - (i + 1) * 60_000);
    const reads = await Promise.all(Array.from({ length: 20 }, () => window.read(now() - DAY)));
    expect(log.calls).toHaveLength(3);
    for (const read of reads) {
      expect(read.alerts).toHaveLength(1_200);
      expect(ids(read.alerts).slice(0, 3)).toEqual(['a1', 'a2', 'a3']);
      expect(read.truncated).toBe(false);
    }
  });

  it('asks NCM only for what is new once its freshness has passed, and reports only new alerts', async () => {
    const { log, window, now, advance, found } = setup();
    log.add(now() - HOUR);
    await window.read(now() - DAY);
    advance(5_000);
    await window.read(now() - DAY);
    expect(log.calls).toHaveLength(1);
    advance(6_000);
    const fresh = log.add(now() - 2_000);
    await window.refresh();
    expect(log.calls).toHaveLength(2);
    // From the previous refresh's start minus the overlap, not the whole day again.
    expect(Date.parse(log.calls[1]!.createdAfter)).toBe(now() - 11_000 - 60_000);
    expect(found).toEqual([[fresh]]);
    expect(ids((await window.read(now() - DAY)).alerts)).toEqual([fresh.id, 'a1']);
  });

  it('picks up an alert NCM wrote late, with a created_at before the last refresh', async () => {
    const { log, window, now, advance } = setup();
    await window.read(now() - DAY);
    advance(20_000);
    const late = log.add(now() - 30_000);
    await window.refresh();
    expect(window.has(late.id)).toBe(true);
  });

  it('extends further back once, without reading the held part again', async () => {
    const { log, window, now } = setup();
    const old = log.add(now() - 3 * DAY);
    const recent = log.add(now() - HOUR);
    await window.read(now() - DAY);
    const calls = log.calls.length;
    const week = await window.read(now() - 7 * DAY);
    expect(log.calls.length).toBe(calls + 1);
    const extension = log.calls[calls]!;
    expect(Date.parse(extension.createdBefore!)).toBeGreaterThan(now() - DAY);
    expect(ids(week.alerts)).toEqual([recent.id, old.id]);
    expect(ids((await window.read(now() - DAY)).alerts)).toEqual([recent.id]);
  });

  it('serves a closed range [from, to)', async () => {
    const { log, window, now } = setup();
    log.add(now() - 5 * HOUR);
    const inside = log.add(now() - 3 * HOUR);
    log.add(now() - HOUR);
    const read = await window.read(now() - 4 * HOUR, now() - 2 * HOUR);
    expect(ids(read.alerts)).toEqual([inside.id]);
  });

  it('takes pushed alerts without asking NCM, and does not count them as found by a refresh', async () => {
    const { log, window, now, found } = setup();
    await window.read(now() - DAY);
    const pushed = log.add(now() - 1_000);
    expect(ids(window.ingest([pushed]))).toEqual([pushed.id]);
    expect(window.ingest([pushed])).toEqual([]);
    expect(ids((await window.read(now() - DAY)).alerts)).toEqual([pushed.id]);
    expect(log.calls).toHaveLength(1);
    expect(found).toEqual([]);
  });

  it('keeps serving what it holds while NCM fails (stale), and gives up after the stale limit', async () => {
    const { log, window, now, advance } = setup();
    const kept = log.add(now() - HOUR);
    await window.read(now() - DAY);
    log.failing = true;
    advance(20_000);
    await window.refresh().catch(() => undefined);
    const stale = await window.read(now() - DAY);
    expect(stale.stale).toBe(true);
    expect(ids(stale.alerts)).toEqual([kept.id]);
    expect(stale.asOf).toBe(now() - 20_000);
    advance(MAX_STALE_MS);
    await expect(window.read(now() - DAY)).rejects.toThrow('NCM 503');
    log.failing = false;
    const back = await window.read(now() - DAY);
    expect(back.stale).toBe(false);
  });

  it('marks a range truncated when NCM holds more than the window keeps', async () => {
    const { log, window, now } = setup({ cap: 1_000 });
    for (let i = 0; i < 1_600; i++) log.add(now() - (i + 1) * 1_000);
    const read = await window.read(now() - DAY);
    expect(read.truncated).toBe(true);
    expect(read.alerts.length).toBeLessThanOrEqual(1_000);
  });

  it('matches a brute-force read of NCM after random arrivals, pushes and reads', async () => {
    const { log, window, now, advance } = setup();
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 300; i++) log.add(now() - rand() * 3 * DAY);
    for (let step = 0; step < 200; step++) {
      advance(Math.floor(rand() * 20_000));
      const r = rand();
      if (r < 0.4) {
        // An alert written up to 30 s after it was created.
        log.add(now() - rand() * 30_000, String(Math.floor(rand() * 10)));
      } else if (r < 0.5) {
        window.ingest([log.add(now() - rand() * 5_000)]);
      } else {
        const from = now() - (rand() < 0.8 ? DAY : rand() * 3 * DAY);
        await window.refresh();
        const read = await window.read(from);
        const expected = log.alerts
          .filter((a) => Date.parse(a.createdAt) >= from && Date.parse(a.createdAt) <= now())
          .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
        expect(ids(read.alerts)).toEqual(ids(expected));
      }
    }
  });
});
