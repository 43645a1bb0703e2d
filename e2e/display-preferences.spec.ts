import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sampleRouter } from './pages';

/** Relative luminance (0 black … 1 white) of a computed CSS colour such as "rgb(15, 22, 29)". */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

async function choose(page: Page, testId: string): Promise<void> {
  await page.getByTestId('display-settings-button').click();
  await page.getByTestId(testId).click();
  await expect(page.getByTestId(testId)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
}

test.describe('dark mode', () => {
  test('follows the system until the viewer chooses, and the choice is remembered and rendered by the server', async ({
    signedInAs,
  }) => {
    const page = await signedInAs('viewer');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);

    await choose(page, 'theme-dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
    // The server sends the chosen theme in the first byte of HTML: no flash of the system's theme.
    const html = await (await page.request.get('/routers')).text();
    expect(html).toMatch(/<html[^>]*data-theme="dark"/);
    await page.goto('/alerts');
    expect(luminance(await pageBackground(page))).toBeLessThan(0.05);

    await choose(page, 'theme-system');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
    await page.goto('about:blank');
  });

  test('charts and maps follow the theme', async ({ signedInAs }) => {
    const router = await sampleRouter();
    const page = await signedInAs('viewer');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/routers/${router.id}?tab=signal`);
    const line = page.locator('path.chart-line').first();
    await expect(line).toBeAttached();
    const strokeDark = await line.evaluate((el) => getComputedStyle(el).stroke);
    const gridDark = await page
      .locator('.recharts-cartesian-grid line')
      .first()
      .evaluate((el) => getComputedStyle(el).stroke);
    await page.emulateMedia({ colorScheme: 'light' });
    const strokeLight = await line.evaluate((el) => getComputedStyle(el).stroke);
    expect(luminance(strokeDark)).toBeGreaterThan(luminance(strokeLight));
    expect(luminance(gridDark)).toBeLessThan(0.1);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/map?focus=${router.id}`);
    const land = page.locator('path.map-land').first();
    await expect(land).toBeAttached();
    expect(luminance(await land.evaluate((el) => getComputedStyle(el).fill))).toBeLessThan(0.05);
    expect(
      luminance(await page.locator('.map-canvas').evaluate((el) => getComputedStyle(el).backgroundColor)),
    ).toBeLessThan(0.05);
    await expect(page.getByTestId('map-popup')).toBeVisible();
    expect(
      luminance(
        await page.locator('.leaflet-popup-content-wrapper').evaluate((el) => getComputedStyle(el).backgroundColor),
      ),
    ).toBeLessThan(0.05);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(luminance(await land.evaluate((el) => getComputedStyle(el).fill))).toBeGreaterThan(0.8);
  });
});

test.describe('times', () => {
  // A zone without daylight saving, so the label does not depend on the date the suite runs.
  test.use({ timezoneId: 'Asia/Kolkata' });

  test('are UTC until the viewer chooses their own zone; every time says which, and the choice is remembered', async ({
    signedInAs,
  }) => {
    const router = await sampleRouter();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${router.id}`);
    const asOf = page.getByTestId('router-as-of');
    await expect(asOf).toContainText(/\d\d:\d\d UTC\./);

    await choose(page, 'times-local');
    await expect(asOf).toContainText(/\d\d:\d\d UTC\+5:30\./);
    await expect(page.getByTestId('times-note')).toContainText(/Asia\/(Kolkata|Calcutta)/);
    // Rendered so by the server, not corrected after load.
    expect(await (await page.request.get(`/routers/${router.id}`)).text()).toContain('UTC+5:30');
    // Client-rendered times and the charts' default zone follow the same choice.
    await page.goto('/routers?cols=stateUpdatedAt');
    await expect(page.getByTestId('router-row').first().locator('td[data-column="stateUpdatedAt"] time')).toContainText(
      'UTC+5:30',
    );
    await page.goto(`/routers/${router.id}?tab=signal`);
    await expect(page.getByLabel('Times in')).toHaveValue('local');

    await choose(page, 'times-utc');
    await page.goto(`/routers/${router.id}`);
    await expect(asOf).toContainText(/\d\d:\d\d UTC\./);
    await page.goto(`/routers/${router.id}?tab=signal`);
    await expect(page.getByLabel('Times in')).toHaveValue('utc');
  });
});
