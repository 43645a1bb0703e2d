import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NcmCallBudget, setNcmCallBudget } from '@/lib/ncm/budget';
import { readKey, resetSharedReads, sharedRead, sharedReadStats } from './shared-read';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-06-01T12:00:00Z'));
  resetSharedReads();
  setNcmCallBudget(new NcmCallBudget({ perMinute: 100 }));
});

afterEach(() => {
  vi.useRealTimers();
  setNcmCallBudget(undefined);
});

describe('shared reads', () => {
  it('gives the same question the same key, whatever the order or spelling', () => {
    expect(readKey({ b: ['3', '1', '1'], a: 1, c: undefined })).toBe(readKey({ a: 1, b: ['1', '3'] }));
    expect(readKey({ a: 1 })).not.toBe(readKey({ a: 2 }));
  });

  it('answers concurrent viewers with one load, and later ones from the cache while fresh', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setImmediate(r));
      return { name: 'BUS-1' };
    };
    const reads = await Promise.all(Array.from({ length: 20 }, () => sharedRead('router', { id: '7' }, load)));
    expect(loads).toBe(1);
    expect(reads.every((r) => r.value.name === 'BUS-1' && !r.failing && !r.waiting)).toBe(true);
    vi.setSystemTime(Date.now() + 10_000);
    await sharedRead('router', { id: '7' }, load);
    expect(loads).toBe(1);
    expect(sharedReadStats().router).toEqual({ requests: 21, loads: 1 });
  });

  it('serves the last answer, marked waiting, instead of queueing behind a spent NCM budget', async () => {
    await sharedRead('router', { id: '7' }, async () => 'old');
    vi.setSystemTime(Date.now() + 5 * 60_000);
    // Spend the whole budget: the next interactive call would wait about a minute.
    const budget = new NcmCallBudget({ perMinute: 2, backgroundShare: 1 });
    await budget.acquire();
    await budget.acquire();
    setNcmCallBudget(budget);
    const read = await sharedRead('router', { id: '7' }, () => new Promise<string>(() => undefined));
    expect(read).toMatchObject({ value: 'old', waiting: true });
  });

  it('waits for a fresh answer when the budget is free and the last one is old', async () => {
    await sharedRead('router', { id: '7' }, async () => 'old');
    vi.setSystemTime(Date.now() + 5 * 60_000);
    const read = await sharedRead('router', { id: '7' }, async () => 'new');
    expect(read).toMatchObject({ value: 'new', waiting: false, failing: false });
  });

  it('keeps the last answer, marked failing, when NCM fails', async () => {
    await sharedRead('router', { id: '7' }, async () => 'old');
    vi.setSystemTime(Date.now() + 5 * 60_000);
    const read = await sharedRead('router', { id: '7' }, async () => {
      throw new Error('NCM 503');
    });
    expect(read).toMatchObject({ value: 'old', failing: true });
  });
});
