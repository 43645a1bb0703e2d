/**
 * #12 Lab Web Vitals (LCP, CLS, INP) of the pages a technician uses — `/`, `/routers`, a router page,
 * `/field` and a router's field view — on a phone (390 × 844, touch, 3× pixels, CPU slowed 4× through
 * the DevTools protocol) beside the same pages on a desktop (1280 × 800, full speed), against
 * `next start` and the simulator. Each run is a fresh browser context (empty cache, signed in); on the
 * phone the same context then loads the page again with the offline worker in charge ("repeat visit").
 * One interaction per page (a tap, or a click on the desktop) gives INP. Goals (phone): LCP ≤ 1.0 s,
 * CLS ≤ 0.01, INP ≤ 100 ms. Reported, never asserted.
 *
 * Measured in the page with PerformanceObserver, as the web-vitals library defines them: LCP is the
 * last largest-contentful-paint before the first input; CLS the largest session window of layout
 * shifts without recent input (gaps < 1 s, windows ≤ 5 s); INP the longest interaction (event entries
 * grouped by interactionId; with a single interaction per page it is that interaction), or the
 * first-input entry when no event reached the 16 ms reporting threshold.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import type { BenchApp } from './app';
import { percentile, round, sleep } from './stats';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export const VITALS_GOALS = { lcpMs: 1_000, cls: 0.01, inpMs: 100 } as const;
export const PHONE_CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;

interface VitalsPage {
  label: string;
  path: string;
  ready: (page: Page) => Promise<void>;
  interaction: string;
  interact: (page: Page, touch: boolean) => Promise<void>;
}

export interface VitalsSample {
  lcpMs: number | null;
  cls: number;
  inpMs: number | null;
  ttfbMs: number;
  fcpMs: number | null;
}

export interface VitalsSummary {
  runs: number;
  lcpMs: number | null;
  cls: number | null;
  inpMs: number | null;
  ttfbMs: number | null;
  fcpMs: number | null;
  /** The worst run, for the goals (a median can hide one bad load). */
  worst: { lcpMs: number | null; cls: number | null; inpMs: number | null };
}

export interface VitalsRow {
  label: string;
  path: string;
  interaction: string;
  desktop: VitalsSummary;
  phone: VitalsSummary;
  phoneRepeat: VitalsSummary;
}

/** Installed before any page script: collects the entries the three metrics are made of. */
function observeVitals() {
  type Shift = { t: number; value: number };
  const v = {
    lcp: [] as number[],
    shifts: [] as Shift[],
    events: [] as Array<{ id: number; duration: number }>,
    firstInput: null as number | null,
  };
  (window as unknown as { __vitals: typeof v }).__vitals = v;
  const observe = (
    type: string,
    onEntry: (entry: PerformanceEntry & Record<string, unknown>) => void,
    extra: Record<string, unknown> = {},
  ) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) onEntry(entry as PerformanceEntry & Record<string, unknown>);
      }).observe({ type, buffered: true, ...extra } as PerformanceObserverInit);
    } catch {
      // an entry type this browser lacks
    }
  };
  observe('largest-contentful-paint', (e) => v.lcp.push(e.startTime));
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) v.shifts.push({ t: e.startTime, value: e.value as number });
  });
  observe(
    'event',
    (e) => {
      if (e.interactionId) v.events.push({ id: e.interactionId as number, duration: e.duration });
    },
    { durationThreshold: 16 },
  );
  observe('first-input', (e) => {
    v.firstInput = e.duration;
  });
}

async function readLcp(page: Page): Promise<{ lcpMs: number | null; ttfbMs: number; fcpMs: number | null }> {
  return page.evaluate(() => {
    const v = (window as unknown as { __vitals: { lcp: number[] } }).__vitals;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      lcpMs: v.lcp.length > 0 ? v.lcp[v.lcp.length - 1]! : null,
      ttfbMs: nav.responseStart,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    };
  });
}

