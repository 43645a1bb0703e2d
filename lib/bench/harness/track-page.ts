/**
 * Benchmark #9's page (bundled by the bench, never part of the app): a vehicle track on a Leaflet
 * map with the canvas renderer, 1280 × 800.
 * - "ours": the page asks the server side (the bench process, through /track/level) for the track's
 *   level at the map's zoom — the per-zoom Douglas–Peucker pyramid of lib/series, built once — and
 *   asks again after each zoom, as the product's track route is asked; the level is drawn by the
 *   product's track layer (components/location/track-canvas.ts: painted by its worker, the same
 *   line width and padding);
 * - "raw": the whole track as one polyline (generated in the page: the same fixture), drawn by
 *   Leaflet as it comes.
 * The bench drives it through `window.__track` and real mouse input.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { TRACK_PADDING, TRACK_WEIGHT, TrackCanvas } from '@/components/location/track-canvas';
import type { PictureRun, TrackPicture } from '@/components/location/track-raster';
import { trackFixture } from './fixtures';
import { installProbe, type Probe } from './page-probe';

installProbe();
const probe = (window as unknown as { __probe: Probe }).__probe;

export interface TrackLevelAnswer {
  zoom: number;
  lat: number[];
  lon: number[];
  /** Vertex indices where a new piece starts (no line drawn across a gap in the fixes). */
  breaks: number[];
  bounds: [[number, number], [number, number]];
  /** Server-side time to pick the level and serialise it, ms. */
  serverMs: number;
}

const container = document.getElementById('root')!;
container.style.width = '1280px';
container.style.height = '800px';
const map = L.map(container, { preferCanvas: true, zoomControl: true, attributionControl: false });
const renderer = L.canvas();
/** Raw: the whole track as one polyline on Leaflet's canvas renderer. */
let line: L.Polyline | null = null;
/** Ours: the product's track layer, its worker served by the bench as /track-raster.js. */
let track: TrackCanvas | null = null;
let mode: 'ours' | 'raw' = 'raw';
let size = 0;
let levelZoom: number | null = null;

const round = (n: number) => Math.round(n * 10) / 10;

/** Vertices drawn: Leaflet's after its clipping and smoothing (raw); the track layer's count (ours). */
function drawnVertices(): number {
  if (mode === 'ours') return track?.vertices() ?? 0;
  const parts = (line as unknown as { _parts?: unknown[][] } | null)?._parts ?? [];
  return parts.reduce((n, p) => n + p.length, 0);
}

/** A level as the track layer's picture: one run per piece, in one colour. */
function pictureOf(level: TrackLevelAnswer): TrackPicture {
  const starts = [...new Set([0, ...level.breaks])].filter((b) => b < level.lat.length).sort((a, b) => a - b);
  const runs: PictureRun[] = starts.map((from, k) => ({
    color: '#1d4ed8',
    from,
    to: (starts[k + 1] ?? level.lat.length) - 1,
  }));
  return { lat: Float64Array.from(level.lat), lon: Float64Array.from(level.lon), runs, weight: TRACK_WEIGHT };
}

/** Resolves once the track layer shows its newest view (it paints in a worker, so later than Leaflet). */
function trackShown(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (track && !track.busy()) {
        track.off('drawn', check);
        resolve();
      }
    };
    track?.on('drawn', check);
    check();
  });
}

async function fetchLevel(zoom: number): Promise<{ level: TrackLevelAnswer; fetchMs: number }> {
  const t = performance.now();
  const response = await fetch(`/track/level?n=${size}&zoom=${zoom}&width=${container.clientWidth}`);
  const level = (await response.json()) as TrackLevelAnswer;
  return { level, fetchMs: round(performance.now() - t) };
}

let pending: Promise<unknown> = Promise.resolve(null);

/** The next drag: from its mousedown to the frame after the map settled (moveend) and was redrawn. */
function panDone(): Promise<{
  ms: number;
  frames: ReturnType<Probe['frameStats']>;
  longTasks: ReturnType<Probe['longTasks']>;
  drawnVertices: number;
}> {
  return new Promise((resolve) => {
    let t0 = 0;
    const onDown = (e: MouseEvent) => {
      t0 = e.timeStamp;
    };
    container.addEventListener('mousedown', onDown, { capture: true, once: true });
    map.once('dragstart', () =>
      map.once('moveend', async () => {
        if (mode === 'ours') await trackShown();
        await probe.nextPaint();
        const t1 = await probe.nextPaint();
        resolve({
          ms: round(t1 - t0),
          frames: probe.frameStats(t0, t1),
          longTasks: probe.longTasks(t0, t1),
          drawnVertices: drawnVertices(),
        });
      }),
    );
  });
}

