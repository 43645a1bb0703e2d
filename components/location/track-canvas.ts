import L from 'leaflet';
import { drawTrack, type TrackPicture, type TrackView } from './track-raster';
import type { TrackRasterReply, TrackRasterRequest } from './track-raster-protocol';

/** The parts of Leaflet's renderer base this layer relies on (not in Leaflet's public typings). */
interface RendererInternals {
  _map: L.Map & { _animatingZoom?: boolean };
  _container: HTMLCanvasElement;
  _center: L.LatLng;
  _zoom: number;
  _bounds: L.Bounds;
}

/** A view asked for, with what is needed to place its picture when it arrives. */
interface Asked {
  id: number;
  view: TrackView;
  center: L.LatLng;
  bounds: L.Bounds;
  pixelOrigin: L.Point;
}

/** Line width of a track, CSS pixels. */
export const TRACK_WEIGHT = 4;
/**
 * The canvas reaches a tenth of a view past each side (Leaflet's default): a short pan shows track
 * before the new picture arrives, and the canvas stays small enough to paint in a few frames.
 */
export const TRACK_PADDING = 0.1;

export interface TrackCanvasOptions {
  pane: string;
  /** How far the canvas reaches past the view on each side, as a share of the view's size. */
  padding: number;
  /** The painter; null (or a worker that fails) draws on the page instead. */
  createWorker: () => Worker | null;
}

/**
 * A track on one canvas, painted off the main thread. Leaflet's own canvas renderer rasterizes a
 * dense track on the page's main thread after every pan and zoom — tens of milliseconds without a
 * GPU, in the middle of the map's frames. This layer keeps Leaflet's renderer placement (the canvas
 * reaches `padding` past the view and follows the zoom animation as a scaled copy) but sends each
 * new view to a worker, and shows the bitmap it returns in the frame it arrives, placed for the view
 * it was drawn for. Until then the previous picture stays where it was.
 */
export class TrackCanvas extends L.Renderer {
  private picture: TrackPicture | null = null;
  private worker: Worker | null = null;
  private workerTried = false;
  private nextId = 1;
  /** The draw the painter is working on, and the newest view asked for since (drawn next). */
  private inFlight: Asked | null = null;
  private queued: Asked | null = null;
  private drawnVertices = 0;
  private readonly createWorker: () => Worker | null;

  constructor(options: TrackCanvasOptions) {
    super({ pane: options.pane, padding: options.padding });
    this.createWorker = options.createWorker;
  }

  /** A new picture (another level of the track, other colours), drawn for the current view. */
  setPicture(picture: TrackPicture | null): void {
    this.picture = picture;
    const started = this.workerTried;
    // A painter starting now is handed the picture as it starts (see painter()).
    if (started) this.worker?.postMessage({ kind: 'picture', picture } satisfies TrackRasterRequest);
    else this.painter();
    if (this.internals()._map) this._update();
  }

  /** Vertices in the picture shown now. */
  vertices(): number {
    return this.drawnVertices;
  }

  /** True while a view is being painted or waits to be ('drawn' fires as each one is shown). */
  busy(): boolean {
    return this.inFlight !== null || this.queued !== null;
  }

  private internals(): RendererInternals {
    return this as unknown as RendererInternals;
  }

  private painter(): Worker | null {
    if (!this.workerTried) {
      this.workerTried = true;
      try {
        this.worker = this.createWorker();
      } catch {
        // A browser that cannot start a worker here, or a policy that refuses one: drawn on the page.
        this.worker = null;
      }
      this.worker?.addEventListener('message', (e: MessageEvent<TrackRasterReply>) => this.onReply(e.data));
      this.worker?.addEventListener('error', () => this.dropWorker());
      // A new painter (the first, or after the layer was removed and added back) has no picture yet.
      if (this.picture)
        this.worker?.postMessage({ kind: 'picture', picture: this.picture } satisfies TrackRasterRequest);
    }
    return this.worker;
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    const lost = this.inFlight;
    this.inFlight = null;
    if (lost && !this.queued) this.queued = lost;
    this.drawNext();
  }

  // Leaflet's renderer hooks (called by L.Renderer).

  _initContainer(): void {
    const canvas = document.createElement('canvas');
    canvas.className = 'leaflet-track-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    this.internals()._container = canvas;
  }

