import { type Browser, type Cookie, expect, type Page } from '@playwright/test';
import { signIn, simulatorGet } from './fixtures';

/** A router with a known position and a modem, so every tab and the field view have something to show. */
export async function sampleRouter(): Promise<{ id: string; name: string; serial: string }> {
  const locations = await simulatorGet<{ data: Array<{ router: string }> }>('/locations/?limit=20');
  const id = locations.data.map((l) => l.router.match(/routers\/(\d+)\//)?.[1]).find(Boolean) as string;
  const router = await simulatorGet<{ id: string; name: string; serial_number: string }>(`/routers/${id}/`);
  return { id, name: router.name, serial: router.serial_number };
}

export interface AppPage {
  name: string;
  path: string;
  /** Waits until the page shows what it is for (data loaded, not a skeleton). */
  ready: (page: Page) => Promise<void>;
}

const visible = (page: Page, testId: string) => expect(page.getByTestId(testId).first()).toBeVisible();
const either = (page: Page, a: string, b: string) =>
  expect(page.getByTestId(a).or(page.getByTestId(b)).first()).toBeVisible();

/** Every page of the dashboard an Administrator can open, the router page once per tab. */
export function appPages(routerId: string): AppPage[] {
  const router = `/routers/${encodeURIComponent(routerId)}`;
  return [
    { name: 'overview', path: '/', ready: (p) => visible(p, 'state-tiles') },
    { name: 'routers', path: '/routers', ready: (p) => visible(p, 'router-row') },
    { name: 'router overview tab', path: router, ready: (p) => either(p, 'net-devices-table', 'net-devices-empty') },
    {
      name: 'router modems tab',
      path: `${router}?tab=modems`,
      ready: (p) => either(p, 'modems-table', 'modems-empty'),
    },
    {
      name: 'router signal tab',
      path: `${router}?tab=signal`,
      ready: async (p) => {
        await visible(p, 'signal-chart');
        await expect.poll(() => p.locator('path.chart-line').count()).toBeGreaterThan(0);
      },
    },
    {
      name: 'router location tab',
      path: `${router}?tab=location`,
      ready: async (p) => {
        await expect(
          p.getByTestId('location-status').filter({ hasText: 'fixes from' }).or(p.getByTestId('track-empty')),
        ).toBeVisible();
        await expect(p.getByTestId('track-loading')).toHaveCount(0);
      },
    },
    {
      name: 'router alerts tab',
      path: `${router}?tab=alerts`,
      ready: (p) => either(p, 'router-alerts', 'router-alerts-empty'),
    },
    { name: 'alerts', path: '/alerts', ready: (p) => either(p, 'alerts-table', 'alerts-empty') },
    {
      name: 'activity',
      path: '/activity',
      ready: async (p) => {
        await either(p, 'audit-table', 'audit-empty');
        await either(p, 'ncm-activity-table', 'ncm-activity-error');
      },
    },
    {
      name: 'map',
      path: '/map',
      ready: async (p) => {
        await expect(p.getByTestId('map-status')).toContainText('routers on the map');
        await expect(p.locator('.leaflet-overlay-pane path').first()).toBeAttached();
      },
    },
    { name: 'sessions', path: '/sessions', ready: (p) => either(p, 'sessions-table', 'sessions-empty') },
    {
      name: 'field search',
      path: '/field',
      ready: (p) => expect(p.getByLabel('Name, serial, MAC, IMEI or asset id')).toBeVisible(),
    },
    { name: 'field view', path: `/field/${encodeURIComponent(routerId)}`, ready: (p) => visible(p, 'signal-gauge') },
  ];
}

/** The login page, for a browser without a session. */
export const LOGIN_PAGE: AppPage = {
  name: 'login',
  path: '/login',
  ready: (p) => expect(p.getByRole('button', { name: 'Sign in' })).toBeVisible(),
};

/**
 * For specs that visit every page: one Administrator sign-in and the sample router, shared by the
 * file's tests (each adds the cookies to its own context).
 */
export async function signedInOnce(browser: Browser): Promise<{ session: Cookie[]; routerId: string }> {
  const routerId = (await sampleRouter()).id;
  const context = await browser.newContext();
  await signIn(await context.newPage(), 'admin');
  const session = await context.cookies();
  await context.close();
  return { session, routerId };
}
