import { describe, expect, it } from 'vitest';
import { CHUNK_MS, CLOSED_AFTER_MS, chunkWindow, RETENTION_MS, seriesWindow } from './series-window';

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12, 0, 37, 250);

describe('seriesWindow', () => {
  it('rounds to whole minutes outward, so viewers in the same minute share one key', () => {
    const a = seriesWindow('signal', { fromMs: NOW - DAY, toMs: NOW - 30 * MIN }, NOW);
    const b = seriesWindow('signal', { fromMs: NOW - DAY + 20_000, toMs: NOW - 30 * MIN + 10 }, NOW + 5_000);
    expect(a.window).toEqual(b.window);
    expect(a.window.fromMs % MIN).toBe(0);
    expect(a.window.toMs % MIN).toBe(0);
    expect(a.window.fromMs).toBeLessThanOrEqual(NOW - DAY);
  });

  it('ends at least a minute before now, and says so', () => {
    const w = seriesWindow('usage', { fromMs: NOW - DAY, toMs: NOW + DAY }, NOW);
    expect(w.window.toMs).toBeLessThanOrEqual(NOW - MIN);
    expect(w.window.toMs).toBeGreaterThan(NOW - 2 * MIN);
    expect(w.clampedToNow).toBe(true);
    expect(w.closed).toBe(false);
  });

  it('starts no earlier than NCM keeps each series, and says so', () => {
    for (const kind of ['signal', 'usage', 'locations', 'routerStates'] as const) {
      const w = seriesWindow(kind, { fromMs: NOW - 400 * DAY, toMs: NOW - DAY }, NOW);
      expect(w.clampedToRetention).toBe(true);
      expect(w.window.fromMs).toBeGreaterThanOrEqual(NOW - RETENTION_MS[kind]);
      expect(w.window.fromMs - (NOW - RETENTION_MS[kind])).toBeLessThan(MIN);
    }
    expect(seriesWindow('signal', { fromMs: NOW - 6 * DAY, toMs: NOW - DAY }, NOW).clampedToRetention).toBe(false);
  });

  it('is empty when the whole window is older than NCM keeps', () => {
    const w = seriesWindow('signal', { fromMs: NOW - 30 * DAY, toMs: NOW - 20 * DAY }, NOW);
    expect(w.window.toMs).toBeLessThanOrEqual(w.window.fromMs);
  });

  it('is closed once it ended long enough ago', () => {
    expect(seriesWindow('signal', { fromMs: NOW - DAY, toMs: NOW - CLOSED_AFTER_MS - MIN }, NOW).closed).toBe(true);
    expect(seriesWindow('signal', { fromMs: NOW - DAY, toMs: NOW - 2 * MIN }, NOW).closed).toBe(false);
  });
});

describe('chunkWindow', () => {
  it('covers a window exactly with chunks aligned to the series span, on random windows', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let round = 0; round < 500; round++) {
      const kind = (['signal', 'usage', 'locations', 'routerStates'] as const)[Math.floor(rnd() * 4)]!;
      const fromMs = NOW - Math.floor(rnd() * 90 * DAY);
      const toMs = fromMs + 1 + Math.floor(rnd() * 20 * DAY);
      const chunks = chunkWindow(kind, { fromMs, toMs });
      expect(chunks[0]!.fromMs).toBe(fromMs);
      expect(chunks.at(-1)!.toMs).toBe(toMs);
      for (let i = 0; i < chunks.length; i++) {
        const c = chunks[i]!;
        expect(c.toMs).toBeGreaterThan(c.fromMs);
        if (i > 0) expect(c.fromMs).toBe(chunks[i - 1]!.toMs);
        // Inside one aligned span: only the first and last may be partial.
        expect(Math.floor(c.fromMs / CHUNK_MS[kind])).toBe(Math.floor((c.toMs - 1) / CHUNK_MS[kind]));
        if (i > 0 && i < chunks.length - 1) expect(c.toMs - c.fromMs).toBe(CHUNK_MS[kind]);
      }
    }
  });
});
