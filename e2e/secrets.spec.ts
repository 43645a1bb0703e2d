import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { NCM_KEYS } from './test-env';

const SECRETS = Object.values(NCM_KEYS);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the NCM keys never reach the browser: HTML, JSON, RSC payloads and JS chunks', async ({ page }) => {
  const bodies: Array<{ url: string; text: string }> = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    pending.push(
      response
        .body()
        .then((buffer) => {
          bodies.push({ url: response.url(), text: buffer.toString('utf8') + JSON.stringify(response.headers()) });
        })
        .catch(() => undefined),
    );
  });

  await signIn(page, 'admin');
  await page.goto('/routers');
  await expect(page.getByTestId('router-row').first()).toBeVisible();
  // Scroll far enough to load another window through the BFF, then search, export and open a router.
  await page.getByTestId('fleet-scroll').evaluate((el) => el.scrollTo(0, 36 * 450));
  await expect(page.getByTestId('router-row').first()).toBeVisible();
  await page.goto('/routers?q=BUS');
  await expect(page.getByTestId('router-row').first()).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Online/ }).first()).toBeVisible();
  await page.goto('/routers');
  await page.getByTestId('router-row').first().getByRole('link').click();
  await expect(page.getByTestId('router-fields')).toBeVisible();
  await expect(page.getByLabel('Group', { exact: true }).locator('option').nth(1)).toBeAttached();
  await page.goto('/routers/999999999');
  for (const path of [
    '/api/groups',
    '/api/alerts?range=24h',
    '/api/fleet/routers?limit=500',
    '/api/fleet/routers/export?q=SHOP',
  ]) {
    const api = await page.request.get(path);
    expect(api.status(), path).toBe(200);
    bodies.push({ url: api.url(), text: await api.text() });
  }
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 5_000))]);

  expect(bodies.length).toBeGreaterThan(10);
  expect(bodies.some((b) => b.url.includes('/_next/static/') && b.url.endsWith('.js'))).toBe(true);
  expect(bodies.some((b) => b.url.includes('/api/fleet/routers'))).toBe(true);
  for (const { url, text } of bodies) {
    for (const secret of SECRETS) {
      expect(text.includes(secret), `${url} contains an NCM key`).toBe(false);
    }
    expect(/X-(CP|ECM)-API-KEY/i.test(text), `${url} names a key header`).toBe(false);
  }

  // Every client chunk the build produced, not only those this walk happened to load.
  const chunks = filesUnder(join(process.cwd(), '.next', 'static')).filter((f) => f.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(0);
  for (const file of chunks) {
    const text = readFileSync(file, 'utf8');
    for (const secret of SECRETS) expect(text.includes(secret), `${file} contains an NCM key`).toBe(false);
    expect(text.includes('demo-ecm-admin-key'), `${file} contains the demo key`).toBe(false);
  }
});
