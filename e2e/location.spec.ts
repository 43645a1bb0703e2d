import type { Locator, Page } from '@playwright/test';
import { expect, simulatorGet, test } from './fixtures';

const HOUR = 3_600_000;
/** A first track read may take a while on a loaded machine: NCM paged a chunk at a time, retried once. */
const FIRST_LOAD = { timeout: 45_000 };

interface SimRouterRow {
  id: string;
  name: string;
  state: string;
}

async function fixesOf(id: string, hours: number): Promise<number> {
  const since = encodeURIComponent(new Date(Date.now() - hours * HOUR).toISOString());
  const page = await simulatorGet<{ data: unknown[] }>(
    `/historical_locations/?router=${id}&created_at__gt=${since}&limit=500`,
  );
  return page.data.length;
}

/** An online bus with fixes in the last day (vehicles report one a minute while online). */
async function movingRouter(): Promise<SimRouterRow> {
  const list = await simulatorGet<{ data: SimRouterRow[] }>('/routers/?limit=200&fields=id,name,state');
  for (const r of list.data.filter((r) => /^BUS-/.test(r.name) && r.state === 'online')) {
    if ((await fixesOf(r.id, 24)) > 100) return r;
  }
  throw new Error('no online bus with fixes in the simulator');
}

/** A router that reported no fix in the last week (a fixed site without GPS). */
async function routerWithoutFixes(): Promise<SimRouterRow> {
  const list = await simulatorGet<{ data: SimRouterRow[] }>('/routers/?limit=200&offset=200&fields=id,name,state');
  for (const r of list.data.filter((r) => !/^(BUS|CAR|VAN|TRUCK)-/.test(r.name))) {
    if ((await fixesOf(r.id, 7 * 24)) === 0) return r;
  }
  throw new Error('no router without fixes in the simulator');
}

/**
 * How many pixels of the track canvas are drawn in each colour of the legend: the track is one
 * canvas, so this is how a test sees what it shows. Colours come from the page's own stylesheet.
 */
async function trackColours(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid="location-panel"]')!;
    const style = getComputedStyle(panel);
    const vars = [...document.querySelectorAll('[data-testid="track-legend"] li')].map(
      (li) => li.getAttribute('data-color-var')!,
    );
    const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-track-pane canvas');
    const counts: Record<string, number> = {};
    if (!canvas || canvas.width === 0 || canvas.height === 0) return counts;
    // The canvas shows a bitmap its worker painted: copied onto a 2D canvas to be read.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const reader = copy.getContext('2d', { willReadFrequently: true })!;
    reader.drawImage(canvas, 0, 0);
    const data = reader.getImageData(0, 0, canvas.width, canvas.height).data;
    const probe = document.createElement('canvas').getContext('2d')!;
    const rgb = (css: string) => {
      probe.fillStyle = css;
      const hex = probe.fillStyle as string;
      return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    };
    const wanted = vars.map((v) => [v, rgb(style.getPropertyValue(v).trim())] as const);
    for (const [v] of wanted) counts[v] = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 250) continue;
      for (const [v, [r, g, b]] of wanted) {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) counts[v]! += 1;
      }
    }
    return counts;
  });
}

const sum = (counts: Record<string, number>, prefix: string) =>
  Object.entries(counts).reduce((n, [k, v]) => (k.startsWith(prefix) ? n + v : n), 0);

