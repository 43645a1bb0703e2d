import { BASE_URL } from './test-env';
import { expect, simulatorControl, simulatorGet, test } from './fixtures';

interface RaisedAlert {
  alert: { id: string; message: string; type: string };
  deliveries: Array<{ ok: boolean; status: number | null; error: string | null }>;
}

/** Has the simulator raise an alert now (pushed to registered destinations at once). */
async function raiseAlert(routerId: string, type = 'router_offline'): Promise<RaisedAlert> {
  const response = await simulatorControl('/alerts', {
    method: 'POST',
    body: JSON.stringify({ router_id: routerId, type }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as RaisedAlert;
}

test.describe('alert feed', () => {
  // The page holds an open event stream; leaving the page ends it, so fixtures that read every
  // response body (the key-leak guard) can finish instead of waiting for a stream that never ends.
  test.afterEach(async ({ page }) => {
    await page.goto('about:blank');
  });

  test('a forged webhook is rejected with 401', async ({ request }) => {
    const body = JSON.stringify({
      type: 'router_offline',
      created_at: new Date().toISOString(),
      created_at_timeuuid: 'forged-1',
    });
    const forged = await request.post('/api/ncm-webhook', {
      data: body,
      headers: { 'content-type': 'application/json', 'x-cp-signature': 'ab'.repeat(32) },
    });
    expect(forged.status()).toBe(401);
    const unsigned = await request.post('/api/ncm-webhook', {
      data: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status()).toBe(401);
  });

  test('an alert raised in NCM appears on the open page without reload', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    await page.goto('/alerts');
    await expect(page.getByTestId('alerts-table')).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveText('Live (push)');

    const raised = await raiseAlert('1000123');
    expect(
      raised.deliveries.some((d) => d.ok),
      JSON.stringify(raised.deliveries),
    ).toBe(true);
    const row = page.locator(`[data-alert-id="${raised.alert.id}"]`);
    await expect(row).toBeVisible({ timeout: 2_000 });
    await expect(row.getByTestId('alert-message')).toHaveText(raised.alert.message);
    await expect(row.getByTestId('severity-badge')).toHaveText('Critical');
    await expect(row.getByTestId('alert-router-link')).toHaveAttribute('href', '/routers/1000123');
    // Newest first: the live alert went to the top.
    await expect(page.getByTestId('alert-row').first()).toHaveAttribute('data-alert-id', raised.alert.id);
  });

  test('an acknowledgement persists across reload and shows who made it', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    await page.goto('/alerts');
    await expect(page.getByTestId('live-status')).toHaveText('Live (push)');
    const raised = await raiseAlert('1000124', 'wan_failover');
    const row = page.locator(`[data-alert-id="${raised.alert.id}"]`);
    await expect(row).toBeVisible();

    await row.getByTestId('ack-button').click();
    await row.getByLabel('Comment').fill('Carrier outage, ticket 4711');
    await row.getByRole('button', { name: 'Confirm acknowledge' }).click();
    await expect(row.getByTestId('ack-state')).toContainText('Acknowledged by Administrator (e2e)');

    await page.reload();
    const reloaded = page.locator(`[data-alert-id="${raised.alert.id}"]`);
    await expect(reloaded.getByTestId('ack-state')).toContainText('Administrator (e2e)');
    await expect(reloaded.getByTestId('ack-state')).toContainText('Carrier outage, ticket 4711');
    await expect(reloaded.getByTestId('ack-button')).toHaveCount(0);
  });

  test('keyboard: j/k select, a opens the comment input', async ({ signedInAs }) => {
    const page = await signedInAs('operator');
    await page.goto('/alerts');
    await expect(page.getByTestId('shortcut-hints')).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveText('Live (push)');
    // A fresh, unacknowledged alert on top (earlier tests may have acknowledged the newest).
    const raised = await raiseAlert('1000125', 'signal_degraded');
    const rows = page.getByTestId('alert-row');
    await expect(rows.first()).toHaveAttribute('data-alert-id', raised.alert.id);
    // The selection stays on its alert when live ones are prepended; start from the top.
    await rows.first().locator('td').first().click();
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('k');
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('a');
    await expect(rows.nth(0).getByLabel('Comment')).toBeFocused();
    // Typing in the comment must not move the selection.
    await page.keyboard.type('jk');
    await expect(rows.nth(0).getByLabel('Comment')).toHaveValue('jk');
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  });

  test('alert text from NCM is shown as text, never run as markup', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    const routerId = '1000126';
    const original = (await simulatorGet<{ name: string }>(`/routers/${routerId}/`)).name;
    const hostile = '<img src=x onerror="window.__xss=1">';
    const renamed = await page.request.patch(`/api/routers/${routerId}`, {
      data: { name: hostile },
      headers: { 'content-type': 'application/json', origin: BASE_URL },
    });
    expect(renamed.status()).toBe(200);
    try {
      await page.goto('/alerts');
      await expect(page.getByTestId('live-status')).toHaveText('Live (push)');
      const raised = await raiseAlert(routerId);
      expect(raised.alert.message).toContain(hostile);
      const row = page.locator(`[data-alert-id="${raised.alert.id}"]`);
      await expect(row.getByTestId('alert-message')).toHaveText(raised.alert.message);
      await page.reload();
      await expect(page.locator(`[data-alert-id="${raised.alert.id}"]`).getByTestId('alert-message')).toHaveText(
        raised.alert.message,
      );
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await expect(page.locator('main img')).toHaveCount(0);
    } finally {
      await page.request.patch(`/api/routers/${routerId}`, {
        data: { name: original },
        headers: { 'content-type': 'application/json', origin: BASE_URL },
      });
    }
  });

  test('Read Only sees no acknowledge control, and a forced POST gets 403', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/alerts');
    await expect(page.getByTestId('alerts-table')).toBeVisible();
    await expect(page.getByTestId('ack-button')).toHaveCount(0);
    const id = await page.getByTestId('alert-row').first().getAttribute('data-alert-id');
    const response = await page.request.post(`/api/alerts/${id}/ack`, {
      data: { comment: 'not mine to ack' },
      headers: { 'content-type': 'application/json', origin: BASE_URL },
    });
    expect(response.status()).toBe(403);
  });

  test('filters live in the URL and survive reload', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    await page.goto('/alerts');
    await page.getByLabel('Severity').selectOption('critical');
    await page.getByLabel('Time range').selectOption('7d');
    await expect(page).toHaveURL(/severity=critical/);
    await expect(page).toHaveURL(/range=7d/);
    await page.reload();
    await expect(page.getByLabel('Severity')).toHaveValue('critical');
    const badges = page.getByTestId('severity-badge');
    await expect(badges.first()).toHaveText('Critical');
    expect(new Set(await badges.allTextContents())).toEqual(new Set(['Critical']));
  });
});
