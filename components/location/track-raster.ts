/**
 * Drawing a track onto a 2D canvas, with no Leaflet and no DOM: the same code runs in the track's
 * worker (on an OffscreenCanvas) and, where a browser has no such worker, on the page.
 */

/** One run of a single colour: fixes `from`…`to` of the picture; a lone fix is drawn as a dot. */
export interface PictureRun {
  color: string;
  from: number;
  to: number;
}

/** What the track canvas shows: the fixes of one level of the track and its coloured runs. */
export interface TrackPicture {
  lat: Float64Array;
  lon: Float64Array;
  runs: PictureRun[];
  /** Line width in CSS pixels. */
  weight: number;
}

/**
 * Where the canvas lies: its top-left corner in Web Mercator pixels at `zoom` (Leaflet's projected
 * pixels), its size in CSS pixels, and device pixels per CSS pixel.
 */
export interface TrackView {
  zoom: number;
  x: number;
  y: number;
  width: number;
  height: number;
  ratio: number;
}

/** A lone fix's dot, as a 3 px circle with a 2 px outline. */
const DOT_RADIUS = 4;
/** Vertices closer than this to the last one drawn add nothing visible (CSS pixels, squared). */
const MIN_STEP_SQ = 1;
/** Leaflet's Web Mercator latitude limit. */
const MAX_LAT = 85.0511287798;

/** Web Mercator pixels at a zoom, as Leaflet projects them (256 px world at zoom 0). */
export function projectX(lon: number, worldPx: number): number {
  return worldPx * (0.5 + lon / 360);
}

export function projectY(lat: number, worldPx: number): number {
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return worldPx * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
}

/**
 * Clears the canvas and draws the picture in `view`: each run one stroke in its colour, segments
 * wholly off the canvas skipped, vertices within a pixel of the last drawn one dropped. Returns the
 * vertices drawn (what the track's vertex budget counts).
 */
export function drawTrack(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  picture: TrackPicture,
  view: TrackView,
): number {
  ctx.setTransform(view.ratio, 0, 0, view.ratio, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.lineWidth = picture.weight;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const world = 256 * 2 ** view.zoom;
  const margin = picture.weight + DOT_RADIUS;
  const left = -margin;
  const top = -margin;
  const right = view.width + margin;
  const bottom = view.height + margin;
  // Which side of the canvas a point is off (bits: left, right, above, below; 0 = on it).
  const outcode = (x: number, y: number) =>
    (x < left ? 1 : 0) | (x > right ? 2 : 0) | (y < top ? 4 : 0) | (y > bottom ? 8 : 0);
  const { lat, lon } = picture;
  let drawn = 0;
  for (const run of picture.runs) {
    if (run.from === run.to) {
      const x = projectX(lon[run.from]!, world) - view.x;
      const y = projectY(lat[run.from]!, world) - view.y;
      if (outcode(x, y) !== 0) continue;
      ctx.fillStyle = run.color;
      ctx.beginPath();
      ctx.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
      ctx.fill();
      drawn += 1;
      continue;
    }
    ctx.strokeStyle = run.color;
    ctx.beginPath();
    let px = projectX(lon[run.from]!, world) - view.x;
    let py = projectY(lat[run.from]!, world) - view.y;
    let pcode = outcode(px, py);
    let open = false;
    for (let i = run.from + 1; i <= run.to; i++) {
      const x = projectX(lon[i]!, world) - view.x;
      const y = projectY(lat[i]!, world) - view.y;
      const code = outcode(x, y);
      if ((pcode & code) !== 0) {
        // Both ends off the same side: nothing of this segment is on the canvas.
        open = false;
      } else {
        if (!open) {
          ctx.moveTo(px, py);
          drawn += 1;
          open = true;
        }
        if (i < run.to && (x - px) ** 2 + (y - py) ** 2 < MIN_STEP_SQ) continue;
        ctx.lineTo(x, y);
        drawn += 1;
      }
      px = x;
      py = y;
      pcode = code;
    }
    ctx.stroke();
  }
  return drawn;
}
