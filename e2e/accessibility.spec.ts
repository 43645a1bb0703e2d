import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type AppPage, appPages, LOGIN_PAGE, sampleRouter } from './pages';

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
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`));
}

const VIEWPORTS = [
  { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
] as const;

for (const viewport of VIEWPORTS) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`accessibility, ${viewport.name}, ${scheme}`, () => {
      test.use({ ...viewport.use, colorScheme: scheme });

      test('every page has no serious or critical axe violation', async ({ signedInAs }) => {
        test.setTimeout(240_000);
        const router = await sampleRouter();
        const page = await signedInAs('admin');
        const found: Record<string, string[]> = {};
        const check = async (p: AppPage) => {
          await page.goto(p.path);
          await p.ready(page);
          const violations = await seriousViolations(page, scheme);
          if (violations.length > 0) found[p.name] = violations;
        };
        for (const p of appPages(router.id)) await check(p);
        await page.context().clearCookies();
        await check(LOGIN_PAGE);
        expect(found).toEqual({});
      });
    });
  }
}
