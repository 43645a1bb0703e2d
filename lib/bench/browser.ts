/**
 * benchmarks #4 and #5 in headless Debian Chromium against `next start` and the simulator.
 *
 * #4 JS on first load: every script the browser downloads for /routers (fresh cache, signed in),
 *    bodies gzipped (zlib level 6, as `next start` does) and brotli'd (quality 11) here, against the
 *    same measurement for /login (the framework floor: a page with a form and nothing else).
 * #5 Router table: rows painted after their data, sort and filter answered, long tasks, on a 50k
 *    fleet against a 1k fleet in the same run (the table should be O(window), not O(N)).
 * Nothing here asserts on time; the numbers go into the table and reports/bench.json.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import type { BenchApp } from './app';
import { percentile, round, sleep } from './stats';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../testing/chromium';

export { CHROMIUM_PATH };
const VIEWPORT = { width: 1280, height: 800 };

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Signs the bench user in and returns the cookies, for fresh contexts (empty cache) to reuse. */
export async function signIn(browser: Browser, app: BenchApp): Promise<StorageState> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: app.baseUrl });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Username').fill(app.user.username);
  await page.getByLabel('Password').fill(app.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-role').waitFor({ timeout: 30_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

// ---------------------------------------------------------------------------------------------- #4

export interface ScriptChunk {
  path: string;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Bytes as `next start` sent them (its own compression), when Chromium reports it. */
  wireBytes: number | null;
  /** Share of the chunk's bytes that ran during the load (V8 block coverage). */
  usedPct: number | null;
}

export interface PageJs {
  path: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  wireBytes: number;
  usedPct: number | null;
  largest: ScriptChunk[];
  /** Every script loaded, by path and brotli size, to see what a change added. */
  chunks: Array<{ path: string; brotliBytes: number }>;
}

interface CoverageEntry {
  url: string;
  source?: string;
  functions: Array<{ ranges: Array<{ startOffset: number; endOffset: number; count: number }> }>;
}

/** Bytes of a script covered by executed blocks: ranges are applied outermost first, inner ones override. */
function usedBytes(entry: CoverageEntry): { used: number; total: number } | null {
  if (!entry.source) return null;
  const total = entry.source.length;
  const marks = new Uint8Array(total);
  const ranges = entry.functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  for (const r of ranges) marks.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(r.endOffset, total));
  let used = 0;
  for (let i = 0; i < total; i++) used += marks[i]!;
  return { used, total };
}

async function pageJs(
  browser: Browser,
  baseUrl: string,
  path: string,
  ready: (page: Page) => Promise<void>,
  state?: StorageState,
): Promise<PageJs> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl, storageState: state });
  const page = await context.newPage();
  const bodies = new Map<string, Promise<{ body: Buffer; wire: number | null }>>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    const isScript =
      response.request().resourceType() === 'script' ||
      (url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'));
    if (!isScript || bodies.has(response.url())) return;
    bodies.set(
      response.url(),
      (async () => {
        const body = await response.body();
        const sizes = await response
          .request()
          .sizes()
          .catch(() => null);
        return { body, wire: sizes ? sizes.responseBodySize : null };
      })(),
    );
  });
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(path, { waitUntil: 'load' });
  await ready(page);
  // Chunks a page imports after mount (lazy components) are part of its first load too.
  await sleep(2_000);
  const coverage = (await page.coverage.stopJSCoverage()) as CoverageEntry[];
  const chunks: ScriptChunk[] = [];
  for (const [url, pending] of bodies) {
    const { body, wire } = await pending;
    const cov = coverage.find((c) => c.url === url);
    const used = cov ? usedBytes(cov) : null;
    chunks.push({
      path: new URL(url).pathname,
      rawBytes: body.length,
      gzipBytes: gzipSync(body).length,
      brotliBytes: brotliCompressSync(body).length,
      wireBytes: wire,
      usedPct: used && used.total > 0 ? round((100 * used.used) / used.total, 1) : null,
    });
  }
  await context.close();
  const sum = (f: (c: ScriptChunk) => number) => chunks.reduce((n, c) => n + f(c), 0);
  const covered = chunks.filter((c) => c.usedPct !== null);
  const usedPct =
    covered.length > 0
      ? round(
          (covered.reduce((n, c) => n + (c.rawBytes * c.usedPct!) / 100, 0) /
            covered.reduce((n, c) => n + c.rawBytes, 0)) *
            100,
          1,
        )
      : null;
  return {
    path,
    scripts: chunks.length,
    rawBytes: sum((c) => c.rawBytes),
    gzipBytes: sum((c) => c.gzipBytes),
    brotliBytes: sum((c) => c.brotliBytes),
    wireBytes: sum((c) => c.wireBytes ?? 0),
    usedPct,
    largest: [...chunks].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3),
    chunks: chunks.map((c) => ({ path: c.path, brotliBytes: c.brotliBytes })),
  };
}

