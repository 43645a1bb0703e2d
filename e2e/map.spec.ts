import type { Page } from '@playwright/test';
import { changeRouterInNcm, expect, simulatorGet, test } from './fixtures';

/** Console errors and uncaught exceptions of a page, for "no console errors on map pages". */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

interface MapBody {
  located: number;
  unlocated: number;
  clusters: Array<{ count: number }>;
  routers: Array<{ id: string; state: string }>;
}

async function locatedRouterId(): Promise<string> {
  const list = await simulatorGet<{ data: Array<{ router: string }> }>('/locations/?limit=5');
  const url = list.data.find((l) => l.router)?.router ?? '';
  return url.match(/routers\/(\d+)\//)?.[1] ?? '';
}

test.describe('fleet map', () => {
  test('shows the fleet as clusters with their state mix on a basemap, and routers once zoomed in', async ({
    signedInAs,
  }) => {
    const page = await signedInAs('viewer');
    const errors = collectErrors(page);
    const response = await page.goto('/map');
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('map-status')).toContainText('routers on the map');
    const cluster = page.locator('.map-cluster').first();
    await expect(cluster).toBeVisible();
    await expect(cluster).toHaveAttribute('aria-label', /\d+ routers: \d+ (online|offline|initialized|unknown)/);
    // The offline basemap (country outlines) is drawn under the markers.
    await expect(page.locator('.leaflet-overlay-pane path').first()).toBeAttached();
    const before = await page.locator('.map-cluster').count();
    await cluster.click();
    await expect
      .poll(async () => (await page.locator('.map-router').count()) + (await page.locator('.map-cluster').count()))
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('.map-cluster, .map-router').length))
      .not.toBe(before);
    await page.reload();
    await expect(page.locator('.map-cluster').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('opens with the table’s filters, and the table opens with the map’s', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers?state=offline');
    await page.getByTestId('table-to-map').click();
    await expect(page).toHaveURL(/\/map\?state=offline$/);
    const all = (await (await page.request.get('/api/fleet/map?zoom=3')).json()) as MapBody;
    // The fleet lives: a router may go offline between two reads, so compare within one moment.
    await expect(async () => {
      const offline = (await (await page.request.get('/api/fleet/map?zoom=3&state=offline')).json()) as MapBody;
      expect(offline.located).toBeGreaterThan(0);
      expect(offline.located).toBeLessThan(all.located);
      await page.reload();
      await expect(page.getByTestId('map-status')).toContainText(
        `${offline.located.toLocaleString('en')} routers on the map`,
        { timeout: 3_000 },
      );
    }).toPass({ timeout: 30_000 });
    const mix = await page
      .locator('.map-cluster')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(mix.length).toBeGreaterThan(0);
    for (const label of mix) expect(label).not.toMatch(/ online| initialized| unknown/);
    await page.getByTestId('map-to-table').click();
    await expect(page).toHaveURL(/\/routers\?state=offline$/);
  });

  test('a router named like markup shows as text in its popup, and no script runs', async ({ signedInAs }) => {
    const id = await locatedRouterId();
    expect(id).not.toBe('');
    const hostile = '<img src=x onerror=alert(1)>';
    const original = (await simulatorGet<{ name: string }>(`/routers/${id}/`)).name;
    await changeRouterInNcm(id, { name: hostile });
    test.info().attach('renamed', { body: `${id}: ${original} → ${hostile}` });
    const page = await signedInAs('viewer');
    const errors = collectErrors(page);
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    // The snapshot picks the new name up at its next poll.
    await expect(async () => {
      await page.goto(`/map?focus=${id}`);
      await expect(page.getByTestId('map-popup')).toContainText(hostile, { timeout: 4_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('map-popup').locator('img')).toHaveCount(0);
    await expect(page.getByTestId('map-popup').getByRole('link', { name: 'Open router' })).toHaveAttribute(
      'href',
      `/routers/${id}`,
    );
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await changeRouterInNcm(id, { name: original });
    // The next specs read the table sorted by name: wait until the dashboard has the old name back.
    await expect
      .poll(async () => ((await (await page.request.get(`/api/routers/${id}`)).json()) as { name: string }).name, {
        timeout: 30_000,
      })
      .toBe(original);
  });
});
