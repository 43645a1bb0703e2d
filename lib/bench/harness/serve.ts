/**
 * The harness pages of benchmarks #8–#10, built with esbuild into memory and served to Chromium
 * through Playwright's request interception on a made-up origin: nothing listens on a port, and
 * nothing of it is part of the app's build (the pages import the product's components and
 * lib/series as the app does, bundled for production like the app's own chunks).
 */
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { build } from 'esbuild';

export const HARNESS_ORIGIN = 'http://bench-harness.test';

export type HarnessPage = 'chart' | 'track' | 'markers';

const ENTRIES: Record<HarnessPage | 'map-probe' | 'track-raster', string> = {
  chart: join(__dirname, 'chart-page.tsx'),
  track: join(__dirname, 'track-page.ts'),
  markers: join(__dirname, 'markers-page.ts'),
  // Not a page: injected into the product's /map (see map-probe.ts).
  'map-probe': join(__dirname, 'map-probe.ts'),
  // Not a page: the track layer's worker, which the track page starts as /track-raster.js.
  'track-raster': join(__dirname, '..', '..', '..', 'components', 'location', 'track-raster.worker.ts'),
};
const PAGES: HarnessPage[] = ['chart', 'track', 'markers'];

export interface HarnessBundle {
  files: Map<string, { body: Buffer; type: string }>;
  buildMs: number;
  /** Bytes of each page's script, minified (not served compressed: it is loaded before the clock starts). */
  scriptBytes: Record<HarnessPage, number>;
}

export async function bundleHarness(): Promise<HarnessBundle> {
  const t = performance.now();
  const result = await build({
    entryPoints: ENTRIES,
    bundle: true,
    write: false,
    outdir: '/harness',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    jsx: 'automatic',
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(__dirname, '..', '..', '..', 'tsconfig.json'),
    logLevel: 'silent',
  });
  const files = new Map<string, { body: Buffer; type: string }>();
  const scriptBytes = {} as Record<HarnessPage, number>;
  for (const file of result.outputFiles) {
    const name = file.path.slice('/harness'.length);
    const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
    files.set(name, { body: Buffer.from(file.contents), type });
    const page = name.replace(/^\//, '').replace(/\.js$/, '') as HarnessPage;
    if (name.endsWith('.js') && PAGES.includes(page)) scriptBytes[page] = file.contents.length;
  }
  for (const page of PAGES) {
    const css = files.has(`/${page}.css`) ? `<link rel="stylesheet" href="/${page}.css">` : '';
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${page}</title>${css}<style>body{margin:0}</style></head><body><div id="root"></div><script src="/${page}.js"></script></body></html>`;
    files.set(`/${page}.html`, { body: Buffer.from(html), type: 'text/html' });
  }
  return { files, buildMs: Math.round(performance.now() - t), scriptBytes };
}

/** Answers the page's own requests (e.g. #9's track levels): JSON for a URL, or null for 404. */
export type HarnessApi = (url: URL) => unknown | null;

/** Opens a harness page in a fresh page of `context`; resolves once its script has run. */
export async function openHarness(
  context: BrowserContext,
  bundle: HarnessBundle,
  page: HarnessPage,
  api?: HarnessApi,
): Promise<Page> {
  await context.route(`${HARNESS_ORIGIN}/**`, async (route: Route) => {
    const url = new URL(route.request().url());
    const file = bundle.files.get(url.pathname);
    if (file) return route.fulfill({ status: 200, body: file.body, contentType: file.type });
    const answer = api?.(url) ?? null;
    if (answer !== null)
      return route.fulfill({ status: 200, body: JSON.stringify(answer), contentType: 'application/json' });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const tab = await context.newPage();
  tab.on('pageerror', (err) => console.error(`  [${page} page] ${err.message}`));
  await tab.goto(`${HARNESS_ORIGIN}/${page}.html`, { waitUntil: 'load' });
  const global = { chart: '__chart', track: '__track', markers: '__markers' }[page];
  await tab.waitForFunction((name) => name in window, global);
  return tab;
}

/** The script that instruments the product's /map page, for Playwright's addInitScript. */
export function mapProbeScript(bundle: HarnessBundle): string {
  return bundle.files.get('/map-probe.js')!.body.toString('utf8');
}
