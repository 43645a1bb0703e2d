import { test as base, expect, type Page } from '@playwright/test';
import { NCM_KEYS, SIMULATOR_URL, type E2EUser, USERS } from './test-env';

export async function signIn(page: Page, who: E2EUser): Promise<void> {
  const user = USERS[who];
  await page.goto('/login');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-role')).toHaveText(user.role);
}

/** Reads the simulator directly, as NCM would answer our server; used to check what the UI shows. */
export async function simulatorGet<T>(path: string): Promise<T> {
  const response = await fetch(`${SIMULATOR_URL}/api/v2${path}`, {
    headers: {
      'X-CP-API-ID': NCM_KEYS.cpApiId,
      'X-CP-API-KEY': NCM_KEYS.cpApiKey,
      'X-ECM-API-ID': NCM_KEYS.ecmApiId,
      'X-ECM-API-KEY': NCM_KEYS.ecmApiKey,
    },
  });
  if (!response.ok) throw new Error(`simulator ${path} → ${response.status}`);
  return (await response.json()) as T;
}

/** Changes a router in NCM itself (the simulator), as someone using NCM's own UI would. */
export async function changeRouterInNcm(id: string, fields: Record<string, string>): Promise<void> {
  const response = await fetch(`${SIMULATOR_URL}/api/v2/routers/${id}/`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      'X-CP-API-ID': NCM_KEYS.cpApiId,
      'X-CP-API-KEY': NCM_KEYS.cpApiKey,
      'X-ECM-API-ID': NCM_KEYS.ecmApiId,
      'X-ECM-API-KEY': NCM_KEYS.ecmApiKey,
    },
    body: JSON.stringify(fields),
  });
  expect(response.ok).toBe(true);
}

export async function simulatorControl(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${SIMULATOR_URL}/_sim${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

export interface SimRouter {
  id: string;
  name: string;
  description: string;
}

type Fixtures = { signedInAs: (who: E2EUser) => Promise<Page>; keyLeakGuard: void; cspGuard: void };

const SECRETS = Object.values(NCM_KEYS);

export const test = base.extend<Fixtures>({
  // Every response any test's browser receives (HTML, RSC, JSON, JS, CSS) is searched for the NCM
  // key values; a hit fails the test that received it.
  keyLeakGuard: [
    async ({ context }, use) => {
      const leaks: string[] = [];
      const pending: Promise<void>[] = [];
      context.on('response', (response) => {
        // A live stream (SSE) has no end to wait for; it carries only events the server composed.
        if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
        pending.push(
          response
            .body()
            .then((body) => {
              const text = body.toString('latin1') + JSON.stringify(response.headers());
              if (SECRETS.some((secret) => text.includes(secret))) leaks.push(response.url());
            })
            .catch(() => undefined),
        );
      });
      await use();
      // A body the page abandoned may never finish; give the rest a bounded time to arrive.
      await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 5_000))]);
      expect(leaks, 'responses that carried an NCM key').toEqual([]);
    },
    { auto: true },
  ],
  // Every page of every test runs under the Content-Security-Policy; anything it blocks (a script
  // without the nonce, an image or connection to a host not allowed) fails the test that saw it.
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on('console', (message) => {
        if (/Content[ -]Security[ -]Policy/i.test(message.text()))
          violations.push(`${message.page()?.url()}: ${message.text()}`);
      });
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  signedInAs: async ({ page }, use) => {
    await use(async (who) => {
      await signIn(page, who);
      return page;
    });
  },
});

export { expect };

/**
 * After a filter or sort change the table keeps the previous view's rows (dimmed) until the new
 * ones arrive: wait for the rows to be the current view's before reading them.
 */
export async function rowsSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('routers-table')).not.toHaveClass(/previous-rows/);
  await expect(page.getByTestId('routers-table')).toHaveAttribute('aria-busy', 'false');
}
