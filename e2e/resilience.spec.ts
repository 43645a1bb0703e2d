import type { Page } from '@playwright/test';
import { expect, type SimRouter, simulatorControl, simulatorGet, test } from './fixtures';

/**
 * With NCM failing in each way the simulator can stage, pages keep their last data with a visible
 * "as of" banner — never a blank page or an endless spinner — and edits are switched off.
 */
const FAULTS = {
  '503 bursts': { errorRate: 1, errorStatuses: [503] },
  'a 429 storm': { rateLimitStorm: true },
  'a hang': { hangRate: 1 },
} as const;

async function setFaults(faults: object): Promise<void> {
  const response = await simulatorControl('/faults', { method: 'PUT', body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

/** Reloads until the banner shows: the server notices an outage at its next poll, seconds away. */
async function reloadUntilVisible(page: Page, testId: string): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId(testId)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });
}

test.describe('when NCM fails', () => {
  test.afterEach(async ({ page }) => {
    await setFaults({});
    // Leave live pages (event streams) before the next test.
    await page.goto('about:blank');
  });

  for (const [name, faults] of Object.entries(FAULTS)) {
    test(`with ${name}, the router table and the alert feed keep their last data with a banner`, async ({
      signedInAs,
    }) => {
      test.setTimeout(150_000);
      const page = await signedInAs('admin');

      await page.goto('/routers');
      const firstRow = page.getByTestId('router-row').first();
      await expect(firstRow).toBeVisible();
      const firstName = await firstRow.getByRole('link').textContent();
      await page.goto('/alerts?range=7d');
      await expect(page.getByTestId('alert-row').first()).toBeVisible();

      await setFaults(faults);

      await page.goto('/routers');
      await reloadUntilVisible(page, 'fleet-stale');
      await expect(page.getByTestId('fleet-stale')).toContainText('as of');
      await expect(page.getByTestId('router-row').first().getByRole('link')).toHaveText(firstName ?? '');

      await page.goto('/alerts?range=7d');
      await reloadUntilVisible(page, 'alerts-stale');
      await expect(page.getByTestId('alert-row').first()).toBeVisible();

      await setFaults({});
      await page.goto('/routers');
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId('router-row').first()).toBeVisible({ timeout: 3_000 });
        await expect(page.getByTestId('fleet-stale')).toHaveCount(0, { timeout: 3_000 });
      }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });
    });
  }

  test('when NCM refuses the dashboard\u2019s keys, an Administrator is told so, not that NCM is not answering', async ({
    signedInAs,
  }) => {
    test.setTimeout(120_000);
    const page = await signedInAs('admin');
    await page.goto('/routers');
    await expect(page.getByTestId('router-row').first()).toBeVisible();

    await setFaults({ errorRate: 1, errorStatuses: [401] });
    await reloadUntilVisible(page, 'ncm-access');
    await expect(page.getByTestId('ncm-access')).toContainText('NCM refused the configured API keys (HTTP 401');

    await setFaults({});
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('router-row').first()).toBeVisible({ timeout: 3_000 });
      await expect(page.getByTestId('ncm-access')).toHaveCount(0, { timeout: 3_000 });
    }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });
  });

  test('a router detail link still opens, from the snapshot, with edits disabled and the reason shown', async ({
    signedInAs,
  }) => {
    test.setTimeout(120_000);
    const page = await signedInAs('admin');
    const list = await simulatorGet<{ data: SimRouter[] }>('/routers/?limit=1&offset=11&order_by=id');
    const router = list.data[0];
    await page.goto('/routers');
    await expect(page.getByTestId('router-row').first()).toBeVisible();

    await setFaults(FAULTS['503 bursts']);
    const response = await page.goto(`/routers/${router.id}`);
    expect(response?.status()).toBe(200);
    // Within a poll interval the page is served from the shared snapshot (current as of that
    // poll); once the server has seen NCM fail, it says so.
    await reloadUntilVisible(page, 'router-stale');
    await expect(page.getByTestId('router-name')).toContainText(router.name);
    await expect(page.getByTestId('edit-disabled-reason')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });
});