export async function bench4(browser: Browser, app: BenchApp, state: StorageState) {
  const routers = await pageJs(
    browser,
    app.baseUrl,
    '/routers',
    (page) => page.locator('[data-testid=router-row]').first().waitFor({ timeout: 60_000 }),
    state,
  );
  const floor = await pageJs(
    browser,
    app.baseUrl,
    '/login',
    (page) => page.getByRole('button', { name: 'Sign in' }).waitFor(),
    undefined,
  );
  return {
    routers,
    floor,
    ratioGzip: round(routers.gzipBytes / floor.gzipBytes, 3),
    ratioBrotli: round(routers.brotliBytes / floor.brotliBytes, 3),
    goals: { gzipBytes: 165_000, brotliBytes: 140_000, ratioToFloor: 1.27 },
    method:
      'fresh browser context per page; every response of resource type script or /_next/static/**/*.js; bodies compressed here with zlib gzip level 6 and brotli quality 11; floor = the same for /login (signed out)',
  };
}

// ---------------------------------------------------------------------------------------------- #5

/** In-page instrumentation, installed before any page script runs. */
function instrument() {
  type Rec = {
    t0: number | null;
    changedAt: number | null;
    paintedAt: number | null;
    timedOut: boolean;
    done: Promise<void>;
  };
  const w = window as unknown as { __bench: Record<string, unknown> };
  const longtasks: Array<{ start: number; duration: number }> = [];
  const events: Array<{ name: string; start: number; duration: number }> = [];
  const bench: Record<string, unknown> = { longtasks, events, firstRowAt: null, firstRowPaintedAt: null };
  w.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  } catch {
    // an observer type this browser lacks
  }
  performance.setResourceTimingBufferSize(5_000);
  /** After the next frame: rAF runs before paint; a message posted from it runs after that frame. */
  const afterNextPaint = (cb: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => cb();
      channel.port2.postMessage(null);
    });
  bench.afterNextPaint = afterNextPaint;
  const firstRow = new MutationObserver(() => {
    if (bench.firstRowAt !== null || !document.querySelector('[data-testid=router-row]')) return;
    bench.firstRowAt = performance.now();
    firstRow.disconnect();
    afterNextPaint(() => {
      bench.firstRowPaintedAt = performance.now();
    });
  });
  firstRow.observe(document, { childList: true, subtree: true });
  /** Arms a wait for a row at `index` that is a new element or shows new text; `trigger` names the event that starts the clock. */
  let armedForMark: { t0: number | null } | null = null;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'fleet:filters-changed' && armedForMark && armedForMark.t0 === null)
          armedForMark.t0 = e.startTime;
      }
    }).observe({ type: 'mark' });
  } catch {
    // no User Timing observer
  }
  /** `mark`: the clock starts at the app's own "filters changed" User Timing mark (after the debounce). */
  bench.arm = (index: number, trigger: 'click' | 'input' | 'manual' | 'mark') => {
    const selector = `[data-testid=router-row][data-row-index="${index}"]`;
    const old = document.querySelector(selector);
    const oldText = old?.textContent ?? null;
    // A sort or filter keeps the previous rows on screen until its own arrive; the table says which
    // view its rows belong to, so an unchanged first row still counts once the new view is shown.
    const viewOf = () => document.querySelector('[data-testid=routers-table]')?.getAttribute('data-rows-view') ?? null;
    const oldView = viewOf();
    const rec = { t0: null, changedAt: null, paintedAt: null, timedOut: false } as unknown as Rec;
    armedForMark = trigger === 'mark' ? rec : null;
    if (trigger !== 'manual' && trigger !== 'mark') {
      // The last input event starts the clock for typing (the debounce is subtracted afterwards).
      const onEvent = (e: Event) => {
        if (trigger === 'click' && rec.t0 !== null) return;
        rec.t0 = e.timeStamp;
      };
      document.addEventListener(trigger, onEvent, { capture: true });
    }
    rec.done = new Promise<void>((resolve) => {
      const check = () => {
        if (rec.changedAt !== null || rec.t0 === null) return;
        const el = document.querySelector(selector);
        if (!el || (el === old && el.textContent === oldText && viewOf() === oldView)) return;
        rec.changedAt = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        afterNextPaint(() => {
          rec.paintedAt = performance.now();
          resolve();
        });
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-row-index', 'data-rows-view'],
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        rec.timedOut = true;
        resolve();
      }, 30_000);
      bench.check = check;
    });
    bench.current = rec;
    performance.clearResourceTimings();
  };
}

