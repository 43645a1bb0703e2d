/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) started here, and a second
 * instance of the built dashboard configured for it, both on loopback addresses as a NOC trying it
 * out would run them. Groups live only in the provider's userinfo (its default), so the role claim
 * must be read from there; roles are re-checked every 5 s here.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { type SimRouter, simulatorGet } from './fixtures';
import { type TestAccount, type TestProvider, startTestProvider } from '../lib/testing/oidc-test-provider';
import { type SecondApp, startSecondApp } from './second-app';
import { PORT, USERS } from './test-env';

const PROVIDER_PORT = PORT + 11;
const APP_PORT = PORT + 12;
const APP = `http://127.0.0.1:${APP_PORT}`;
const STORE = `${process.cwd()}/reports/e2e-sso-store.db`;
const RECHECK_SECONDS = 5;

const account = (username: string, groups: string[]): TestAccount => ({
  preferred_username: username,
  name: `${username} (IdP)`,
  email: `${username}@idp.example`,
  groups,
});

const ACCOUNTS: Record<string, TestAccount> = {
  nadia: account('nadia', ['noc-admins']),
  omar: account('omar', ['noc']),
  rita: account('rita', ['viewers']),
  dana: account('dana', ['field']),
  gus: account('gus', ['guests']),
  // Named like the local Administrator account "admin", but only a viewer at the provider.
  'idp-admin': account(USERS.admin.username, ['viewers']),
};

interface SimList<T> {
  data: T[];
}

let provider: TestProvider;
let app: SecondApp;

// Each test walks several people through two sites' sign-in pages; on a busy 2-core machine that takes minutes.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  provider = await startTestProvider({
    port: PROVIDER_PORT,
    redirectUri: `${APP}/api/auth/callback/oidc`,
    postLogoutRedirectUri: `${APP}/login`,
    accounts: ACCOUNTS,
  });
  app = await startSecondApp({
    port: APP_PORT,
    storePath: STORE,
    label: 'single sign-on dashboard',
    env: {
      AUTH_SECRET: 'e2e-sso-secret-0123456789abcdef0123456789abcdef',
      FLEET_POLL_SECONDS: '4',
      PUBLIC_URL: APP,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME: 'Test IdP',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: JSON.stringify({
        'noc-admins': 'Administrator',
        noc: 'Full Access',
        viewers: 'Read Only',
        field: 'Diagnostic',
      }),
      OIDC_SCOPES: 'groups',
      OIDC_ROLE_RECHECK_SECONDS: String(RECHECK_SECONDS),
    },
  });
});

test.afterAll(async () => {
  app?.stop();
  await provider?.stop();
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP });
  return context.newPage();
}

/** From the dashboard's login page through the provider's login form. */
async function signInWithSso(page: Page, login: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
  await page.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

async function signedIn(browser: Browser, login: string, path = '/routers'): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await signInWithSso(page, login);
  await expect(page.getByTestId('current-sso')).toBeVisible();
  return page;
}

async function firstRouter(): Promise<SimRouter> {
  return (await simulatorGet<SimList<SimRouter>>('/routers/?limit=1&offset=3&order_by=id')).data[0]!;
}

