import type { Cookie, Page } from '@playwright/test';
import { expect, rowsSettled, simulatorControl, test } from './fixtures';
import { appPages, LOGIN_PAGE, sampleRouter, signedInOnce } from './pages';

const PHONE = { width: 390, height: 844 };

/** How much wider than the screen the page is laid out (0: nothing to scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
}

/**
 * Everything on screen that takes a tap and is smaller than 44 × 44 px. Links inside running text
 * are exempt (enlarging them would break the sentence), as are the map's markers and its credits,
 * whose size and place the map decides.
 */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>(
      'a[href], button, select, textarea, summary, input:not([type="hidden"]), [tabindex="0"]',
    );
    for (const el of targets) {
      if (el.closest('.leaflet-marker-pane, .leaflet-overlay-pane, .leaflet-control-attribution')) continue;
      // A checkbox is tapped through its label.
      const box =
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? (el.closest('label') ?? el)
          : el;
      let r = box.getBoundingClientRect();
      // A link stretched over its card by an absolutely placed ::after is as large as the card.
      const after = getComputedStyle(el, '::after');
      if (after.content !== 'none' && after.position === 'absolute') {
        let card = el.parentElement;
        while (card && getComputedStyle(card).position === 'static') card = card.parentElement;
        if (card) r = card.getBoundingClientRect();
      }
      if (r.width === 0 || r.height === 0 || r.bottom <= 0) continue; // not shown (closed menu, skip link until focused)
      const parentText = el.parentElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const ownText = el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const inRunningText = el.tagName === 'A' && parentText.length > ownText.length;
      if (inRunningText) continue;
      if (r.width < 44 || r.height < 44)
        small.push(
          `${el.tagName.toLowerCase()} "${ownText.slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return small;
  });
}

// Signed in once for the page-by-page checks: each starts from that session's cookies.
let session: Cookie[] = [];
let routerId = '';
test.beforeAll(async ({ browser }) => {
  ({ session, routerId } = await signedInOnce(browser));
});

test.describe('every page on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });
  test.afterEach(async ({ page }) => {
    // The alert feed holds an event stream open; leaving the page ends it.
    await page.goto('about:blank');
  });

  for (const name of [...appPages('').map((p) => p.name), LOGIN_PAGE.name]) {
    test(`${name}: no wider than the screen, and everything to tap is at least 44 px`, async ({ page, context }) => {
      const target = name === LOGIN_PAGE.name ? LOGIN_PAGE : appPages(routerId).find((p) => p.name === name)!;
      if (target !== LOGIN_PAGE) await context.addCookies(session);
      await page.goto(target.path);
      await target.ready(page);
      expect(await sidewaysOverflow(page), 'px wider than the screen').toBe(0);
      expect(await smallTapTargets(page)).toEqual([]);
      if (target === LOGIN_PAGE) return;
      // The menu's own links and buttons count too.
      await page.getByTestId('menu-button').click();
      expect(await smallTapTargets(page)).toEqual([]);
      expect(await sidewaysOverflow(page), 'px wider than the screen, menu open').toBe(0);
    });
  }

  test('the navigation collapses into a menu, which closes once a link is followed', async ({ signedInAs }) => {
    const page = await signedInAs('operator');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(nav).toBeVisible();
    await expect(page.getByTestId('current-role')).toBeVisible();
    await nav.getByRole('link', { name: 'Routers' }).click();
    await expect(page).toHaveURL(/\/routers$/);
    await expect(nav).toBeHidden();
  });

  test('the router list is a virtualized list of cards that keeps search, filters and sort', async ({ signedInAs }) => {
    const target = await sampleRouter();
    const page = await signedInAs('viewer');
    await page.goto('/routers');
    const rows = page.getByTestId('router-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId('routers-total')).toContainText('1,000 routers match');
    // Cards, not table rows: no header row, each card tall enough to tap, only a window of them in the DOM.
    await expect(page.getByRole('columnheader').first()).toBeHidden();
    expect((await rows.first().boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(await rows.count()).toBeLessThan(60);
    // Scrolling reaches the card for that position: the list's row height is the cards' height.
    const cardHeight = (await rows.first().boundingBox())?.height ?? 0;
    await page.getByTestId('fleet-scroll').evaluate((el, h) => {
      el.scrollTop = 300 * h;
    }, cardHeight);
    await expect(page.locator('[data-testid="router-row"][data-row-index="300"]')).toBeInViewport();

    // Sort: a menu instead of column headers.
    await page.getByTestId('fleet-sort').selectOption({ label: 'Name, descending' });
    await expect(page).toHaveURL(/dir=desc/);
    await rowsSettled(page);
    const firstDesc = await rows.first().getByRole('link').textContent();
    await page.getByTestId('fleet-sort').selectOption({ label: 'Name, ascending' });
    await rowsSettled(page);
    const firstAsc = await rows.first().getByRole('link').textContent();
    expect((firstDesc ?? '').localeCompare(firstAsc ?? '')).toBeGreaterThan(0);

    // Filters: a facet's options open inside the screen, and choosing one filters the list.
    await page.getByTestId('facet-product').locator('summary').click();
    const options = page.getByTestId('facet-product').locator('.facet-options');
    await expect(options).toBeVisible();
    const box = await options.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
    await options.getByRole('checkbox').first().check();
    await expect(page).toHaveURL(/product=/);
    await page.getByTestId('facet-product').locator('summary').click();
    await page.goto('/routers');

    // Search by serial finds the one router.
    await page.getByTestId('fleet-search').fill(target.serial);
    await expect(page.getByTestId('routers-total')).toContainText('1 routers match');
    await expect(rows.first().getByRole('link')).toHaveText(target.name);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  test('the alert feed is a list of cards that keeps acknowledge', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    await page.goto('/alerts');
    await expect(page.getByTestId('live-status')).toHaveText('Live (push)');
    const response = await simulatorControl('/alerts', {
      method: 'POST',
      body: JSON.stringify({ router_id: '1000126', type: 'wan_failover' }),
    });
    const raised = ((await response.json()) as { alert: { id: string } }).alert;
    const card = page.locator(`[data-alert-id="${raised.id}"]`);
    await expect(card).toBeVisible();
    // The column names label each card's lines instead of heading columns nobody sees.
    expect((await page.getByTestId('alerts-table').locator('thead').boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
    await expect(card.locator('td[data-label="Severity"]')).toBeVisible();
    await card.getByTestId('ack-button').click();
    await card.getByLabel('Comment').fill('Seen on site');
    const confirm = card.getByRole('button', { name: 'Confirm acknowledge' });
    const box = await confirm.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await confirm.click();
    await expect(card.getByTestId('ack-state')).toContainText('Seen on site');
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});

test.describe('the desktop layout stays as it was', () => {
  test('links in the bar, no menu button, a table with sortable column headers and no sort menu', async ({
    signedInAs,
  }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers');
    await expect(page.getByTestId('router-row').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' })).toBeVisible();
    await expect(page.getByTestId('current-role')).toBeVisible();
    await expect(page.getByTestId('menu-button')).toBeHidden();
    await expect(page.getByTestId('fleet-sort')).toBeHidden();
    await expect(page.getByRole('columnheader', { name: /Name/ })).toBeVisible();
    expect((await page.getByTestId('router-row').first().boundingBox())?.height).toBeLessThanOrEqual(37);
  });
});
