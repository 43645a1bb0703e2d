import { describe, expect, it } from 'vitest';
import { axisMap, bandPaths, linePath, toPoints, valueAt } from './series-points';

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

describe('line path', () => {
  // x: t 0 → 0 px, 40 → 400 px; y: -100 → 100 px, -80 → 0 px.
  const x = axisMap(0, 0, 40, 400);
  const y = axisMap(-100, 100, -80, 0);

  it('maps every point through both axes and lifts the pen at a gap', () => {
    expect(linePath({ t: [0, 10, 20, 30, 40], v: [-90, -92, null, -95, -80] }, x, y)).toBe(
      'M0,500L1000,600M3000,750L4000,0',
    );
  });

  it('keeps a lone reading between gaps visible as a dot', () => {
    expect(linePath({ t: [0, 10, 20, 30], v: [-90, null, -85, null] }, x, y)).toBe('M0,500h1M2000,250h1');
  });

  it('draws nothing for an empty or all-missing line', () => {
    expect(linePath({ t: [], v: [] }, x, y)).toBe('');
    expect(linePath({ t: [0, 10], v: [null, null] }, x, y)).toBe('');
  });

  it('writes whole tenths of a pixel (drawn at a tenth of the size) so long paths stay short', () => {
    expect(linePath({ t: [1 / 3, 2 / 3], v: [-90, -90] }, x, y)).toBe('M33,500L67,500');
  });
});

describe('min/max band', () => {
  // x: 1 ms per pixel; y: value v at pixel -v (higher readings nearer the top).
  const x = axisMap(0, 0, 100, 100);
  const y = axisMap(0, 0, -100, 100);

  it('shades each pixel column from its lowest to its highest reading, with a line through the middle', () => {
    const line = { t: [0, 0.2, 1, 1.3, 2, 2.4], v: [-90, -80, -85, -95, -70, -75] };
    // Columns 0, 1, 2: highs (smallest y) 80, 85, 70; lows 90, 95, 75; back along the lows.
    expect(bandPaths(line, x, y)).toEqual({
      band: 'M0,800V900M10,850V950M20,700V750',
      middle: 'M0,850L10,900L20,725',
    });
  });

  it('ends the shading on whole pixels (it is drawn with crisp edges) and keeps the middle to a tenth (in tenths)', () => {
    const line = { t: [0, 0.3], v: [-80.26, -90.74] };
    // Highest 80.3, lowest 90.7 (each to a tenth): shaded 80 → 91, middle 85.5; a lone column gets a dot.
    expect(bandPaths(line, x, y)).toEqual({ band: 'M0,800V910', middle: 'M0,855h1' });
  });

  it('lifts the line at a gap; a column with a single reading has nothing to shade', () => {
    const line = {
      t: [0, 0.2, 1, 1.3, 2, 5, 5.4, 6, 6.2, 7, 8, 8.1],
      v: [-90, -80, -85, -95, null, -60, -62, -50, -55, null, -40, -44],
    };
    expect(bandPaths(line, x, y)).toEqual({
      band: 'M0,800V900M10,850V950M50,600V620M60,500V550M80,400V440',
      middle: 'M0,850L10,900M50,610L60,525M80,420h1',
    });
    expect(bandPaths({ t: [0, 1, 2], v: [-90, -80, -85] }, x, y).band).toBe('');
  });
});