/** A write from the page itself (same-origin JSON), as the edit form sends it. */
async function renameFromPage(page: Page, id: string, name: string): Promise<number> {
  return page.evaluate(
    async ([routerId, newName]) =>
      (
        await fetch(`/api/routers/${routerId}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: newName }),
        })
      ).status,
    [id, name] as const,
  );
}

test('users mapped to each role sign in from a loopback address and land on their deep link, tab included', async ({
  browser,
}) => {
  const router = await firstRouter();
  const expected: Array<[string, string]> = [
    ['nadia', 'Administrator'],
    ['omar', 'Full Access'],
    ['rita', 'Read Only'],
    ['dana', 'Diagnostic'],
  ];
  for (const [login, role] of expected) {
    const page = await signedIn(browser, login, `/routers/${router.id}?tab=modems`);
    await expect(page).toHaveURL(`${APP}/routers/${router.id}?tab=modems`);
    await expect(page.getByTestId('current-role')).toHaveText(role);
    await expect(page.getByTestId('current-user')).toHaveText(`${login} (IdP)`);
    await page.context().close();
  }
});

test('a provider user whose groups map to no role is refused with a message saying so', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/login');
  await signInWithSso(page, 'gus');
  await expect(page.getByTestId('login-error')).toContainText('no Fleet Console role');
  await page.context().close();
});

test('a demotion at the provider takes effect for writes at once and for reads within the re-check interval', async ({
  browser,
}) => {
  const router = await firstRouter();
  const page = await signedIn(browser, 'omar', `/routers/${router.id}`);
  await expect(page.getByTestId('current-role')).toHaveText('Full Access');
  expect(await renameFromPage(page, router.id, router.name)).toBe(200);

  provider.accounts.set('omar', account('omar', ['viewers']));
  // The write asks the provider first.
  expect(await renameFromPage(page, router.id, router.name)).toBe(403);
  const demotedAt = Date.now();
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('current-role').textContent();
      },
      { timeout: (RECHECK_SECONDS + 10) * 1000 },
    )
    .toBe('Read Only');
  expect(Date.now() - demotedAt).toBeLessThan((RECHECK_SECONDS + 10) * 1000);

  // Removed from every mapped group: the next check ends the session.
  provider.accounts.set('omar', account('omar', []));
  await expect
    .poll(
      async () => {
        await page.goto(`/routers/${router.id}?tab=modems`);
        return new URL(page.url()).pathname;
      },
      { timeout: (RECHECK_SECONDS + 10) * 1000 },
    )
    .toBe('/login');
  // The deep link, tab included, survives the redirect of an ended session.
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(`/routers/${router.id}?tab=modems`);
  provider.accounts.set('omar', account('omar', ['noc']));
  await page.context().close();
});

test("an Administrator ends one person's sessions; a provider account named like a local user stays apart", async ({
  browser,
}) => {
  const admin = await signedIn(browser, 'nadia');
  const twin = await signedIn(browser, 'idp-admin');
  await expect(twin.getByTestId('current-role')).toHaveText('Read Only');

  // The local account of the same name is another person with another role.
  const local = await newPage(browser);
  await local.goto('/login');
  await local.getByLabel('Username').fill(USERS.admin.username);
  await local.getByLabel('Password').fill(USERS.admin.password);
  await local.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(local.getByTestId('current-role')).toHaveText('Administrator');
  await expect(local.getByTestId('current-sso')).toHaveCount(0);

  await admin.goto('/sessions');
  const twinRow = admin.locator('[data-testid="session-row"][data-user="oidc:idp-admin"]');
  const localRow = admin.locator(`[data-testid="session-row"][data-user="credentials:${USERS.admin.username}"]`);
  await expect(twinRow).toContainText(`${USERS.admin.username} (SSO)`);
  await expect(localRow).toBeVisible();
  await expect(localRow).not.toContainText('(SSO)');

  await twinRow.getByRole('button', { name: /End the sessions of/ }).click();
  await expect(twinRow).toHaveCount(0);
  // A page without a loading state, so the refusal is the response itself rather than a redirect
  // inside a streamed page (which a busy test machine may take long to follow).
  await twin.goto('/activity');
  await expect(twin).toHaveURL(/\/login\?callbackUrl=%2Factivity/);
  // Only that person: the local account of the same name is still signed in.
  await local.goto('/activity');
  await expect(local.getByTestId('current-role')).toHaveText('Administrator');

  await admin.goto('/activity');
  const entry = admin.getByTestId('audit-row').filter({ hasText: 'Ended sessions' }).first();
  await expect(entry).toContainText('SSO user');
  await expect(entry.getByTestId('sso-mark')).toBeVisible();
  for (const page of [admin, twin, local]) await page.context().close();
});

test('signing out ends the provider session too: the next SSO click asks who is there', async ({ browser }) => {
  const page = await signedIn(browser, 'rita');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider asks to confirm its own sign-out, then returns to the dashboard's login page.
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${APP}/login`);
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.context().close();
});

test('refused attempts say what happened and log one line without codes or state', async ({ browser }) => {
  const page = await newPage(browser);

  // Cancel at the provider.
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(page.getByTestId('login-error')).toContainText('cancelled at the identity provider');

  // A replayed callback: the URL of a completed sign-in, opened again.
  const callbacks: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${APP}/api/auth/callback/oidc`)) callbacks.push(request.url());
  });
  await page.goto('/login');
  await signInWithSso(page, 'dana');
  await expect(page.getByTestId('current-role')).toHaveText('Diagnostic');
  const used = callbacks[0]!;
  const usedCode = new URL(used).searchParams.get('code')!;
  const logBefore = app.log().length;
  // Replayed from another browser (a copied URL): nothing of the first sign-in is there.
  const replay = await newPage(browser);
  await replay.goto(used);
  await expect(replay.getByTestId('login-error')).toContainText('already used');
  await expect(replay.getByTestId('current-user')).toHaveCount(0);
  await replay.context().close();
  await page.context().clearCookies();

  // A tampered state.
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
  await page.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.goto(
    `${APP}/api/auth/callback/oidc?code=made-up-code-123&state=tampered-state-456&iss=${encodeURIComponent(provider.issuer)}`,
  );
  await expect(page.getByTestId('login-error')).toContainText('could not be verified');
  await expect(page).toHaveURL(new RegExp(`^${APP}/login`));

  await expect.poll(() => app.log().slice(logBefore)).toContain('single sign-on refused');
  const log = app.log().slice(logBefore);
  for (const secret of [usedCode, 'made-up-code-123', 'tampered-state-456']) expect(log).not.toContain(secret);
  expect(log).not.toMatch(/^\s+at /m);
  expect(log.split('\n').filter((line) => line.includes('[auth]')).length).toBeLessThanOrEqual(2);
  await page.context().close();
});
