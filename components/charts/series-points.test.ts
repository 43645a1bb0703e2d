import { describe, expect, it } from 'vitest';
import { toPoints, valueAt } from './series-points';

const line = { t: [0, 10, 20, 40], v: [-90, -92, null, -95] };

describe('series points', () => {
  it('keeps gaps as null points', () => {
    expect(toPoints(line)).toEqual([
      { t: 0, v: -90 },
      { t: 10, v: -92 },
      { t: 20, v: null },
      { t: 40, v: -95 },
    ]);
  });

  it('finds the nearest value, null in a gap or beyond the distance', () => {
    expect(valueAt(line, 11, 5)).toBe(-92);
    expect(valueAt(line, 14, 5)).toBe(-92);
    expect(valueAt(line, 19, 5)).toBeNull();
    expect(valueAt(line, 31, 5)).toBeNull();
    expect(valueAt(line, 39, 5)).toBe(-95);
    expect(valueAt({ t: [], v: [] }, 1, 5)).toBeNull();
  });
});