const api = {
  /** Raw: generates the track in the page (not measured). */
  prepareRaw(n: number): number {
    size = n;
    mode = 'raw';
    const fixture = trackFixture(n);
    (window as unknown as { __fixture: unknown }).__fixture = fixture;
    return fixture.t.length;
  },
  /** Raw: the whole track as one polyline, fitted; from data in hand to the frame that shows it. */
  async showRaw() {
    const { lat, lon } = (window as unknown as { __fixture: { lat: Float64Array; lon: Float64Array } }).__fixture;
    line?.remove();
    track?.remove();
    await probe.nextPaint();
    const t0 = performance.now();
    const latlngs: L.LatLngExpression[] = new Array(lat.length);
    for (let i = 0; i < lat.length; i++) latlngs[i] = [lat[i]!, lon[i]!];
    line = L.polyline(latlngs, { renderer, color: '#1d4ed8', weight: 3 });
    map.fitBounds(line.getBounds(), { animate: false });
    line.addTo(map);
    const t1 = await probe.nextPaint();
    return {
      firstPaintMs: round(t1 - t0),
      zoom: map.getZoom(),
      drawnVertices: drawnVertices(),
      longTasks: probe.longTasks(t0, t1),
    };
  },
  /** Ours: asks for the level at the zoom that fits the track, then draws it (data in hand → painted). */
  async showOurs(n: number) {
    size = n;
    mode = 'ours';
    line?.remove();
    track?.remove();
    await probe.nextPaint();
    const requestStart = performance.now();
    // The track's bounds come with every answer; the first ask is at zoom 0 (a few vertices).
    const first = await fetchLevel(0);
    const zoom = map.getBoundsZoom(L.latLngBounds(first.level.bounds));
    const { level, fetchMs } = await fetchLevel(zoom);
    const t0 = performance.now();
    map.fitBounds(L.latLngBounds(level.bounds), { animate: false });
    track = new TrackCanvas({
      pane: 'overlayPane',
      padding: TRACK_PADDING,
      createWorker: () => new Worker('/track-raster.js'),
    });
    track.setPicture(pictureOf(level));
    track.addTo(map);
    levelZoom = level.zoom;
    await trackShown();
    const t1 = await probe.nextPaint();
    return {
      firstPaintMs: round(t1 - t0),
      withRequestsMs: round(t1 - requestStart),
      levelFetchMs: fetchMs,
      serverMs: level.serverMs,
      zoom: map.getZoom(),
      levelVertices: level.lat.length,
      drawnVertices: drawnVertices(),
      longTasks: probe.longTasks(t0, t1),
    };
  },
  /**
   * One zoom step (+1 or −1) about the centre: from the call to the frame after the track is redrawn
   * (ours: after the worker's picture of the new level is shown).
   */
  async zoomBy(delta: 1 | -1) {
    const t0 = performance.now();
    const ended = new Promise<void>((resolve) => map.once('zoomend', () => resolve()));
    if (delta > 0) map.zoomIn();
    else map.zoomOut();
    await ended;
    let fetchMs: number | null = null;
    let levelVertices: number | null = null;
    if (mode === 'ours' && levelZoom !== map.getZoom()) {
      // The product asks for the new zoom's level after the zoom ends, and swaps it in.
      const answer = await fetchLevel(map.getZoom());
      fetchMs = answer.fetchMs;
      levelVertices = answer.level.lat.length;
      track!.setPicture(pictureOf(answer.level));
      levelZoom = answer.level.zoom;
    }
    if (mode === 'ours') await trackShown();
    await probe.nextPaint();
    const t1 = await probe.nextPaint();
    return {
      ms: round(t1 - t0),
      zoom: map.getZoom(),
      fetchMs,
      levelVertices,
      drawnVertices: drawnVertices(),
      frames: probe.frameStats(t0, t1),
      longTasks: probe.longTasks(t0, t1),
    };
  },
  /**
   * From now on a 1-px element changes colour every frame. Without its frame-rate limit Chromium
   * still spaces out frames that change nothing (idle gaps of 10–18 ms, not work); with something
   * new in every frame each gap is the work of the frame.
   */
  keepFramesBusy(): void {
    if (document.getElementById('busy-frames')) return;
    const dot = document.createElement('div');
    dot.id = 'busy-frames';
    dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;z-index:9999';
    document.body.appendChild(dot);
    let k = 0;
    const tick = () => {
      k += 1;
      dot.style.background = k % 2 === 0 ? '#000' : '#fff';
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },
  /** Arms the measurement of the next drag; the bench drags, then awaits `result()`. */
  armPan(): void {
    pending = panDone();
  },
  result(): Promise<unknown> {
    return pending;
  },
  centre(): { x: number; y: number } {
    const r = container.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  },
};

(window as unknown as { __track: typeof api }).__track = api;
