import { describe, expect, it } from 'vitest';
import { type BudgetClock, NcmCallBudget, withNcmBudgetWait } from './budget';
import { NcmError } from './errors';

/** A manual clock: sleeps resolve when the test advances time past their deadline. */
function fakeClock(): BudgetClock & { advance(ms: number): Promise<void>; t: number } {
  const sleepers: Array<{ until: number; resolve: () => void }> = [];
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: (ms: number) => new Promise<void>((resolve) => sleepers.push({ until: clock.t + ms, resolve })),
    async advance(ms: number) {
      const end = clock.t + ms;
      await new Promise((r) => setImmediate(r));
      for (;;) {
        sleepers.sort((a, b) => a.until - b.until);
        const next = sleepers[0];
        if (!next || next.until > end) break;
        sleepers.shift();
        clock.t = next.until;
        next.resolve();
        // Let the woken caller run (and record the time) before the clock moves on.
        await new Promise((r) => setImmediate(r));
      }
      clock.t = end;
    },
  };
  return clock;
}

describe('NcmCallBudget', () => {
  it('never starts more than perMinute calls in any 60 s window, whatever the demand', async () => {
    const clock = fakeClock();
    const budget = new NcmCallBudget({ perMinute: 10, maxWaitMs: 10 * 60_000, clock });
    const starts: number[] = [];
    const callers = Array.from({ length: 35 }, () => budget.acquire().then(() => starts.push(clock.now())));
    await clock.advance(5 * 60_000);
    await Promise.all(callers);
    expect(starts).toHaveLength(35);
    for (const t of starts) {
      expect(starts.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(10);
    }
    expect(starts.filter((s) => s === 0)).toHaveLength(10);
    expect(Math.max(...starts)).toBe(180_000);
  });

  it('serves waiters first come, first served', async () => {
    const clock = fakeClock();
    const budget = new NcmCallBudget({ perMinute: 2, maxWaitMs: 10 * 60_000, clock });
    const order: number[] = [];
    const callers = [0, 1, 2, 3, 4, 5].map((i) => budget.acquire().then(() => order.push(i)));
    await clock.advance(3 * 60_000);
    await Promise.all(callers);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('fails fast with rate_limited when the wait would exceed the maximum', async () => {
    const clock = fakeClock();
    const budget = new NcmCallBudget({ perMinute: 3, maxWaitMs: 30_000, clock });
    for (let i = 0; i < 3; i++) await budget.acquire();
    const err = await budget.acquire().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NcmError);
    expect((err as NcmError).kind).toBe('rate_limited');
    expect((err as NcmError).retryAfterSeconds).toBe(60);
    expect(budget.stats()).toMatchObject({ granted: 3, rejected: 1 });
    // Once the window has passed, calls flow again without waiting.
    await clock.advance(60_000);
    await budget.acquire();
    expect(budget.stats().granted).toBe(4);
  });

  it('lets a short wait through within maxWait', async () => {
    const clock = fakeClock();
    const budget = new NcmCallBudget({ perMinute: 1, maxWaitMs: 60_000, clock });
    await budget.acquire();
    await clock.advance(45_000);
    let done = false;
    const p = budget.acquire().then(() => {
      done = true;
    });
    await clock.advance(14_000);
    expect(done).toBe(false);
    await clock.advance(1_000);
    await p;
    expect(done).toBe(true);
  });

  it('lets background work queue longer than a request may', async () => {
    const clock = fakeClock();
    const budget = new NcmCallBudget({ perMinute: 2, maxWaitMs: 30_000, clock });
    await budget.acquire();
    await budget.acquire();
    await expect(budget.acquire()).rejects.toBeInstanceOf(NcmError);
    let done = false;
    const background = withNcmBudgetWait(5 * 60_000, () => budget.acquire()).then(() => {
      done = true;
    });
    await clock.advance(60_000);
    await background;
    expect(done).toBe(true);
  });

  it('keeps a share of every window for requests people wait on, however much background work queues', async () => {
    const clock = fakeClock();
    const budget = new NcmCallBudget({ perMinute: 10, maxWaitMs: 30_000, clock });
    const backgroundStarts: number[] = [];
    const background = withNcmBudgetWait(10 * 60_000, () =>
      Promise.all(Array.from({ length: 30 }, () => budget.acquire().then(() => backgroundStarts.push(clock.now())))),
    );
    await clock.advance(0);
    // The sync took its 8 of the window's 10 at once; two people still get a call now.
    expect(backgroundStarts.filter((t) => t === 0)).toHaveLength(8);
    const started: number[] = [];
    await budget.acquire().then(() => started.push(clock.now()));
    await budget.acquire().then(() => started.push(clock.now()));
    expect(started).toEqual([0, 0]);
    // The window is now full for everyone.
    await expect(budget.acquire({ maxWaitMs: 1_000, background: false })).rejects.toBeInstanceOf(NcmError);
    await clock.advance(4 * 60_000);
    await background;
    for (const t of backgroundStarts)
      expect(backgroundStarts.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(8);
  });
});
