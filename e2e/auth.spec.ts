import { USERS } from './test-env';
import { expect, signIn, test } from './fixtures';

test.describe('sign-in', () => {
  for (const who of ['admin', 'operator', 'viewer', 'diag'] as const) {
    test(`${USERS[who].role} can sign in and sees the router list`, async ({ page }) => {
      await signIn(page, who);
      await expect(page).toHaveURL(/\/$/);
      // A hard load must render on the server too (client-side navigation can hide SSR errors).
      const response = await page.goto('/routers');
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId('current-role')).toHaveText(USERS[who].role);
    });
  }

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill('viewer');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('an anonymous visitor is sent to the login page and comes back after signing in', async ({ page }) => {
    await page.goto('/routers/1');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('Username').fill(USERS.viewer.username);
    await page.getByLabel('Password').fill(USERS.viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/routers\/1$/);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect.poll(async () => (await page.request.get('/api/fleet/routers')).status()).toBe(401);
    await page.goto('/routers');
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('anonymous API calls', () => {
  const calls: Array<[string, string, string | undefined]> = [
    ['GET', '/api/fleet/routers', undefined],
    ['GET', '/api/fleet/routers?limit=25&offset=0', undefined],
    ['GET', '/api/routers/1', undefined],
    ['PATCH', '/api/routers/1', JSON.stringify({ name: 'x' })],
    ['GET', '/api/groups', undefined],
  ];
  for (const [method, path, body] of calls) {
    test(`${method} ${path} → 401 JSON`, async ({ request }) => {
      const response = await request.fetch(path, {
        method,
        data: body,
        headers: body ? { 'content-type': 'application/json' } : {},
        maxRedirects: 0,
      });
      expect(response.status()).toBe(401);
      expect(response.headers()['content-type']).toContain('application/json');
      const json = (await response.json()) as { error?: { code?: string } };
      expect(json.error?.code).toBe('unauthenticated');
    });
  }

  test('a forged middleware header does not get past the handlers (CVE-2025-29927 class)', async ({ request }) => {
    const response = await request.get('/api/fleet/routers', {
      headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(401);
  });
});
