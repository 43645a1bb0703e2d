import { describe, expect, it } from 'vitest';
import { firstVisibleRow, visibleRange, windowsFor } from './virtual-window';

describe('virtual window math', () => {
  it('renders the rows in view plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 360, 36, 50_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(36 * 1000, 360, 36, 50_000, 5)).toEqual({ start: 995, end: 1016 });
    expect(visibleRange(36 * 49_995, 360, 36, 50_000, 5)).toEqual({ start: 49_990, end: 50_000 });
  });

  it('handles an empty list and a scroll position past the end', () => {
    expect(visibleRange(0, 500, 36, 0, 5)).toEqual({ start: 0, end: 0 });
    const r = visibleRange(36 * 900, 360, 36, 100, 5);
    expect(r.start).toBeLessThan(100);
    expect(r.end).toBe(100);
  });

  it('asks for every server window the range touches', () => {
    expect(windowsFor({ start: 0, end: 16 }, 200)).toEqual([0]);
    expect(windowsFor({ start: 190, end: 215 }, 200)).toEqual([0, 1]);
    expect(windowsFor({ start: 0, end: 0 }, 200)).toEqual([0]);
  });

  it('names the first visible row for the URL', () => {
    expect(firstVisibleRow(0, 36)).toBe(0);
    expect(firstVisibleRow(36 * 42 + 10, 36)).toBe(42);
  });
});
