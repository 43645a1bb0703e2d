import { expect, simulatorControl, simulatorGet, test } from './fixtures';

/** A router with a known position, its serial number as printed on its label. */
async function locatedRouter(): Promise<{ id: string; name: string; serial: string }> {
  const locations = await simulatorGet<{ data: Array<{ router: string }> }>('/locations/?limit=20');
  const id = locations.data.map((l) => l.router.match(/routers\/(\d+)\//)?.[1]).find(Boolean) as string;
  const router = await simulatorGet<{ id: string; name: string; serial_number: string }>(`/routers/${id}/`);
  return { id, name: router.name, serial: router.serial_number };
}

async function rebootCalls(): Promise<number> {
  const stats = (await (await simulatorControl('/stats')).json()) as { byPath: Record<string, number> };
  return stats.byPath['/api/v2/reboot_activity/'] ?? 0;
}

test.describe('field view on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('finds a router by its serial, shows its live signal, and opens it on the map', async ({ signedInAs }) => {
    const target = await locatedRouter();
    const page = await signedInAs('viewer');
    await page.goto('/field');
    await page.getByLabel('Name, serial, MAC, IMEI or asset id').fill(target.serial);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page).toHaveURL(new RegExp(`/field/${target.id}$`));
    await expect(page.getByTestId('field-router-name')).toContainText(target.name);
    await expect(page.getByTestId('signal-gauge').first()).toContainText(/dBm|No reading/);
    // The gauges refresh on their own while the screen is open.
    const first = await page.getByTestId('reading-time').first().textContent();
    await expect
      .poll(() => page.getByTestId('reading-time').first().textContent(), { timeout: 20_000 })
      .not.toBe(first);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'On the fleet map' }).click();
    await expect(page).toHaveURL(new RegExp(`/map\\?focus=${target.id}$`));
    await expect(page.getByTestId('map-popup')).toContainText(target.name);
  });

  test('Full Access reboots after a confirmation naming the router; NCM receives it and the audit records it', async ({
    signedInAs,
  }) => {
    const target = await locatedRouter();
    const page = await signedInAs('operator');
    await page.goto(`/field/${target.id}`);
    const before = await rebootCalls();
    await page.getByRole('button', { name: 'Reboot…' }).click();
    await expect(page.getByRole('alertdialog')).toContainText(`Reboot ${target.name}?`);
    await page.getByRole('button', { name: `Reboot ${target.name}` }).click();
    await expect(page.getByTestId('reboot-sent')).toBeVisible();
    expect(await rebootCalls()).toBe(before + 1);
    await page.goto('/activity');
    await expect(
      page
        .getByTestId('audit-row')
        .filter({ hasText: `Router ${target.id}` })
        .filter({ hasText: 'Rebooted router' })
        .filter({ hasText: '(operator,' })
        .first(),
    ).toBeVisible();
  });

  test('Read Only sees no reboot control, and a forced reboot gets 403 without reaching NCM', async ({
    signedInAs,
  }) => {
    const target = await locatedRouter();
    const page = await signedInAs('viewer');
    await page.goto(`/field/${target.id}`);
    await expect(page.getByTestId('field-router-name')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reboot…' })).toHaveCount(0);
    const before = await rebootCalls();
    const response = await page.request.post(`/api/routers/${target.id}/reboot`, {
      data: {},
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status()).toBe(403);
    expect(await rebootCalls()).toBe(before);
  });

  test('is installable: the manifest and its icons are served without a session', async ({ request }) => {
    const response = await request.get('/manifest.webmanifest', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: 'Fleet Console', start_url: '/field', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const image = await request.get(icon.src, { maxRedirects: 0 });
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
    }
  });
});