/** The replay marker's place on screen. */
async function markerCentre(marker: Locator): Promise<{ x: number; y: number }> {
  const box = (await marker.boundingBox())!;
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

async function cursorX(page: Page): Promise<number | null> {
  const line = page.getByTestId('location-panel').locator('.chart-cursor line').first();
  if ((await line.count()) === 0) return null;
  return Number(await line.getAttribute('x1'));
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test.describe('location tab', () => {
  // Each test walks a whole flow (sign-in, a map, a chart, several reloads).
  test.describe.configure({ timeout: 120_000 });

  test('draws the track coloured by signal with its legend, recolours it by speed, and keeps the view after a reload', async ({
    signedInAs,
  }) => {
    const target = await movingRouter();
    const page = await signedInAs('viewer');
    const errors = collectErrors(page);
    const response = await page.goto(`/routers/${target.id}?tab=location&range=24h`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('link', { name: 'Location' })).toHaveAttribute('aria-current', 'page');
    const legend = page.getByTestId('track-legend');
    await expect(legend.getByRole('listitem')).toHaveText([
      /^Excellent \(−80 dBm and above\)/,
      /^Good/,
      /^Fair/,
      /^Poor \(below −100 dBm\)/,
      /^No reading/,
    ]);
    await expect(page.getByTestId('location-status')).toContainText(/[\d,]+ fixes from .* UTC to .* UTC/, FIRST_LOAD);
    // The map keeps its size from the first paint: nothing moves when Leaflet arrives.
    const frame = page.getByTestId('track-map');
    expect((await frame.boundingBox())!.height).toBe(420);
    await expect(page.locator('.leaflet-track-pane canvas')).toBeAttached();
    // Painted off the main thread: the built app's worker script loads under the page's policy.
    await expect(page.locator('.leaflet-track-pane canvas')).toHaveAttribute('data-painter', 'worker', FIRST_LOAD);
    await expect
      .poll(async () => sum(await trackColours(page), '--track-signal-'), { timeout: 15_000 })
      .toBeGreaterThan(200);
    expect(sum(await trackColours(page), '--track-speed-')).toBe(0);

    await page.getByRole('button', { name: 'Speed', exact: true }).click();
    await expect(page).toHaveURL(/color=speed/);
    await expect(legend.getByRole('listitem').first()).toHaveText(/Stopped/);
    await expect.poll(async () => sum(await trackColours(page), '--track-speed-')).toBeGreaterThan(200);
    expect(sum(await trackColours(page), '--track-signal-')).toBe(0);

    await page.getByRole('button', { name: 'Last hour' }).click();
    await expect(page).toHaveURL(/range=1h/);
    await page.reload();
    await expect(page).toHaveURL(/color=speed/);
    await expect(page.getByRole('button', { name: 'Speed', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Last hour' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => sum(await trackColours(page), '--track-speed-')).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  });

  test('a browser without workers gets the same track, painted on the page', async ({ signedInAs }) => {
    const target = await movingRouter();
    const page = await signedInAs('viewer');
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'Worker', { value: undefined, configurable: true });
    });
    await page.goto(`/routers/${target.id}?tab=location&range=24h`);
    const canvas = page.locator('.leaflet-track-pane canvas');
    await expect(canvas).toHaveAttribute('data-painter', 'page', FIRST_LOAD);
    await expect
      .poll(async () => sum(await trackColours(page), '--track-signal-'), { timeout: 15_000 })
      .toBeGreaterThan(200);
    expect(errors).toEqual([]);
  });

  test('replay: the slider and play move the marker and the chart cursor, the chart moves the marker, and Copy link reopens the position', async ({
    signedInAs,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const target = await movingRouter();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${target.id}?tab=location&range=1h&speed=60`);
    const slider = page.getByRole('slider', { name: 'Replay position' });
    const marker = page.getByTestId('track-position');
    await expect(marker).toBeVisible(FIRST_LOAD);
    await expect(page.getByTestId('location-panel').locator('path.chart-line').first()).toBeVisible();
    const readout = page.getByTestId('replay-readout');
    await expect(readout).toContainText('fix 1 of');

    // Keyboard: each arrow press is one fix; the marker and the chart cursor follow.
    const startLabel = await marker.getAttribute('aria-label');
    const startPlace = await markerCentre(marker);
    const startCursor = await cursorX(page);
    expect(startCursor).not.toBeNull();
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(readout).toContainText('fix 6 of');
    await expect(marker).not.toHaveAttribute('aria-label', startLabel!);
    await expect.poll(() => cursorX(page)).toBeGreaterThan(startCursor!);
    expect(await markerCentre(marker)).not.toEqual(startPlace);
    await expect(slider).toHaveAttribute('aria-valuetext', /UTC$/);
    await expect(page).toHaveURL(/at=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d(\.\d{3})?Z/);

    // Play at 60×: a minute of track a second, so the readout moves on by fixes, then pause.
    await page.getByRole('button', { name: 'Play replay' }).click();
    await expect(page.getByRole('button', { name: 'Pause replay' })).toBeVisible();
    await expect
      .poll(async () => Number((await readout.textContent())?.match(/fix (\d+) of/)?.[1] ?? 0), { timeout: 10_000 })
      .toBeGreaterThan(7);
    await page.getByRole('button', { name: 'Pause replay' }).click();
    await expect(page.getByRole('button', { name: 'Play replay' })).toBeVisible();
    const pausedAt = (await readout.textContent())!;
    const pausedLabel = (await marker.getAttribute('aria-label'))!;

    // Pointing at the chart moves the marker to where the router was then; leaving puts it back.
    const plot = page.getByTestId('location-panel').locator('.recharts-surface').first();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect(marker).not.toHaveAttribute('aria-label', pausedLabel);
    await page.mouse.move(box.x + box.width / 2, box.y - 200);
    await expect(marker).toHaveAttribute('aria-label', pausedLabel);

    // The link holds the position: Copy link, opened again, shows the replay where it was paused.
    await expect.poll(() => new URL(page.url()).searchParams.get('at')).not.toBeNull();
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-link-status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    await page.goto('about:blank');
    await page.goto(copied);
    // The same fix (its index may shift as the last hour slides on).
    const pausedFix = pausedAt.match(/fix of ([^,]+),/)![1]!;
    await expect(readout).toContainText(`fix of ${pausedFix},`, FIRST_LOAD);
    await expect(page).toHaveURL(/speed=60/);
    await expect(page.getByTestId('replay-speed')).toHaveValue('60');
  });

  test('a link with bad parameters says which, shows the defaults for those and keeps the rest', async ({
    signedInAs,
  }) => {
    const target = await movingRouter();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${target.id}?tab=location&range=1h&color=rainbow&speed=500&at=yesterday&tz=router`);
    const banner = page.getByTestId('location-bad-params');
    await expect(banner).toContainText('"rainbow" is not signal or speed');
    await expect(banner).toContainText('"500" is not a whole number from 1 to 60');
    await expect(banner).toContainText('"yesterday" is not an ISO 8601 UTC time');
    await expect(page.getByRole('button', { name: 'Last hour' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Signal (RSRP)' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('replay-speed')).toHaveValue('10', FIRST_LOAD);
    // The router's own zone (NCM's locality) names itself wherever a time is shown.
    await expect(page.getByTestId('zone-select')).toHaveValue('router');
    await expect(page.getByTestId('location-status')).toContainText("the router's zone");
    await expect(page.getByTestId('replay-readout')).toContainText("the router's zone");
  });

  test('a router without fixes in the window says so', async ({ signedInAs }) => {
    const target = await routerWithoutFixes();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${target.id}?tab=location`);
    await expect(page.getByTestId('track-empty')).toHaveText(/No location fixes in this window/, FIRST_LOAD);
    await expect(page.getByTestId('replay-controls')).toHaveCount(0);
  });
});
