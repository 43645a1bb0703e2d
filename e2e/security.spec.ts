/**
 * Attacks that need the real built app: its proxy, its headers and the browser. The rest of the
 * attack catalogue runs as unit tests (lib/security/*.test.ts and the tests beside the code).
 */
import { changeRouterInNcm, expect, type SimRouter, signIn, simulatorGet, test } from './fixtures';
import { USERS } from './test-env';

const PAGES = ['/', '/routers', '/routers/1', '/alerts', '/activity', '/login', '/no-such-page'];

test.describe('headers', () => {
  test('every page carries a nonce-based CSP that matches the nonce on its scripts, and no HSTS over http', async ({
    page,
  }) => {
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
  test('signed in, /login?callbackUrl=… never sends the browser to another site, whatever the URL normalises to', async ({
    page,
  }) => {
    await signIn(page, 'viewer');
    for (const target of [
      '/.//evil.example',
      '/..//evil.example',
      '/%2e//evil.example',
      '/a/..//evil.example',
      '//evil.example',
      'https://evil.example/',
    ]) {
      const response = await page.request.get(`/login?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(response.status(), target).toBe(307);
      const location = response.headers().location ?? '';
      expect(location, target).not.toMatch(/^\/\/|^\/\\|evil\.example/);
      expect(new URL(location, 'http://127.0.0.1').host, target).toBe('127.0.0.1');
    }
  });

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
  test('a throttled attempt on the credentials endpoint is a 429 with Retry-After, and the form shows the wait', async ({
    page,
  }) => {
    // An account nobody uses, so the wait this test causes touches no other test.
    const username = `throttle-probe-${Date.now()}`;
    const csrf = async () =>
      ((await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
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

  test('a browser that signed in to an account before is not locked out by wrong passwords sent from elsewhere', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, 'probe');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('Username')).toBeVisible();

    // Someone else (no cookies) hammers the account until it is held back for a good while.
    const failElsewhere = async () => {
      const csrf = await request.get('/api/auth/csrf');
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      return request.post('/api/auth/callback/credentials', {
        form: { username: 'probe', password: 'wrong', csrfToken },
        maxRedirects: 0,
      });
    };
    let wait = 0;
    for (let i = 0; i < 20 && wait < 8; i++) {
      const response = await failElsewhere();
      if (response.status() === 429) {
        wait = Number(response.headers()['retry-after']);
        if (wait < 8) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
    expect(wait).toBeGreaterThanOrEqual(8);

    // The account's owner, in the browser they used before, signs in at once.
    await page.getByLabel('Username').fill(USERS.probe.username);
    await page.getByLabel('Password').fill(USERS.probe.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('current-role')).toHaveText(USERS.probe.role);
    // …while the hammering client is still held back.
    expect((await failElsewhere()).status()).toBe(429);
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

test.describe('getting around the proxy', () => {
  test('protected pages give an anonymous visitor no data through RSC, data or path-variant requests', async ({
    request,
  }) => {
    const variants: Array<[string, Record<string, string>]> = [
      ['/routers', { RSC: '1' }],
      ['/routers?_rsc=abc', { RSC: '1', 'Next-Router-State-Tree': '%5B%22%22%5D' }],
      ['/routers.rsc', {}],
      ['/routers/index.rsc', {}],
      ['/routers?__nextDataReq=1', {}],
      ['/routers/', {}],
      ['/%72outers', {}],
      ['/ROUTERS', {}],
      ['/routers', { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }],
    ];
    const router = (await simulatorGet<{ data: SimRouter[] }>('/routers/?limit=1&order_by=id')).data[0]!;
    for (const [path, headers] of variants) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      const body = await response.text();
      expect(response.status(), path).not.toBe(200);
      expect(body, path).not.toContain(router.name);
    }
  });

  test('a forged Host does not put another site into the login redirect', async ({ request }) => {
    const forgeries: Array<Record<string, string>> = [
      { 'X-Forwarded-Host': 'canary.example' },
      { 'X-Forwarded-Host': 'canary.example', 'X-Forwarded-Proto': 'https' },
    ];
    for (const headers of forgeries) {
      const response = await request.get('/routers', { headers, maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe('/login?callbackUrl=%2Frouters');
    }
  });

  test('the image optimizer cannot be used to fetch internal addresses', async ({ request }) => {
    const response = await request.get(
      '/_next/image?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F&w=64&q=75',
      { maxRedirects: 0 },
    );
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
  });

  test('an API path dressed as a static file is not served, let alone cached', async ({ page }) => {
    await signIn(page, 'viewer');
    const response = await page.request.get('/api/routers/1/x.css', { maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(response.headers()['cache-control'] ?? '').not.toMatch(/public|s-maxage/);
  });
});

test.describe('cookies and stored state', () => {
  test('the session and known-device cookies are HttpOnly, SameSite=Lax, host-only, and nothing sits in web storage', async ({
    page,
    context,
  }) => {
    await signIn(page, 'viewer');
    const session = (await context.cookies()).find((c) => c.name.includes('session-token'));
    expect(session).toBeDefined();
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', domain: '127.0.0.1' });
    // The known-device cookie that keeps this browser's own sign-in budget: script cannot read it either.
    const device = (await context.cookies()).find((c) => c.name.endsWith('known-device'));
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/known-device|session-token/);
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toMatch(/session|token|eyJ/i);
  });
});

test.describe('strings from NCM', () => {
  test('markup in a router name or description is shown as text and never runs', async ({ signedInAs }) => {
    const router = (await simulatorGet<{ data: SimRouter[] }>('/routers/?limit=1&offset=11&order_by=id')).data[0]!;
    const hostile = {
      name: '<img src=x onerror="window.__xss=1">',
      description: '"><svg onload=window.__xss=1> javascript:alert(1)',
    };
    await changeRouterInNcm(router.id, hostile);
    const page = await signedInAs('viewer');
    try {
      // The router page reads the shared fleet snapshot: the new name shows after its next poll.
      await expect(async () => {
        await page.goto(`/routers/${router.id}`);
        await expect(page.getByTestId('router-name')).toContainText(hostile.name, { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      await expect(page.getByTestId('router-description')).toHaveText(hostile.description);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    } finally {
      await changeRouterInNcm(router.id, { name: router.name, description: router.description ?? '' });
      await expect
        .poll(
          async () => ((await (await page.request.get(`/api/routers/${router.id}`)).json()) as { name: string }).name,
          { timeout: 30_000 },
        )
        .toBe(router.name);
    }
  });
});