  _destroyContainer(): void {
    this.internals()._container.remove();
    this.worker?.terminate();
    this.worker = null;
    this.workerTried = false;
    this.inFlight = null;
    this.queued = null;
  }

  _update(): void {
    const self = this.internals();
    const map = self._map;
    if (!map || (map._animatingZoom && self._bounds)) return;
    const padding = (this.options as L.RendererOptions).padding ?? 0;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-padding)).round();
    const bounds = L.bounds(min, min.add(size.multiplyBy(1 + padding * 2)).round());
    const pixelOrigin = map.getPixelOrigin();
    const extent = bounds.getSize();
    const asked: Asked = {
      id: this.nextId++,
      view: {
        zoom: map.getZoom(),
        x: pixelOrigin.x + min.x,
        y: pixelOrigin.y + min.y,
        width: extent.x,
        height: extent.y,
        ratio: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
      },
      center: map.getCenter(),
      bounds,
      pixelOrigin,
    };
    // The first view places the canvas at once, so the zoom animation has a centre to scale from.
    if (!self._bounds) this.place(asked);
    this.queued = asked;
    this.drawNext();
  }

  private drawNext(): void {
    if (this.inFlight || !this.queued) return;
    const asked = this.queued;
    this.queued = null;
    const worker = this.painter();
    if (worker) {
      this.inFlight = asked;
      worker.postMessage({ kind: 'draw', id: asked.id, view: asked.view } satisfies TrackRasterRequest);
      return;
    }
    this.paintHere(asked);
  }

  /** Without a worker: the same drawing on the page, shown through the same bitmap path. */
  private paintHere(asked: Asked): void {
    const scratch = document.createElement('canvas');
    scratch.width = Math.max(1, Math.round(asked.view.width * asked.view.ratio));
    scratch.height = Math.max(1, Math.round(asked.view.height * asked.view.ratio));
    const ctx = scratch.getContext('2d');
    if (!ctx) return;
    const drawn = this.picture ? drawTrack(ctx, this.picture, asked.view) : 0;
    this.inFlight = asked;
    createImageBitmap(scratch).then(
      (bitmap) => this.onReply({ kind: 'drawn', id: asked.id, bitmap, drawn }),
      () => {
        // Nothing to show for this view; a view asked for meanwhile is still drawn.
        this.inFlight = null;
        this.drawNext();
      },
    );
  }

  private onReply(reply: TrackRasterReply): void {
    const asked = this.inFlight;
    if (!asked || asked.id !== reply.id) {
      if (reply.kind === 'drawn') reply.bitmap.close();
      return;
    }
    this.inFlight = null;
    if (reply.kind === 'failed') {
      // The painter cannot draw here (no 2D OffscreenCanvas): from now on the page draws.
      this.worker?.terminate();
      this.worker = null;
      this.queued ??= asked;
    } else if (this.stillFits(asked)) {
      this.place(asked);
      const canvas = this.internals()._container;
      // Assigning a size resets a canvas even to the same value: only when the view's size changed.
      if (canvas.width !== reply.bitmap.width) canvas.width = reply.bitmap.width;
      if (canvas.height !== reply.bitmap.height) canvas.height = reply.bitmap.height;
      canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(reply.bitmap);
      // Who painted it, for the browser tests: the worker, or the page when no worker could start.
      canvas.dataset.painter = this.worker ? 'worker' : 'page';
      this.drawnVertices = reply.drawn;
      this.fire('drawn');
    } else {
      reply.bitmap.close();
    }
    this.drawNext();
  }

  /**
   * A picture drawn for an earlier view can still be shown after a pan (layer pixels do not move
   * while the zoom stays), not after a zoom or while one is animating: the next view is on its way.
   */
  private stillFits(asked: Asked): boolean {
    const map = this.internals()._map;
    if (!map || map._animatingZoom) return false;
    return map.getZoom() === asked.view.zoom && map.getPixelOrigin().equals(asked.pixelOrigin);
  }

  /** Places the canvas for a view: what Leaflet's renderer does in its update, for the picture shown. */
  private place(asked: Asked): void {
    const self = this.internals();
    self._center = asked.center;
    self._zoom = asked.view.zoom;
    self._bounds = asked.bounds;
    const canvas = self._container;
    canvas.style.width = `${asked.view.width}px`;
    canvas.style.height = `${asked.view.height}px`;
    L.DomUtil.setPosition(canvas, asked.bounds.getTopLeft());
  }
}
