import { describe, expect, it } from 'vitest';
import { SwrCache } from './swr-cache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SwrCache', () => {
  it('shares one load between concurrent misses (single-flight)', async () => {
    const cache = new SwrCache<number>({ freshMs: 1000, maxStaleMs: 5000 });
    let calls = 0;
    const gate = deferred<number>();
    const load = () => {
      calls += 1;
      return gate.promise;
    };
    const all = Promise.all(Array.from({ length: 50 }, () => cache.get('k', load)));
    gate.resolve(7);
    const hits = await all;
    expect(calls).toBe(1);
    expect(hits.every((h) => h.value === 7 && !h.stale)).toBe(true);
  });

  it('serves a stale value while refreshing, then the new one', async () => {
    let t = 0;
    const cache = new SwrCache<number>({ freshMs: 100, maxStaleMs: 1000, now: () => t });
    await cache.get('k', async () => 1);
    t = 200;
    const hit = await cache.get('k', async () => 2);
    expect(hit).toMatchObject({ value: 1, stale: true, fetchedAt: 0 });
    await new Promise((r) => setTimeout(r, 0));
    const next = await cache.get('k', async () => 3);
    expect(next).toMatchObject({ value: 2, stale: false, fetchedAt: 200 });
  });

  it('keeps the last value when a refresh fails (stale-if-error) until maxStale', async () => {
    let t = 0;
    const cache = new SwrCache<number>({ freshMs: 100, maxStaleMs: 1000, now: () => t });
    await cache.get('k', async () => 1);
    t = 500;
    const failing = async () => {
      throw new Error('upstream down');
    };
    expect((await cache.get('k', failing)).value).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect((await cache.get('k', failing)).stale).toBe(true);
    t = 2000;
    await expect(cache.get('k', failing)).rejects.toThrow('upstream down');
  });

  it('caches nothing when the first load fails, and every waiter sees the error', async () => {
    const cache = new SwrCache<number>({ freshMs: 100, maxStaleMs: 1000 });
    let calls = 0;
    const load = async () => {
      calls += 1;
      throw new Error('boom');
    };
    const results = await Promise.allSettled([cache.get('k', load), cache.get('k', load)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(cache.get('k', async () => 5)).resolves.toMatchObject({ value: 5 });
  });

  it('waits for a refresh when the value is past its revalidate window (nobody looked for a while)', async () => {
    let t = 0;
    const cache = new SwrCache<number>({ freshMs: 100, revalidateMs: 100, maxStaleMs: 10_000, now: () => t });
    await cache.get('k', async () => 1);
    t = 150;
    expect(await cache.get('k', async () => 2)).toMatchObject({ value: 1, stale: true });
    await new Promise((r) => setTimeout(r, 0));
    t = 1_000;
    expect(await cache.get('k', async () => 3)).toMatchObject({ value: 3, stale: false, fetchedAt: 1_000 });
  });

  it('serves the old value, marked failing, when that refresh fails', async () => {
    let t = 0;
    const cache = new SwrCache<number>({ freshMs: 100, revalidateMs: 100, maxStaleMs: 10_000, now: () => t });
    await cache.get('k', async () => 1);
    t = 1_000;
    const hit = await cache.get('k', async () => {
      throw new Error('down');
    });
    expect(hit).toMatchObject({ value: 1, stale: true, failing: true, fetchedAt: 0 });
  });

  it('serves the old value, marked waiting, when the caller says a refresh would wait too long', async () => {
    let t = 0;
    const cache = new SwrCache<number>({ freshMs: 100, revalidateMs: 100, maxStaleMs: 10_000, now: () => t });
    await cache.get('k', async () => 1);
    t = 1_000;
    const gate = deferred<number>();
    const hit = await cache.get('k', () => gate.promise, { preferStale: () => true });
    expect(hit).toMatchObject({ value: 1, waiting: true });
    gate.resolve(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', async () => 3)).toMatchObject({ value: 2, waiting: false, stale: false });
  });

  it('lets a write put the current value in, and a per-key freshness override the default', async () => {
    let t = 0;
    const cache = new SwrCache<number>({ freshMs: 100, revalidateMs: 100, maxStaleMs: 10_000, now: () => t });
    cache.set('k', 5);
    expect(await cache.get('k', async () => 6)).toMatchObject({ value: 5, stale: false });
    await cache.get('closed', async () => 1, { freshMs: 5_000 });
    t = 4_000;
    expect(await cache.get('closed', async () => 2, { freshMs: 5_000 })).toMatchObject({ value: 1, stale: false });
  });
});
