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

/**
 * The absolute points of each stretch of a path written in this module's subset of SVG path data
 * (M and m moves, l with implied repeats, h and v): the tests check where the pen goes, not how the
 * path spells it.
 */
function stretches(d: string): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  const tokens = d.match(/[MmlhvV]|-?\d+(?:\.\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i += 1;
      continue;
    }
    const a = Number(token);
    if (command === 'h' || command === 'v' || command === 'V') {
      if (command === 'h') x += a;
      else if (command === 'v') y += a;
      else y = a;
      out.at(-1)!.push([x, y]);
      i += 1;
      continue;
    }
    const b = Number(tokens[i + 1]);
    i += 2;
    if (command === 'M' || command === 'm') {
      x = command === 'M' ? a : x + a;
      y = command === 'M' ? b : y + b;
      out.push([[x, y]]);
      // Pairs after a move are lines from it.
      command = command === 'M' ? 'L' : 'l';
    } else {
      x += a;
      y += b;
      out.at(-1)!.push([x, y]);
    }
  }
  return out;
}

describe('line path', () => {
  // x: t 0 → 0 px, 40 → 400 px; y: -100 → 100 px, -80 → 0 px.
  const x = axisMap(0, 0, 40, 400);
  const y = axisMap(-100, 100, -80, 0);

  it('maps every point through both axes and lifts the pen at a gap', () => {
    expect(stretches(linePath({ t: [0, 10, 20, 30, 40], v: [-90, -92, null, -95, -80] }, x, y))).toEqual([
      [
        [0, 500],
        [1000, 600],
      ],
      [
        [3000, 750],
        [4000, 0],
      ],
    ]);
  });

  it('writes relative steps, so a long path is short', () => {
    expect(linePath({ t: [0, 10, 20, 30], v: [-90, -92, -91, -91] }, x, y)).toBe('M0,500l1000,100 1000-50 1000,0');
  });

  it('keeps a lone reading between gaps visible as a dot', () => {
    expect(linePath({ t: [0, 10, 20, 30], v: [-90, null, -85, null] }, x, y)).toBe('M0,500h1M2000,250h1');
  });

  it('draws nothing for an empty or all-missing line', () => {
    expect(linePath({ t: [], v: [] }, x, y)).toBe('');
    expect(linePath({ t: [0, 10], v: [null, null] }, x, y)).toBe('');
  });

  it('writes whole tenths of a pixel (drawn at a tenth of the size), rounding each point, not each step', () => {
    expect(stretches(linePath({ t: [1 / 3, 2 / 3, 1, 4 / 3], v: [-90, -90, -90, -90] }, x, y))).toEqual([
      [
        [33, 500],
        [67, 500],
        [100, 500],
        [133, 500],
      ],
    ]);
  });

  it('lands exactly on every rounded point of a long noisy line', () => {
    const t = Array.from({ length: 500 }, (_, i) => i * 0.08);
    const v = t.map((_, i) => -90 + Math.sin(i * 1.7) * 7.31);
    const points = stretches(linePath({ t, v }, x, y))[0]!;
    expect(points).toHaveLength(500);
    points.forEach(([px, py], i) => {
      expect(px).toBe(Math.round((x.offset + t[i]! * x.scale) * 10));
      expect(py).toBe(Math.round((y.offset + v[i]! * y.scale) * 10));
    });
  });
});

describe('min/max band', () => {
  // x: 1 ms per pixel; y: value v at pixel -v (higher readings nearer the top).
  const x = axisMap(0, 0, 100, 100);
  const y = axisMap(0, 0, -100, 100);

  it('shades each pixel column from its highest to its lowest reading, with a line through the middle', () => {
    const line = { t: [0, 0.2, 1, 1.3, 2, 2.4], v: [-90, -80, -85, -95, -70, -75] };
    // Columns 0, 1, 2: highs (smallest y) 80, 85, 70; lows 90, 95, 75. The band in pixels, the middle in tenths.
    const paths = bandPaths(line, x, y);
    expect(stretches(paths.band)).toEqual([
      [
        [0, 80],
        [0, 90],
      ],
      [
        [1, 85],
        [1, 95],
      ],
      [
        [2, 70],
        [2, 75],
      ],
    ]);
    expect(stretches(paths.middle)).toEqual([
      [
        [0, 850],
        [10, 900],
        [20, 725],
      ],
    ]);
    expect(paths).toEqual({ band: 'M0,80v10m1-5v10m1-25v5', middle: 'M0,850l10,50 10-175' });
  });

  it('ends the shading on whole pixels (it is drawn with crisp edges) and keeps the middle to a tenth (in tenths)', () => {
    const line = { t: [0, 0.3], v: [-80.26, -90.74] };
    // Highest 80.3, lowest 90.7 (each to a tenth): shaded 80 → 91, middle 85.5; a lone column gets a dot.
    expect(bandPaths(line, x, y)).toEqual({ band: 'M0,80v11', middle: 'M0,855h1' });
  });

  it('lifts the line at a gap; a column with a single reading has nothing to shade', () => {
    const line = {
      t: [0, 0.2, 1, 1.3, 2, 5, 5.4, 6, 6.2, 7, 8, 8.1],
      v: [-90, -80, -85, -95, null, -60, -62, -50, -55, null, -40, -44],
    };
    const paths = bandPaths(line, x, y);
    expect(stretches(paths.band)).toEqual([
      [
        [0, 80],
        [0, 90],
      ],
      [
        [1, 85],
        [1, 95],
      ],
      [
        [5, 60],
        [5, 62],
      ],
      [
        [6, 50],
        [6, 55],
      ],
      [
        [8, 40],
        [8, 44],
      ],
    ]);
    expect(stretches(paths.middle)).toEqual([
      [
        [0, 850],
        [10, 900],
      ],
      [
        [50, 610],
        [60, 525],
      ],
      [
        [80, 420],
        [81, 420],
      ],
    ]);
    expect(bandPaths({ t: [0, 1, 2], v: [-90, -80, -85] }, x, y).band).toBe('');
  });
});
