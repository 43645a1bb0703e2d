import type { Page } from '@playwright/test';
import { expect, signIn, type SimRouter, simulatorControl, simulatorGet, test } from './fixtures';

// Chromium's offline emulation does not always reach navigator.onLine of a page the worker serves;
// then the notice says the dashboard is not answering, which is as true. The time of the data is the point.
const KEPT_DATA_NOTICE =
  /^(Offline|Fleet Console is not answering) — showing data as of \d{2}:\d{2}:\d{2} UTC( · Reload)?$/;

interface SimList<T> {
  data: T[];
}

async function someRouter(offset: number): Promise<SimRouter> {
  const list = await simulatorGet<SimList<SimRouter>>(`/routers/?limit=1&offset=${offset}&order_by=id`);
  return list.data[0]!;
}

/** Paths (with query) of every page and API answer kept for a signed-in user on this device. */
function keptCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    for (const name of await caches.keys()) {
      if (!/^fleet-(pages|data):/.test(name)) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        found.push(`${url.pathname}${url.search}`);
      }
    }
    return found;
  });
}

/** The offline worker is installed and serves this page (it registers itself once the page is idle). */
async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

async function rebootCalls(): Promise<number> {
  const stats = (await (await simulatorControl('/stats')).json()) as { byPath: Record<string, number> };
  return stats.byPath['/api/v2/reboot_activity/'] ?? 0;
}

test.describe('offline on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the router and field pages a technician opened stay readable offline, with the time of their data', async ({
    page,
    context,
  }) => {
    const router = await someRouter(11);
    // A kept page must hydrate as the page it was (React skips the worker's meta element in <head>).
    const hydration: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /hydrat/i.test(message.text())) hydration.push(message.text());
    });
    await signIn(page, 'viewer');
    await workerInCharge(page);
    await page.goto(`/routers/${router.id}`);
    await expect(page.getByTestId('router-name')).toContainText(router.name);
    await page.goto(`/field/${router.id}`);
    await expect(page.getByTestId('field-router-name')).toContainText(router.name);
    await expect(page.getByTestId('reading-time').first()).toContainText('checked at');
    await expect
      .poll(() => keptCopies(page), { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([`/routers/${router.id}`, `/field/${router.id}`, `/api/routers/${router.id}/live`]),
      );
    await expect(page.getByTestId('offline-notice')).toHaveCount(0);

    await context.setOffline(true);
    await page.reload();
    // The page as it was, its live reading from the last answer kept, and how old all of it is.
    await expect(page.getByTestId('offline-notice')).toHaveText(KEPT_DATA_NOTICE);
    await expect(page.getByTestId('field-router-name')).toContainText(router.name);
    await expect(page.getByTestId('signal-gauge').first()).toContainText(/dBm|No reading/);
    await expect(page.getByTestId('reading-time').first()).toContainText(/checked at \d{2}:\d{2}:\d{2} UTC/);

    // A link to another page opened before: Next cannot fetch it, loads it in full, and gets the copy.
    await page.getByRole('link', { name: 'Full router page' }).click();
    await expect(page).toHaveURL(new RegExp(`/routers/${router.id}$`));
    await expect(page.getByTestId('router-name')).toContainText(router.name);
    await expect(page.getByTestId('offline-notice')).toHaveText(KEPT_DATA_NOTICE);

    // A page never opened here: the offline page says so and lists what can be read.
    await page.goto('/alerts');
    await expect(page.getByTestId('offline-fallback')).toContainText('/alerts was not opened on this device');
    await expect(page.getByTestId('offline-pages')).toContainText(`/field/${router.id}`);
    await page.getByRole('link', { name: `Field view · router ${router.id}` }).click();
    await expect(page.getByTestId('field-router-name')).toContainText(router.name);

    await context.setOffline(false);
    await page.reload();
    await expect(page.getByTestId('field-router-name')).toContainText(router.name);
    await expect(page.getByTestId('offline-notice')).toHaveCount(0);
    expect(hydration).toEqual([]);
  });

  test('signing out empties the device: the next person offline sees none of the first one\u2019s pages', async ({
    page,
    context,
  }) => {
    const router = await someRouter(12);
    await signIn(page, 'operator');
    await workerInCharge(page);
    await page.goto(`/field/${router.id}`);
    await expect(page.getByTestId('field-router-name')).toContainText(router.name);
    await expect
      .poll(() => keptCopies(page), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([`/field/${router.id}`]));

    // On a phone, signing out lives in the menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect.poll(() => keptCopies(page)).toEqual([]);

    await signIn(page, 'viewer');
    await expect.poll(() => keptCopies(page), { timeout: 20_000 }).toContain('/');
    await context.setOffline(true);
    await page.goto(`/field/${router.id}`);
    await expect(page.getByTestId('offline-fallback')).toBeVisible();
    await expect(page.getByTestId('field-router-name')).toHaveCount(0);
    await expect(page.getByTestId('offline-pages')).not.toContainText('/field/');
    expect(await keptCopies(page)).not.toContain(`/field/${router.id}`);
    await context.setOffline(false);
  });

  test('a mutation is never kept nor answered from the device', async ({ page, context }) => {
    const router = await someRouter(13);
    await signIn(page, 'operator');
    await workerInCharge(page);
    await page.goto(`/field/${router.id}`);
    const before = await rebootCalls();
    await page.getByRole('button', { name: 'Reboot…' }).click();
    await page.getByRole('button', { name: `Reboot ${router.name}` }).click();
    await expect(page.getByTestId('reboot-sent')).toBeVisible();
    expect(await rebootCalls()).toBe(before + 1);
    expect((await keptCopies(page)).filter((path) => path.includes('reboot'))).toEqual([]);

    await context.setOffline(true);
    const offline = await page.evaluate(async (id) => {
      try {
        const response = await fetch(`/api/routers/${id}/reboot`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
        return `answered ${response.status}`;
      } catch {
        return 'failed';
      }
    }, router.id);
    expect(offline).toBe('failed');
    await context.setOffline(false);
    expect(await rebootCalls()).toBe(before + 1);
  });
});