interface Measured {
  label: string;
  /** Start (click, last keystroke, URL change or scroll) → new rows in the DOM → painted. */
  totalMs: number | null;
  /** The /api/fleet/routers answer for those rows: request start → end of body. */
  fetchMs: number | null;
  /** Server side seen from the browser: request sent → first byte (Next + query + JSON). */
  serverMs: number | null;
  /** Other requests in flight between the start and the paint (path @start+duration, ms). */
  concurrent: string[];
  /** The route's Server-Timing phases (auth, snapshot, query, json, total), ms. */
  serverTiming: Record<string, number> | null;
  /** Start → the browser starting that request (URL change, React render, React Query scheduling). */
  requestAfterStartMs: number | null;
  /** End of the response body → rows painted (JSON parse, React Query, render, layout, paint). */
  paintAfterDataMs: number | null;
  longTasks: number;
  longTaskMaxMs: number;
  longTaskTotalMs: number;
  /** Event Timing duration of the click/keydown (≈ INP for that interaction), when ≥ 16 ms. */
  eventDurationMs: number | null;
  timedOut: boolean;
}

async function collect(page: Page, label: string, apiMatch: string, subtractMs = 0): Promise<Measured> {
  await page.evaluate(
    () => (window as unknown as { __bench: { current: { done: Promise<void> } } }).__bench.current.done,
  );
  // Event Timing entries arrive a frame later.
  await sleep(100);
  const raw = await page.evaluate((match: string) => {
    const b = (window as unknown as { __bench: Record<string, unknown> }).__bench;
    const rec = b.current as {
      t0: number | null;
      changedAt: number | null;
      paintedAt: number | null;
      timedOut: boolean;
    };
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.name.includes('/api/fleet/routers') && r.name.includes(match),
    );
    const res = resources.find((r) => rec.t0 === null || r.startTime >= rec.t0 - 1) ?? null;
    const longtasks = (b.longtasks as Array<{ start: number; duration: number }>).filter(
      (t) => rec.t0 !== null && rec.paintedAt !== null && t.start + t.duration >= rec.t0 && t.start <= rec.paintedAt,
    );
    const events = (b.events as Array<{ name: string; start: number; duration: number }>).filter(
      (e) =>
        rec.t0 !== null &&
        Math.abs(e.start - rec.t0) < 5 &&
        ['click', 'pointerup', 'keydown', 'keyup', 'input'].includes(e.name),
    );
    return {
      rec: { t0: rec.t0, changedAt: rec.changedAt, paintedAt: rec.paintedAt, timedOut: rec.timedOut },
      res: res
        ? {
            start: res.startTime,
            requestStart: res.requestStart,
            responseStart: res.responseStart,
            responseEnd: res.responseEnd,
            serverTiming: Object.fromEntries(
              (res.serverTiming ?? []).map((t) => [t.name, Math.round(t.duration * 10) / 10]),
            ),
          }
        : null,
      longtasks,
      others: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter(
          (r) =>
            r !== res &&
            rec.t0 !== null &&
            rec.paintedAt !== null &&
            r.startTime <= rec.paintedAt &&
            r.responseEnd >= rec.t0,
        )
        .map((r) => `${new URL(r.name).pathname} @${Math.round(r.startTime - rec.t0!)}+${Math.round(r.duration)}`),
      eventMax: events.length > 0 ? Math.max(...events.map((e) => e.duration)) : null,
    };
  }, apiMatch);
  const { rec, res } = raw;
  const ok = rec.t0 !== null && rec.paintedAt !== null && !rec.timedOut;
  return {
    label,
    totalMs: ok ? round(rec.paintedAt! - rec.t0! - subtractMs, 1) : null,
    fetchMs: res ? round(res.responseEnd - res.start, 1) : null,
    serverMs: res && res.requestStart > 0 ? round(res.responseStart - res.requestStart, 1) : null,
    serverTiming: res?.serverTiming ?? null,
    concurrent: raw.others,
    requestAfterStartMs: ok && res ? round(res.start - rec.t0!, 1) : null,
    paintAfterDataMs: ok && res ? round(rec.paintedAt! - res.responseEnd, 1) : null,
    longTasks: raw.longtasks.length,
    longTaskMaxMs: round(Math.max(0, ...raw.longtasks.map((t) => t.duration)), 0),
    longTaskTotalMs: round(
      raw.longtasks.reduce((n, t) => n + t.duration, 0),
      0,
    ),
    eventDurationMs: raw.eventMax,
    timedOut: rec.timedOut,
  };
}

