import { describe, expect, it } from 'vitest';
import { metresPerPixel, projectTrack } from './mercator';
import { segmentDistanceSq, simplifyTrack, trackSignificance } from './simplify-track';
import { buildTrackPyramid, trackPieceStarts, vertexBudget } from './track-pyramid';
import { random } from './test-support/random';

/** Textbook recursive Douglas–Peucker (segment distance, first farthest point on ties): the oracle. */
function recursiveDp(x: number[], y: number[], tolerance: number): number[] {
  const keep = new Set<number>([0, x.length - 1]);
  const split = (first: number, last: number) => {
    let far = -1;
    let best = -1;
    for (let i = first + 1; i < last; i++) {
      const d = Math.sqrt(segmentDistanceSq(x[i]!, y[i]!, x[first]!, y[first]!, x[last]!, y[last]!));
      if (d > best) {
        best = d;
        far = i;
      }
    }
    if (far < 0 || best <= tolerance) return;
    keep.add(far);
    split(first, far);
    split(far, last);
  };
  if (x.length > 2) split(0, x.length - 1);
  return [...keep].filter((i) => i < x.length).sort((a, b) => a - b);
}

function randomWalk(rnd: () => number, n: number, step = 1): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  let px = 0;
  let py = 0;
  let heading = 0;
  for (let i = 0; i < n; i++) {
    heading += (rnd() - 0.5) * 1.2;
    px += Math.cos(heading) * step * rnd();
    py += Math.sin(heading) * step * rnd();
    // Some repeated points and exact back-tracks, as a parked or reversing vehicle gives.
    if (rnd() < 0.05 && i > 0) {
      px = x[i - 1]!;
      py = y[i - 1]!;
    }
    x.push(px);
    y.push(py);
  }
  return { x, y };
}

/** The largest distance of any dropped point from the drawn segment around it, point by point. */
function maxError(x: ArrayLike<number>, y: ArrayLike<number>, kept: readonly number[]): number {
  let worst = 0;
  for (let k = 1; k < kept.length; k++) {
    const a = kept[k - 1]!;
    const b = kept[k]!;
    for (let i = a + 1; i < b; i++)
      worst = Math.max(worst, Math.sqrt(segmentDistanceSq(x[i]!, y[i]!, x[a]!, y[a]!, x[b]!, y[b]!)));
  }
  return worst;
}

