import { expect, simulatorGet, test } from './fixtures';
import { USERS } from './test-env';

async function routerWithModems(): Promise<{ id: string; name: string }> {
  const devices = await simulatorGet<{ data: Array<{ router: string; type: string }> }>(
    '/net_devices/?limit=50&offset=40',
  );
  const url = devices.data.find((d) => d.type === 'mdm')?.router ?? '';
  const id = url.match(/routers\/(\d+)\//)?.[1] ?? '';
  const router = await simulatorGet<{ name: string }>(`/routers/${id}/`);
  return { id, name: router.name };
}

test.describe('signal charts', () => {
  test('draw RSRP, RSSI, SINR and RSRQ of a modem with quality bands, and follow the window', async ({
    signedInAs,
  }) => {
    const target = await routerWithModems();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${target.id}?tab=signal`);
    const chart = page.getByTestId('signal-chart').first();
    await expect(chart).toBeVisible();
    await expect(chart.locator('figcaption')).toHaveText([/RSRP and RSSI \(dBm\)/, /SINR and RSRQ \(dB\)/]);
    // Four lines with data, and the band labels behind the RSRP line.
    await expect.poll(() => chart.locator('path.chart-line').count()).toBe(4);
    await expect(chart.getByText('Excellent').first()).toBeVisible();
    // The time axis: a day's window labels its ticks with times of day.
    const ticks = chart.locator('.chart-tick-label');
    await expect.poll(() => ticks.count()).toBeGreaterThanOrEqual(4);
    for (const label of await ticks.allTextContents()) expect(label).toMatch(/^\d\d:\d\d$/);
    await expect(page.getByTestId('usage-chart').first()).toContainText('Data usage');
    // By keyboard: the focused chart is a slider over time; the arrows move the cursor and tooltip.
    const cursor = page.getByRole('slider', { name: 'RSRP and RSSI chart cursor' }).first();
    await cursor.focus();
    await page.keyboard.press('ArrowRight');
    await expect(chart.locator('.chart-tooltip')).toContainText('SINR:');
    const pointed = await cursor.getAttribute('aria-valuetext');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(cursor).not.toHaveAttribute('aria-valuetext', pointed!);
    await page.keyboard.press('Escape');
    await expect(chart.locator('.chart-tooltip')).toHaveCount(0);
    const status = page.getByTestId('signal-status');
    const day = await status.textContent();
    await page.getByRole('button', { name: 'Last hour' }).click();
    await expect(page).toHaveURL(/range=1h/);
    await expect.poll(() => status.textContent()).not.toBe(day);
  });

  test('drag-to-zoom puts the range in the URL; the copied link opens the same view after sign-in', async ({
    signedInAs,
    browser,
  }) => {
    const target = await routerWithModems();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${target.id}?tab=signal&range=24h`);
    const plot = page.getByTestId('signal-chart').first().locator('.recharts-surface').first();
    await expect(plot).toBeVisible();
    await expect
      .poll(() => page.getByTestId('signal-chart').first().locator('path.chart-line').count())
      .toBeGreaterThan(0);
    const box = (await plot.boundingBox())!;
    // Pointing shows every series at that time, in the zone the chart states.
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    const tooltip = page.getByTestId('signal-chart').first().locator('.chart-tooltip');
    await expect(tooltip).toBeVisible();
    for (const series of ['RSRP', 'RSSI', 'SINR', 'RSRQ']) await expect(tooltip).toContainText(`${series}:`);
    await expect(tooltip.locator('strong')).toHaveText(/\d\d:\d\d:\d\d/);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=.*&to=/);
    await expect(page.getByTestId('chart-reset-zoom')).toBeVisible();
    const link = page.url();

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other).toHaveURL(/\/login\?callbackUrl=/);
    await other.getByLabel('Username').fill(USERS.operator.username);
    await other.getByLabel('Password').fill(USERS.operator.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other).toHaveURL(link);
    await expect(other.getByTestId('chart-reset-zoom')).toBeVisible();
    await expect(other.getByTestId('signal-chart').first()).toBeVisible();
    await fresh.close();
  });
});
