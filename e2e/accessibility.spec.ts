import AxeBuilder from '@axe-core/playwright';
import type { Cookie, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { appPages, LOGIN_PAGE, signedInOnce } from './pages';

/**
 * Serious and critical axe findings on the page as it is now, one line each, for a readable failure.
 * The dark theme changes colours only, so there the colour rules suffice (axe is slow on a big page).
 */
async function seriousViolations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  if (scheme === 'dark') axe.withRules(['color-contrast', 'link-in-text-block']);
  else axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`,
      ),
    );
}

const VIEWPORTS = [
  { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
] as const;

// Signed in once for the whole file: every test below starts from that session's cookies.
let session: Cookie[] = [];
let routerId = '';
test.beforeAll(async ({ browser }) => {
  ({ session, routerId } = await signedInOnce(browser));
});

for (const viewport of VIEWPORTS) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`accessibility, ${viewport.name}, ${scheme}`, () => {
      test.use({ ...viewport.use, colorScheme: scheme });
      // axe reads every node's colours: on a busy 2-core machine a large page takes tens of seconds.
      test.describe.configure({ timeout: 120_000 });
      test.afterEach(async ({ page }) => {
        // The alert feed holds an event stream open; leaving the page ends it.
        await page.goto('about:blank');
      });

      for (const name of appPages('').map((p) => p.name)) {
        test(`${name}: no serious or critical axe violation`, async ({ page, context }) => {
          const target = appPages(routerId).find((p) => p.name === name)!;
          await context.addCookies(session);
          await page.goto(target.path);
          await target.ready(page);
          expect(await seriousViolations(page, scheme)).toEqual([]);
        });
      }

      test('login: no serious or critical axe violation', async ({ page }) => {
        await page.goto(LOGIN_PAGE.path);
        await LOGIN_PAGE.ready(page);
        expect(await seriousViolations(page, scheme)).toEqual([]);
      });
    });
  }
}
