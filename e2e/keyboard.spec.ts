import { expect, test } from './fixtures';

test.describe('keyboard and motion', () => {
  test('the first Tab stop skips to the content, focus is always visible, and the display menu works by keyboard', async ({
    signedInAs,
  }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers');
    await expect(page.getByTestId('router-row').first()).toBeVisible();
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    // The next stop is inside the content, and it shows where focus is.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return {
        inMain: Boolean(el.closest('#main')),
        style: getComputedStyle(el).outlineStyle,
        width: getComputedStyle(el).outlineWidth,
      };
    });
    expect(outline.inMain).toBe(true);
    expect(outline.style).not.toBe('none');
    expect(Number.parseFloat(outline.width)).toBeGreaterThanOrEqual(2);

    // The display settings open, choose and close without a mouse.
    await page.getByTestId('display-settings-button').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Display settings' });
    await expect(panel).toBeVisible();
    await page.getByTestId('theme-dark').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.getByTestId('display-settings-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('theme-system').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  });

  test('with reduced motion there are no animations or transitions', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/routers');
    await expect(page.getByTestId('router-row').first()).toBeVisible();
    const durations = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.className = 'skeleton';
      document.querySelector('#main')?.append(probe);
      const table = document.querySelector('table.fleet-table tbody') as HTMLElement;
      table.closest('table')?.classList.add('previous-rows');
      const result = {
        animation: getComputedStyle(probe).animationName,
        transition: getComputedStyle(table).transitionDuration,
      };
      table.closest('table')?.classList.remove('previous-rows');
      probe.remove();
      return result;
    });
    expect(durations.animation).toBe('none');
    expect(Number.parseFloat(durations.transition)).toBeLessThanOrEqual(0.0001);
  });
});