/**
 * Polls the BFF until the snapshot's first full sync is done and holds every router, then until the
 * served table has settled (its ETag unchanged for 3 s): the last phases of a first sync (health,
 * locations) change every row, and the server indexes them in the background for a second or two.
 * The interactions measured afterwards are the steady state, not the start-up.
 */
export async function waitForSnapshot(app: BenchApp, state: StorageState, log: (line: string) => void) {
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const t = performance.now();
  let lastLog = 0;
  let ready = false;
  let etag: string | null = null;
  let stableSince = 0;
  for (;;) {
    const response = await fetch(`${app.baseUrl}/api/fleet/routers?limit=1`, {
      headers: { Cookie: cookie, Accept: 'application/json' },
    });
    if (response.ok) {
      const body = (await response.json()) as { total: number; sync: { phase: string; loadedRouters: number } };
      ready ||= body.sync.phase === 'ready' && body.total === app.routers;
      const tag = response.headers.get('etag');
      if (tag !== etag) {
        etag = tag;
        stableSince = performance.now();
      }
      if (ready && performance.now() - stableSince >= 3_000) return round((performance.now() - t) / 1000, 1);
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(
          `  waiting for the ${app.routers.toLocaleString('en-US')}-router snapshot: phase ${body.sync.phase}, ${body.sync.loadedRouters} loaded, ${round((performance.now() - t) / 1000, 0)} s`,
        );
      }
    } else {
      await response.arrayBuffer();
    }
    if (performance.now() - t > 8 * 60_000)
      throw new Error(`snapshot of ${app.routers} routers not ready after 8 minutes`);
    await sleep(ready ? 500 : 1_000);
  }
}

