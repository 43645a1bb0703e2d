import { expect, rowsSettled, type SimRouter, simulatorGet, test } from './fixtures';

interface SimList<T> {
  data: T[];
  meta: { next: string | null };
}

test.describe('router list and detail', () => {
  test('the list shows the simulator\u2019s routers, and the URL offset opens at that row', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers');
    const rows = page.getByTestId('router-row');
    await expect(rows.first()).toBeVisible();
    // Windowed: far fewer rows in the DOM than the fleet holds.
    expect(await rows.count()).toBeLessThan(120);
    await expect(page.getByTestId('routers-total')).toContainText('1,000 routers match');

    const first = await rows.first().getByRole('link').textContent();
    await page.goto('/routers?offset=50');
    const row50 = page.locator('[data-testid="router-row"][data-row-index="50"]');
    await expect(row50).toBeInViewport();
    await page.goto('/routers');
    await expect(rows.first().getByRole('link')).toHaveText(first ?? '');
  });

  test('the state filter lives in the URL and only shows routers in that state', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers');
    await page.getByTestId('state-chip-offline').click();
    await expect(page).toHaveURL(/state=offline/);
    await expect(page.getByTestId('state-chip-offline')).toHaveAttribute('aria-pressed', 'true');
    await rowsSettled(page);
    const badges = page.getByTestId('router-row').locator('.badge');
    await expect(badges.first()).toHaveText('offline');
    const texts = await badges.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts)).toEqual(new Set(['offline']));
  });

  test('a detail page opens by direct URL with the router\u2019s fields and net devices', async ({ signedInAs }) => {
    const page = await signedInAs('diag');
    const list = await simulatorGet<SimList<SimRouter>>('/routers/?limit=1&offset=7&order_by=id');
    const router = list.data[0];
    const devices = await simulatorGet<SimList<{ id: string; name: string }>>(
      `/net_devices/?router=${router.id}&limit=50`,
    );
    const response = await page.goto(`/routers/${router.id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('router-name')).toContainText(router.name);
    await expect(page.getByTestId('net-device-row')).toHaveCount(devices.data.length);
    expect(devices.data.length).toBeGreaterThan(0);
    await expect(page.getByTestId('net-devices-table')).toContainText(devices.data[0].name);
  });

  test('an unknown router id gives a not-found page with a way back', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    const response = await page.goto('/routers/999999999');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('router-not-found')).toBeVisible();
    await page.getByRole('link', { name: 'Back to all routers' }).click();
    await expect(page).toHaveURL(/\/routers$/);
  });

  test('a bad filter in a link is explained, not a crash', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    const response = await page.goto('/routers?state=sideways');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('status').filter({ hasText: 'does not understand' })).toBeVisible();
    await expect(page.getByTestId('router-row').first()).toBeVisible();
  });
});
