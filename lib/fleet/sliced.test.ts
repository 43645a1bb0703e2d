import { describe, expect, it } from 'vitest';
import { mergeSortSteps, runInSlices, runToEnd } from './sliced';

function* counting(limit: number) {
  let yields = 0;
  for (let i = 0; i < limit; i++) {
    yields++;
    yield;
  }
  return yields;
}

describe('sliced computations', () => {
  it('runs to the end at once or in slices, with the same result', async () => {
    expect(runToEnd(counting(10))).toBe(10);
    expect(await runInSlices(counting(10))).toBe(10);
  });

  it('lets other work run between slices', async () => {
    let other = 0;
    const timer = setInterval(() => other++, 0);
    function* slow() {
      const until = performance.now() + 60;
      while (performance.now() < until) yield;
      return 'done';
    }
    expect(await runInSlices(slow(), 2)).toBe('done');
    clearInterval(timer);
    expect(other).toBeGreaterThan(3);
  });

  it('merge-sorts stably, yielding along the way', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 1000);
    const items = Uint32Array.from(keys.keys());
    const steps = mergeSortSteps(items, (a, b) => keys[a]! - keys[b]!);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    const sorted = [...step.value];
    expect(yields).toBeGreaterThan(10);
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
    expect(sorted).toEqual(expected);
  });

  it('sorts the short and empty cases', () => {
    expect([...runToEnd(mergeSortSteps(new Uint32Array([]), (a, b) => a - b))]).toEqual([]);
    expect([...runToEnd(mergeSortSteps(Uint32Array.from([3, 1, 2]), (a, b) => a - b))]).toEqual([1, 2, 3]);
  });
});