// Ten of each, so a run's median is not one sample's luck.
const SORT_COLUMNS = [
  'RSRP',
  'Carrier',
  'Product',
  'Firmware',
  'Group',
  'Account',
  'IP',
  'State since',
  'Signal',
  'Name',
];
const SORT_KEYS: Record<string, string> = {
  RSRP: 'rsrp',
  Carrier: 'carrier',
  Product: 'productName',
  Firmware: 'firmwareVersion',
  Group: 'groupName',
  Account: 'accountName',
  IP: 'ipv4Address',
  'State since': 'stateUpdatedAt',
  Signal: 'rsrp',
  Name: 'name',
};
const FILTERS = ['kiosk', 'pd', 'shop', 'site', 'van', 'bus', 'den', 'sea', 'atl', 'chi'];
const URL_FILTERS = ['bus', 'kiosk-', 'site-'];

/** Server answer time for the same sort/filter queries, over HTTP from Node (cold first call, then warm p50). */
async function serverTimes(app: BenchApp, state: StorageState) {
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const queries = [...SORT_COLUMNS.map((c) => `sort=${SORT_KEYS[c]}`), ...FILTERS.map((q) => `q=${q}`)];
  const time = async (query: string) => {
    const t = performance.now();
    const response = await fetch(`${app.baseUrl}/api/fleet/routers?${query}&offset=0&limit=200`, {
      headers: { Cookie: cookie, Accept: 'application/json' },
    });
    await response.arrayBuffer();
    return performance.now() - t;
  };
  // The browser run already made these queries once; repeated calls show the warm cost.
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) for (const q of queries) warm.push(await time(q));
  // A sort direction nobody asked for yet: the first call builds that order.
  const cold = await time('sort=sinr&dir=desc');
  return {
    warmP50Ms: round(percentile(warm, 50), 1),
    warmP95Ms: round(percentile(warm, 95), 1),
    coldSortMs: round(cold, 1),
    note: 'HTTP from Node to next start: auth, zod, query, DTO, JSON',
  };
}

async function measureHardLoad(page: Page) {
  await page.goto('/routers', { waitUntil: 'load' });
  await page.locator('[data-testid=router-row]').first().waitFor({ timeout: 60_000 });
  await sleep(500);
  const load = await page.evaluate(() => {
    const b = (window as unknown as { __bench: Record<string, unknown> }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const painted = b.firstRowPaintedAt as number;
    const longtasks = (b.longtasks as Array<{ start: number; duration: number }>).filter((t) => t.start <= painted);
    return {
      ttfbMs: nav.responseStart,
      documentEndMs: nav.responseEnd,
      firstRowInDomMs: b.firstRowAt as number,
      rowsPaintedMs: painted,
      fcpMs: fcp,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      htmlBytes: nav.decodedBodySize,
      longTasks: longtasks.length,
      longTaskTotalMs: longtasks.reduce((n, t) => n + t.duration, 0),
      longTaskMaxMs: Math.max(0, ...longtasks.map((t) => t.duration)),
    };
  });
  return Object.fromEntries(Object.entries(load).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v]));
}

