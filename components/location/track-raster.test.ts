import { describe, expect, it } from 'vitest';
import { drawTrack, projectX, projectY, type TrackPicture, type TrackView } from './track-raster';

/** A 2D context that records what is drawn: each stroke's and fill's points, in order. */
function recorder() {
  const strokes: Array<{ color: string; points: Array<[number, number]>; moves: number }> = [];
  const dots: Array<{ color: string; x: number; y: number }> = [];
  let path: Array<[number, number]> = [];
  let moves = 0;
  let arc: [number, number] | null = null;
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 0,
    lineCap: '',
    lineJoin: '',
    setTransform() {},
    clearRect() {},
    beginPath() {
      path = [];
      moves = 0;
      arc = null;
    },
    moveTo(x: number, y: number) {
      path.push([x, y]);
      moves += 1;
    },
    lineTo(x: number, y: number) {
      path.push([x, y]);
    },
    arc(x: number, y: number) {
      arc = [x, y];
    },
    stroke() {
      strokes.push({ color: ctx.strokeStyle, points: path, moves });
    },
    fill() {
      if (arc) dots.push({ color: ctx.fillStyle, x: arc[0], y: arc[1] });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes, dots };
}

/** Web Mercator the textbook way (ln tan), as an independent check of the layer's projection. */
const mercatorY = (lat: number, world: number) =>
  world * (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI));

/** A view at zoom 0 whose top-left is the world's top-left: canvas pixels are world pixels. */
const WORLD_VIEW: TrackView = { zoom: 0, x: 0, y: 0, width: 256, height: 256, ratio: 1 };

/** Fixes placed at world pixels (x, y) of zoom 0. */
function pictureAt(points: Array<[number, number]>, runs: TrackPicture['runs']): TrackPicture {
  const lon = points.map(([x]) => (x / 256 - 0.5) * 360);
  const lat = points.map(([, y]) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 256))) * 180) / Math.PI);
  return { lat: Float64Array.from(lat), lon: Float64Array.from(lon), runs, weight: 4 };
}

describe('track projection', () => {
  it("puts a fix where Leaflet's Web Mercator does", () => {
    expect(projectX(0, 256)).toBeCloseTo(128, 9);
    expect(projectY(0, 256)).toBeCloseTo(128, 9);
    expect(projectX(180, 256)).toBeCloseTo(256, 9);
    const world = 256 * 2 ** 12;
    for (const lat of [39.7392, -33.8688, 64.1466, 0.5])
      expect(projectY(lat, world)).toBeCloseTo(mercatorY(lat, world), 6);
    expect(projectX(-104.9903, world)).toBeCloseTo(world * ((180 - 104.9903) / 360), 6);
  });

  it('clamps latitudes past the Web Mercator limit instead of going to infinity', () => {
    expect(projectY(90, 256)).toBeCloseTo(0, 3);
    expect(projectY(-90, 256)).toBeCloseTo(256, 3);
  });
});

describe('drawTrack', () => {
  it('draws each run as one stroke in its colour and a lone fix as a dot, counting vertices', () => {
    const picture = pictureAt(
      [
        [10, 10],
        [50, 10],
        [50, 60],
        [100, 100],
        [120, 100],
        [200, 200],
      ],
      [
        { color: 'red', from: 0, to: 2 },
        { color: 'blue', from: 3, to: 4 },
        { color: 'green', from: 5, to: 5 },
      ],
    );
    const { ctx, strokes, dots } = recorder();
    const drawn = drawTrack(ctx, picture, WORLD_VIEW);
    expect(strokes.map((s) => s.color)).toEqual(['red', 'blue']);
    expect(strokes[0]!.points.map(([x, y]) => [Math.round(x), Math.round(y)])).toEqual([
      [10, 10],
      [50, 10],
      [50, 60],
    ]);
    expect(dots).toHaveLength(1);
    expect(dots[0]!.color).toBe('green');
    expect(Math.round(dots[0]!.x)).toBe(200);
    expect(drawn).toBe(3 + 2 + 1);
  });

  it('skips segments wholly off one side of the canvas and lifts the pen there', () => {
    // In, far out to the right twice (that segment is skipped), back in.
    const picture = pictureAt(
      [
        [20, 20],
        [40, 20],
        [600, 20],
        [700, 30],
        [60, 40],
        [80, 40],
      ],
      [{ color: 'red', from: 0, to: 5 }],
    );
    const { ctx, strokes } = recorder();
    const drawn = drawTrack(ctx, picture, WORLD_VIEW);
    const stroke = strokes[0]!;
    // 40 → 600 crosses the right edge and stays; 600 → 700 lies wholly right of it and goes, so the
    // pen lifts and comes down again at 700 for 700 → 60, which crosses back in.
    expect(stroke.points.map(([x]) => Math.round(x))).toEqual([20, 40, 600, 700, 60, 80]);
    expect(stroke.moves).toBe(2);
    expect(drawn).toBe(6);
  });

  it('drops vertices within a pixel of the last one drawn but keeps the end of each run', () => {
    const picture = pictureAt(
      [
        [10, 10],
        [10.3, 10.2],
        [10.5, 10.4],
        [30, 10],
        [30.2, 10.1],
      ],
      [{ color: 'red', from: 0, to: 4 }],
    );
    const { ctx, strokes } = recorder();
    const drawn = drawTrack(ctx, picture, WORLD_VIEW);
    expect(strokes[0]!.points.map(([x]) => Math.round(x * 10) / 10)).toEqual([10, 30, 30.2]);
    expect(drawn).toBe(3);
  });

  it('draws nothing of a track wholly outside the view', () => {
    const picture = pictureAt(
      [
        [10, 10],
        [20, 20],
        [30, 10],
      ],
      [
        { color: 'red', from: 0, to: 1 },
        { color: 'red', from: 2, to: 2 },
      ],
    );
    const { ctx, strokes, dots } = recorder();
    const drawn = drawTrack(ctx, picture, { ...WORLD_VIEW, x: 128, y: 128 });
    expect(strokes[0]!.points).toEqual([]);
    expect(dots).toEqual([]);
    expect(drawn).toBe(0);
  });
});
