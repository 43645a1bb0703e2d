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
});