describe('simplifyTrack', () => {
  it('keeps exactly what recursive Douglas–Peucker keeps, on random walks and tolerances', () => {
    const rnd = random(21);
    for (let round = 0; round < 200; round++) {
      const { x, y } = randomWalk(rnd, 2 + Math.floor(rnd() * 800));
      const tolerance = rnd() < 0.1 ? 0 : rnd() * 5;
      expect(simplifyTrack(x, y, tolerance)).toEqual(recursiveDp(x, y, tolerance));
    }
  });

  it('keeps both endpoints and bounds the error by the tolerance, point by point', () => {
    const rnd = random(4);
    for (let round = 0; round < 100; round++) {
      const { x, y } = randomWalk(rnd, 2 + Math.floor(rnd() * 2000));
      const tolerance = rnd() * 3;
      const kept = simplifyTrack(x, y, tolerance);
      expect(kept[0]).toBe(0);
      expect(kept.at(-1)).toBe(x.length - 1);
      expect(maxError(x, y, kept)).toBeLessThanOrEqual(tolerance);
    }
  });

  it('drops collinear points and keeps a lone corner', () => {
    expect(simplifyTrack([0, 1, 2, 3, 3, 3], [0, 0, 0, 0, 1, 2], 0.01)).toEqual([0, 3, 5]);
    expect(simplifyTrack([1], [1], 1)).toEqual([0]);
    expect(simplifyTrack([], [], 1)).toEqual([]);
  });

  it('simplifies a million points without overflowing the stack (timing printed, not asserted)', () => {
    const rnd = random(8);
    const n = 1_000_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let heading = 0;
    for (let i = 1; i < n; i++) {
      heading += (rnd() - 0.5) * 0.3;
      x[i] = x[i - 1]! + Math.cos(heading);
      y[i] = y[i - 1]! + Math.sin(heading);
    }
    const started = performance.now();
    const significance = trackSignificance(x, y);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) if (significance[i]! > 2) kept.push(i);
    console.log(
      `simplifyTrack: ${n} points → ${kept.length} at tolerance 2 in ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect(maxError(x, y, kept)).toBeLessThanOrEqual(2);
  });

  it('keeps every corner of a zigzag, where each split peels off one corner (12,000 nested splits)', () => {
    const n = 12_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => i % 2);
    expect(simplifyTrack(x, y, 0.1)).toHaveLength(n);
  });
});

/** A bus looping a city route for a week, one fix a minute, with GPS noise (degrees). */
function loopingTrack(rnd: () => number, fixes: number): { lat: number[]; lon: number[] } {
  const corners = [
    [39.74, -104.99],
    [39.74, -104.9],
    [39.69, -104.9],
    [39.69, -104.99],
  ];
  const lat: number[] = [];
  const lon: number[] = [];
  for (let i = 0; i < fixes; i++) {
    const pos = (i % 120) / 30;
    const leg = Math.floor(pos);
    const f = pos - leg;
    const a = corners[leg % 4]!;
    const b = corners[(leg + 1) % 4]!;
    lat.push(a[0]! + (b[0]! - a[0]!) * f + (rnd() - 0.5) * 1e-4);
    lon.push(a[1]! + (b[1]! - a[1]!) * f + (rnd() - 0.5) * 1e-4);
  }
  return { lat, lon };
}

describe('track pyramid', () => {
  it('at every zoom: endpoints kept, budget kept, error within the level tolerance, one pixel when the budget allows', () => {
    const rnd = random(9);
    const { lat, lon } = loopingTrack(rnd, 10_080);
    const pyramid = buildTrackPyramid(lat, lon);
    const { x, y } = projectTrack(lat, lon);
    for (const viewportWidth of [320, 1280]) {
      let previous = 0;
      for (let zoom = 0; zoom <= 20; zoom++) {
        const level = pyramid.level(zoom, viewportWidth);
        expect(level.indices[0]).toBe(0);
        expect(level.indices.at(-1)).toBe(lat.length - 1);
        expect(maxError(x, y, level.indices)).toBeLessThanOrEqual(level.toleranceMetres);
        expect(level.tolerancePx).toBeGreaterThanOrEqual(1 - 1e-9);
        let minX = Number.POSITIVE_INFINITY;
        let maxX = Number.NEGATIVE_INFINITY;
        let minY = Number.POSITIVE_INFINITY;
        let maxY = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < x.length; i++) {
          minX = Math.min(minX, x[i]!);
          maxX = Math.max(maxX, x[i]!);
          minY = Math.min(minY, y[i]!);
          maxY = Math.max(maxY, y[i]!);
        }
        const extentPx = Math.max(maxX - minX, maxY - minY) / metresPerPixel(zoom);
        expect(level.indices.length).toBeLessThanOrEqual(vertexBudget(viewportWidth, extentPx));
        // Where the budget did not bind, the level is plain Douglas–Peucker at one pixel.
        if (level.tolerancePx === 1) expect(level.indices).toEqual(simplifyTrack(x, y, metresPerPixel(zoom)));
        // Closer zooms never show less.
        expect(level.indices.length).toBeGreaterThanOrEqual(previous);
        previous = level.indices.length;
      }
    }
  });

  it('a week of loops on a phone at city zoom draws at most 2 × its width', () => {
    const { lat, lon } = loopingTrack(random(2), 10_080);
    const level = buildTrackPyramid(lat, lon).level(12, 390);
    expect(level.indices.length).toBeLessThanOrEqual(780);
    expect(level.indices.length).toBeGreaterThan(4);
  });

  it('a track with gaps: each piece simplified on its own, both fixes around every gap kept, error bound per piece', () => {
    const rnd = random(13);
    for (let round = 0; round < 30; round++) {
      const n = 50 + Math.floor(rnd() * 3000);
      const { lat, lon } = loopingTrack(rnd, n);
      let time = 0;
      const t = lat.map(() => (time += rnd() < 0.01 ? 3_600_000 : 60_000));
      const starts = trackPieceStarts(t);
      const pyramid = buildTrackPyramid(lat, lon, { pieceStarts: starts });
      const { x, y } = projectTrack(lat, lon);
      for (const zoom of [0, 6, 11, 16]) {
        const level = pyramid.level(zoom, 100 + Math.floor(rnd() * 1000));
        const kept = new Set(level.indices);
        for (const s of starts) {
          expect(kept.has(s - 1) && kept.has(s), `gap before fix ${s}`).toBe(true);
        }
        expect(maxError(x, y, level.indices)).toBeLessThanOrEqual(level.toleranceMetres);
        // Within a piece, the level is that piece's own Douglas–Peucker at the level's tolerance.
        const bounds = [0, ...starts, n];
        for (let k = 0; k + 1 < bounds.length; k++) {
          const [a, b] = [bounds[k]!, bounds[k + 1]!];
          const own = simplifyTrack(x.subarray(a, b), y.subarray(a, b), level.toleranceMetres).map((i) => i + a);
          expect(level.indices.filter((i) => i >= a && i < b)).toEqual(own);
        }
      }
    }
  });

  it('finds gaps as steps over three usual steps', () => {
    expect(trackPieceStarts([0, 60, 120, 180, 1000, 1060, 1120])).toEqual([4]);
    expect(trackPieceStarts([0, 60, 120])).toEqual([]);
  });

  it('handles empty and single-fix tracks', () => {
    expect(buildTrackPyramid([], []).level(10, 800).indices).toEqual([]);
    expect(buildTrackPyramid([1], [2]).level(10, 800).indices).toEqual([0]);
  });
});
