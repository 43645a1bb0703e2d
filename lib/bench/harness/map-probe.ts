/**
 * Injected into the product's /map page before its own scripts (benchmark #10), as a script bundled
 * by esbuild like the harness pages: the frame and long-task probe, plus when the map's first symbol
 * appeared and each drag's mousedown.
 */
import { installProbe } from './page-probe';

export interface MapBench {
  downAt: number | null;
  firstSymbolAt: number | null;
}

installProbe();
const bench: MapBench = { downAt: null, firstSymbolAt: null };
(window as unknown as { __mapBench: MapBench }).__mapBench = bench;
document.addEventListener(
  'mousedown',
  (e) => {
    bench.downAt = e.timeStamp;
  },
  { capture: true },
);
const watch = new MutationObserver(() => {
  if (bench.firstSymbolAt === null && document.querySelector('.map-cluster, .map-router')) {
    bench.firstSymbolAt = performance.now();
    watch.disconnect();
  }
});
watch.observe(document, { childList: true, subtree: true });
