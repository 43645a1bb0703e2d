/**
 * Benchmark #10's anchor page (bundled by the bench, never part of the app): `n` routers drawn raw
 * as Leaflet canvas circleMarkers — no clustering, no server — over the US at the fleet map's
 * opening view (centre 39, −97, zoom 4), 1280 × 800, marker style as the map's single routers.
 * The bench drives it through `window.__markers` and real mouse input, like the product's /map.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { fleetPointsFixture } from './fixtures';
import { installProbe, type Probe } from './page-probe';

installProbe();
const probe = (window as unknown as { __probe: Probe }).__probe;
const round = (n: number) => Math.round(n * 10) / 10;
const container = document.getElementById('root')!;
container.style.width = '1280px';
container.style.height = '800px';

let pending: Promise<unknown> = Promise.resolve(null);

/** The next drag: from its mousedown to the frame after the map settled (moveend). */
function panDone(): Promise<{
  ms: number;
  frames: ReturnType<Probe['frameStats']>;
  longTasks: ReturnType<Probe['longTasks']>;
}> {
  const map = (window as unknown as { __map: L.Map }).__map;
  return new Promise((resolve) => {
    let t0 = 0;
    container.addEventListener(
      'mousedown',
      (e) => {
        t0 = e.timeStamp;
      },
      { capture: true, once: true },
    );
    map.once('dragstart', () =>
      map.once('moveend', async () => {
        await probe.nextPaint();
        const t1 = await probe.nextPaint();
        resolve({ ms: round(t1 - t0), frames: probe.frameStats(t0, t1), longTasks: probe.longTasks(t0, t1) });
      }),
    );
  });
}

const api = {
  /** Creates the map and its `n` markers; from the start to the frame that shows them. */
  async load(n: number) {
    const points = fleetPointsFixture(n);
    await probe.nextPaint();
    const t0 = performance.now();
    const map = L.map(container, { preferCanvas: true, attributionControl: false }).setView([39, -97], 4);
    (window as unknown as { __map: L.Map }).__map = map;
    const renderer = L.canvas();
    for (let i = 0; i < n; i++) {
      L.circleMarker([points.lat[i]!, points.lon[i]!], {
        renderer,
        radius: 7,
        color: '#ffffff',
        weight: 1.5,
        fillColor: '#2e7d32',
        fillOpacity: 0.95,
      }).addTo(map);
    }
    const t1 = await probe.nextPaint();
    return { ms: round(t1 - t0), symbols: n, longTasks: probe.longTasks(t0, t1) };
  },
  /** Arms the measurement of the next drag; the bench drags, then awaits `result()`. */
  armPan(): void {
    pending = panDone();
  },
  result(): Promise<unknown> {
    return pending;
  },
};

(window as unknown as { __markers: typeof api }).__markers = api;