async function readClsAndInp(page: Page): Promise<{ cls: number; inpMs: number | null }> {
  return page.evaluate(() => {
    const v = (
      window as unknown as {
        __vitals: {
          shifts: Array<{ t: number; value: number }>;
          events: Array<{ id: number; duration: number }>;
          firstInput: number | null;
        };
      }
    ).__vitals;
    let cls = 0;
    let session = 0;
    let sessionStart = -Infinity;
    let last = -Infinity;
    for (const s of [...v.shifts].sort((a, b) => a.t - b.t)) {
      if (s.t - last > 1_000 || s.t - sessionStart > 5_000) {
        session = 0;
        sessionStart = s.t;
      }
      session += s.value;
      last = s.t;
      cls = Math.max(cls, session);
    }
    const perInteraction = new Map<number, number>();
    for (const e of v.events) perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.duration));
    const longest = perInteraction.size > 0 ? Math.max(...perInteraction.values()) : null;
    return { cls, inpMs: longest ?? v.firstInput };
  });
}

async function press(locator: Locator, touch: boolean): Promise<void> {
  if (touch) await locator.tap();
  else await locator.click();
}

function pagesFor(routerId: string): VitalsPage[] {
  return [
    {
      label: 'Overview',
      path: '/',
      ready: (page) => page.getByTestId('state-tiles').waitFor({ timeout: 60_000 }),
      interaction: 'tap the Offline tile (client-side navigation)',
      interact: (page, touch) => press(page.getByTestId('tile-offline'), touch),
    },
    {
      label: 'Routers',
      path: '/routers',
      ready: (page) => page.getByTestId('router-row').first().waitFor({ timeout: 60_000 }),
      interaction: 'tap the "offline" state filter',
      interact: (page, touch) => press(page.getByTestId('state-chip-offline'), touch),
    },
    {
      label: 'Router page',
      path: `/routers/${routerId}`,
      ready: (page) => page.getByTestId('router-name').waitFor({ timeout: 60_000 }),
      interaction: 'tap the Modems tab',
      interact: (page, touch) => press(page.getByTestId('router-tabs').getByRole('link', { name: 'Modems' }), touch),
    },
    {
      label: 'Field search',
      path: '/field',
      ready: (page) => page.getByLabel('Name, serial, MAC, IMEI or asset id').waitFor({ timeout: 60_000 }),
      interaction: 'tap the search box and type a letter',
      interact: async (page, touch) => {
        await press(page.getByLabel('Name, serial, MAC, IMEI or asset id'), touch);
        await page.keyboard.type('b');
      },
    },
    {
      label: 'Field view',
      path: `/field/${routerId}`,
      // The live gauges arrive after the page, from the browser: they are part of what is painted.
      ready: (page) => page.locator('#live-heading, [data-testid=field-modem]').first().waitFor({ timeout: 60_000 }),
      interaction: 'tap Reboot… (opens the confirmation; nothing is sent)',
      interact: (page, touch) => press(page.getByRole('button', { name: 'Reboot…' }), touch),
    },
  ];
}

async function measure(
  context: BrowserContext,
  def: VitalsPage,
  options: { slowdown: number; touch: boolean },
): Promise<{ sample: VitalsSample; page: Page }> {
  const page = await context.newPage();
  if (options.slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.slowdown });
  }
  await page.goto(def.path, { waitUntil: 'load', timeout: 90_000 });
  await def.ready(page);
  // Late sections and their shifts, and the last LCP candidate.
  await sleep(1_500);
  const load = await readLcp(page);
  await def.interact(page, options.touch);
  // Event Timing entries arrive after the next paint.
  await sleep(800);
  const after = await readClsAndInp(page);
  const sample: VitalsSample = {
    lcpMs: load.lcpMs === null ? null : round(load.lcpMs, 0),
    cls: round(after.cls, 4),
    inpMs: after.inpMs === null ? null : round(after.inpMs, 0),
    ttfbMs: round(load.ttfbMs, 0),
    fcpMs: load.fcpMs === null ? null : round(load.fcpMs, 0),
  };
  return { sample, page };
}

