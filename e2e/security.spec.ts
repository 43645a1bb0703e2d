/**
 * Attacks that need the real built app: its proxy, its headers and the browser. The rest of the
 * attack catalogue runs as unit tests (lib/security/*.test.ts and the tests beside the code).
 */
import { expect, signIn, test } from './fixtures';
import { USERS } from './test-env';

const PAGES = ['/', '/routers', '/routers/1', '/alerts', '/activity', '/login', '/no-such-page'];

test.describe('headers', () => {
  test('every page carries a nonce-based CSP that matches the nonce on its scripts, and no HSTS over http', async ({ page }) => {
    await signIn(page, 'admin');
    for (const path of PAGES) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      const csp = response.headers()['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${path} has a nonce`).toBeTruthy();
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
      expect(response.headers()['strict-transport-security']).toBeUndefined();
    }
  });

  test('each response gets its own nonce', async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const csp = (await request.get('/login')).headers()['content-security-policy'] ?? '';
      nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? '');
    }
    expect(nonces.size).toBe(3);
  });

  // In contexts of their own: the violation this test provokes on purpose is not one to report.
  test('markup injected into a page cannot run script through an inline handler', async ({ browser }) => {
    const injectedHandlerRuns = async (bypassCSP: boolean) => {
      const context = await browser.newContext({ bypassCSP });
      const page = await context.newPage();
      await page.goto('/login');
      // What an XSS through innerHTML would try: an event handler attribute.
      const ran = await page.evaluate(async () => {
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = true">';
        document.body.append(holder);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      await context.close();
      return ran;
    };
    expect(await injectedHandlerRuns(false)).toBe(false);
    // The control: with the policy bypassed the same markup does run, so the check above can fail.
    expect(await injectedHandlerRuns(true)).toBe(true);
  });
});

test.describe('redirects', () => {
  for (const target of ['/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/a/..//evil.example', '//evil.example', 'https://evil.example/']) {
    test(`signed in, /login?callbackUrl=${target} stays on this site`, async ({ page }) => {
      await signIn(page, 'viewer');
      const response = await page.request.get(`/login?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      const location = response.headers().location ?? '';
      expect(location).not.toMatch(/^\/\/|^\/\\|evil\.example/);
      expect(new URL(location, 'http://127.0.0.1').host).toBe('127.0.0.1');
    });
  }

  test('the sign-in form does not follow a normalising callbackUrl off-site', async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent('/.//evil.example')}`);
    await page.getByLabel('Username').fill(USERS.viewer.username);
    await page.getByLabel('Password').fill(USERS.viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('current-role')).toHaveText(USERS.viewer.role);
    expect(new URL(page.url()).host).toMatch(/^127\.0\.0\.1:/);
  });
});

test.describe('malformed requests', () => {
  test('a path that does not decode is a 400, not a 500', async ({ request }) => {
    for (const path of ['/api/routers/%c0%ae%c0%ae%2fx', '/api/routers/%ff', '/routers/%c0%ae']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
    }
  });

  test('an unsupported method is a 405 that says what is allowed', async ({ request }) => {
    const cases: Array<[string, string, string]> = [
      ['TRACE', '/api/groups', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/api/routers/1', 'GET, PATCH, HEAD, OPTIONS'],
      ['PUT', '/api/routers/1', 'GET, PATCH, HEAD, OPTIONS'],
      ['TRACE', '/routers', 'GET, HEAD, POST'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow, `${method} ${path}`).toBe(allow);
    }
  });
});

test.describe('login throttling', () => {
  test('a throttled attempt on the credentials endpoint is a 429 with Retry-After, and the form shows the wait', async ({ page }) => {
    // An account nobody uses, so the wait this test causes touches no other test.
    const username = `throttle-probe-${Date.now()}`;
    const csrf = async () => ((await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    let throttled: Awaited<ReturnType<typeof page.request.post>> | undefined;
    for (let i = 0; i < 10 && !throttled; i++) {
      const response = await page.request.post('/api/auth/callback/credentials', {
        form: { username, password: 'wrong', csrfToken: await csrf() },
        maxRedirects: 0,
      });
      if (response.status() === 429) throttled = response;
    }
    expect(throttled, 'some attempt was throttled').toBeDefined();
    expect(Number(throttled?.headers()['retry-after'])).toBeGreaterThan(0);

    // The wait is short at first (it doubles per failure): an attempt that lands after it counts
    // as one more failure, and the next one, sooner than the doubled wait, is refused.
    await expect(async () => {
      await page.goto('/login');
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByTestId('login-error')).toHaveAttribute('data-kind', 'throttled', { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId('login-error')).toHaveText(/Try again in \d+ (s|min)\./);
  });

  test('after a flood of failures on other accounts, an administrator still signs in', async ({ page }) => {
    const csrfToken = ((await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    for (let i = 0; i < 30; i++) {
      await page.request.post('/api/auth/callback/credentials', {
        form: { username: `random-${i}-${Date.now()}`, password: 'x', csrfToken },
        maxRedirects: 0,
      });
    }
    await signIn(page, 'admin');
    await expect(page.getByTestId('current-role')).toHaveText(USERS.admin.role);
  });
});