export async function tableRun(browser: Browser, app: BenchApp, state: StorageState) {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: app.baseUrl, storageState: state });
  // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it to run our functions.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(instrument);
  const page = await context.newPage();

  // Hard load: the first window arrives with the HTML (server prefetch), so "data" is the document.
  // Twice: the first load follows the snapshot becoming ready, the reload shows the steady state.
  const hardLoad = await measureHardLoad(page);
  const reload = await measureHardLoad(page);

  // (a) Rows painted after their data: jump to a window nobody fetched yet; its /api/fleet/routers
  // answer is the data, the first paint of its rows the end.
  const scroll = page.getByTestId('fleet-scroll');
  const jumps: Measured[] = [];
  for (const fraction of [0.25, 0.5, 0.75]) {
    const index = Math.floor((app.routers * fraction) / 200) * 200 + 50;
    await page.evaluate((i: number) => {
      const b = (
        window as unknown as { __bench: { arm: (i: number, t: string) => void; current: { t0: number | null } } }
      ).__bench;
      b.arm(i, 'manual');
      b.current.t0 = performance.now();
      (document.querySelector('[data-testid=fleet-scroll]') as HTMLElement).scrollTop = i * 36;
    }, index);
    jumps.push(await collect(page, `jump to row ${index}`, `offset=${Math.floor(index / 200) * 200}&`));
  }
  await scroll.evaluate((el) => {
    el.scrollTop = 0;
  });
  await page.locator('[data-testid=router-row][data-row-index="0"]').waitFor();
  await sleep(500);

  // (b) Sort: a real click on a header; the clock starts at the click event.
  const sorts: Measured[] = [];
  for (const label of SORT_COLUMNS) {
    await page.evaluate(() =>
      (window as unknown as { __bench: { arm: (i: number, t: string) => void } }).__bench.arm(0, 'click'),
    );
    await page.locator('thead button.sort-button', { hasText: label }).click();
    sorts.push(await collect(page, `sort by ${label}`, 'offset=0&'));
    await sleep(300);
  }

  // (c) Filter: type in the search box; the clock starts when the search is committed (the app's
  // User Timing mark after the box's 250 ms debounce), so the debounce itself is not counted.
  const filters: Measured[] = [];
  for (const q of FILTERS) {
    await page.evaluate(() =>
      (window as unknown as { __bench: { arm: (i: number, t: string) => void } }).__bench.arm(0, 'mark'),
    );
    await page.getByTestId('fleet-search').fill(q);
    filters.push(await collect(page, `search q=${q}`, `q=${q}&`));
    await sleep(300);
  }
  // The same through the URL alone (what Back/Forward does): no click to start the request early.
  const byUrl: Measured[] = [];
  for (const q of URL_FILTERS) {
    await page.evaluate((text: string) => {
      const b = (
        window as unknown as { __bench: { arm: (i: number, t: string) => void; current: { t0: number | null } } }
      ).__bench;
      b.arm(0, 'manual');
      b.current.t0 = performance.now();
      window.history.pushState(null, '', `/routers?q=${encodeURIComponent(text)}`);
    }, q);
    byUrl.push(await collect(page, `URL q=${q}`, `q=${q}&`));
    await sleep(300);
  }
  await context.close();

  const server = await serverTimes(app, state);
  const med = (list: Measured[], f: (m: Measured) => number | null) => {
    const values = list.map(f).filter((v): v is number => v !== null);
    return values.length > 0 ? round(percentile(values, 50), 1) : null;
  };
  const max = (list: Measured[], f: (m: Measured) => number | null) => {
    const values = list.map(f).filter((v): v is number => v !== null);
    return values.length > 0 ? round(Math.max(...values), 1) : null;
  };
  const summary = (list: Measured[]) => ({
    totalMedMs: med(list, (m) => m.totalMs),
    totalMaxMs: max(list, (m) => m.totalMs),
    serverMedMs: med(list, (m) => m.serverMs),
    requestAfterStartMedMs: med(list, (m) => m.requestAfterStartMs),
    paintAfterDataMedMs: med(list, (m) => m.paintAfterDataMs),
    paintAfterDataMaxMs: max(list, (m) => m.paintAfterDataMs),
    longTasks: list.reduce((n, m) => n + m.longTasks, 0),
    longTaskMaxMs: max(list, (m) => m.longTaskMaxMs) ?? 0,
    eventMaxMs: max(list, (m) => m.eventDurationMs),
    timedOut: list.filter((m) => m.timedOut).length,
  });
  return {
    routers: app.routers,
    hardLoad,
    reload,
    rowsAfterData: summary(jumps),
    sort: summary(sorts),
    filter: summary(filters),
    filterByUrl: summary(byUrl),
    serverHttp: server,
    samples: { jumps, sorts, filters, byUrl },
  };
}

export type TableRun = Awaited<ReturnType<typeof tableRun>>;
