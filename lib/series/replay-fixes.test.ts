import { describe, expect, it } from 'vitest';
import { replayBreaks, replayIndices } from './replay-fixes';
import { random } from './test-support/random';

describe('replay fixes', () => {
  it('keeps every fix when the window holds no more than the budget', () => {
    expect(replayIndices(5, [3], 10)).toEqual([0, 1, 2, 3, 4]);
    expect(replayIndices(0, [], 10)).toEqual([]);
  });

  it('spreads the budget evenly, first and last included, and keeps both fixes around every gap', () => {
    const rnd = random(7);
    for (let run = 0; run < 50; run++) {
      const n = 200 + Math.floor(rnd() * 5_000);
      const max = 2 + Math.floor(rnd() * 400);
      const starts = [
        ...new Set(Array.from({ length: Math.floor(rnd() * 6) }, () => 1 + Math.floor(rnd() * (n - 1)))),
      ].sort((a, b) => a - b);
      const kept = replayIndices(n, starts, max);
      expect(kept[0]).toBe(0);
      expect(kept.at(-1)).toBe(n - 1);
      expect(kept).toEqual([...new Set(kept)].sort((a, b) => a - b));
      expect(kept.length).toBeLessThanOrEqual(max + 2 * starts.length);
      for (const s of starts) {
        expect(kept).toContain(s);
        expect(kept).toContain(s - 1);
      }
      // Even spread: no stretch between kept fixes (gaps aside) is much longer than n / max.
      const evenStep = (n - 1) / (Math.max(2, max) - 1);
      for (let i = 1; i < kept.length; i++)
        expect(kept[i]! - kept[i - 1]!).toBeLessThanOrEqual(Math.ceil(evenStep) + 1);
      const breaks = replayBreaks(kept, starts);
      expect(breaks.map((b) => kept[b])).toEqual(starts);
    }
  });
});