function summarise(samples: VitalsSample[]): VitalsSummary {
  const values = (f: (s: VitalsSample) => number | null) => samples.map(f).filter((v): v is number => v !== null);
  const med = (f: (s: VitalsSample) => number | null) =>
    values(f).length > 0 ? round(percentile(values(f), 50), 4) : null;
  const max = (f: (s: VitalsSample) => number | null) => (values(f).length > 0 ? Math.max(...values(f)) : null);
  return {
    runs: samples.length,
    lcpMs: med((s) => s.lcpMs),
    cls: med((s) => s.cls),
    inpMs: med((s) => s.inpMs),
    ttfbMs: med((s) => s.ttfbMs),
    fcpMs: med((s) => s.fcpMs),
    worst: { lcpMs: max((s) => s.lcpMs), cls: max((s) => s.cls), inpMs: max((s) => s.inpMs) },
  };
}

/** A router with a modem and a location, so its pages show gauges and a map like most do. */
async function pickRouter(app: BenchApp, state: StorageState): Promise<string> {
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(`${app.baseUrl}/api/fleet/routers?limit=50&state=online`, {
    headers: { Cookie: cookie, Accept: 'application/json' },
  });
  const body = (await response.json()) as {
    rows: Array<{ id: string; rsrp?: number | null; latitude?: number | null }>;
  };
  const row = body.rows.find((r) => typeof r.rsrp === 'number' && typeof r.latitude === 'number') ?? body.rows[0];
  if (!row) throw new Error('no router to measure');
  return row.id;
}

async function newContext(
  browser: Browser,
  app: BenchApp,
  state: StorageState,
  phone: boolean,
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...(phone ? PHONE : DESKTOP), baseURL: app.baseUrl, storageState: state });
  // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it to run ours.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(observeVitals);
  return context;
}

export async function bench12(browser: Browser, app: BenchApp, state: StorageState, log: (line: string) => void) {
  const runs = Math.max(1, Number(process.env.BENCH_VITALS_RUNS ?? 3));
  const routerId = await pickRouter(app, state);
  const rows: VitalsRow[] = [];
  for (const def of pagesFor(routerId)) {
    const desktop: VitalsSample[] = [];
    const phone: VitalsSample[] = [];
    const phoneRepeat: VitalsSample[] = [];
    for (let run = 0; run < runs; run++) {
      const d = await newContext(browser, app, state, false);
      try {
        desktop.push((await measure(d, def, { slowdown: 1, touch: false })).sample);
      } finally {
        await d.close();
      }
      const p = await newContext(browser, app, state, true);
      try {
        const first = await measure(p, def, { slowdown: PHONE_CPU_SLOWDOWN, touch: true });
        phone.push(first.sample);
        // The repeat visit: the offline worker registered itself on the first load.
        await first.page
          .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })
          .catch(() => undefined);
        await first.page.close();
        phoneRepeat.push((await measure(p, def, { slowdown: PHONE_CPU_SLOWDOWN, touch: true })).sample);
      } finally {
        await p.close();
      }
    }
    const row: VitalsRow = {
      label: def.label,
      path: def.path,
      interaction: def.interaction,
      desktop: summarise(desktop),
      phone: summarise(phone),
      phoneRepeat: summarise(phoneRepeat),
    };
    rows.push(row);
    log(
      `  #12 ${def.label} ${def.path}: phone LCP ${row.phone.lcpMs} ms, CLS ${row.phone.cls}, INP ${row.phone.inpMs} ms; desktop LCP ${row.desktop.lcpMs} ms`,
    );
  }
  return {
    routerId,
    runsPerPage: runs,
    phone: { ...PHONE, cpuSlowdown: PHONE_CPU_SLOWDOWN },
    desktop: { ...DESKTOP, cpuSlowdown: 1 },
    goals: VITALS_GOALS,
    rows,
    method:
      'fresh context per run (empty cache, signed in), load, page-specific ready element, 1.5 s settle, LCP read, one tap/click, 0.8 s; phone repeat = a second load in the same context with the offline worker in charge; medians of the runs',
  };
}

export type VitalsResult = Awaited<ReturnType<typeof bench12>>;
