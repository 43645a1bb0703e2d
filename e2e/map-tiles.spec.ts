/**
 * The maps with a raster tile server configured (MAP_TILE_URL). The tile server is a tiny local one
 * started here, and since the dashboard reads MAP_TILE_URL when it starts, a second dashboard is
 * started on a spare port with it, against the same simulator and users.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, simulatorGet, test } from './fixtures';
import { type SecondApp, startSecondApp } from './second-app';
import { PORT, USERS } from './test-env';

const APP_PORT = PORT + 8;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const ATTRIBUTION = 'Tiles by the e2e tile server';
/** A 1×1 PNG; Leaflet stretches each tile image to 256 px. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let tiles: Server;
let app: SecondApp;
const requested: string[] = [];

test.beforeAll(async () => {
  tiles = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length, 'Cache-Control': 'no-store' })
      .end(PNG);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const tilePort = (tiles.address() as AddressInfo).port;
  app = await startSecondApp({
    port: APP_PORT,
    // Its own store; no PUBLIC_URL, so it never registers itself for NCM's alert pushes.
    storePath: `${process.cwd()}/reports/e2e-tiles-store.db`,
    label: 'tiled dashboard',
    env: {
      AUTH_SECRET: 'e2e-tiles-secret-0123456789abcdef0123456789abcdef',
      MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`,
      MAP_TILE_ATTRIBUTION: ATTRIBUTION,
    },
  });
});

test.afterAll(async () => {
  app?.stop();
  await new Promise<void>((resolve) => (tiles ? tiles.close(() => resolve()) : resolve()));
});

async function signInThere(page: Page): Promise<void> {
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel('Username').fill(USERS.viewer.username);
  await page.getByLabel('Password').fill(USERS.viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-role')).toHaveText(USERS.viewer.role);
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test.describe('maps with a tile server', () => {
  test('the fleet map draws raster tiles from the configured server and credits it', async ({ page }) => {
    await signInThere(page);
    const errors = collectErrors(page);
    const before = requested.length;
    expect((await page.goto(`${APP_URL}/map`))?.status()).toBe(200);
    const map = page.getByTestId('fleet-map');
    await expect(map.locator('img.leaflet-tile-loaded').first()).toBeVisible();
    expect(requested.length).toBeGreaterThan(before);
    expect(requested.slice(before).every((path) => /^\/\d+\/\d+\/\d+\.png$/.test(path))).toBe(true);
    await expect(map.locator('.leaflet-control-attribution')).toContainText(ATTRIBUTION);
    // The tiles replace the outlines shipped with the app.
    await expect(map.locator('.leaflet-control-attribution')).not.toContainText('Natural Earth');
    expect(errors).toEqual([]);
  });

  test('the Location tab draws its track over the same tiles', async ({ page }) => {
    const list = await simulatorGet<{ data: Array<{ id: string; name: string; state: string }> }>(
      '/routers/?limit=100&fields=id,name,state',
    );
    const bus = list.data.find((r) => /^BUS-/.test(r.name) && r.state === 'online');
    expect(bus).toBeDefined();
    await signInThere(page);
    const errors = collectErrors(page);
    const before = requested.length;
    await page.goto(`${APP_URL}/routers/${bus!.id}?tab=location&range=1h`);
    const map = page.getByTestId('track-map');
    await expect(map.locator('img.leaflet-tile-loaded').first()).toBeVisible();
    expect(requested.length).toBeGreaterThan(before);
    await expect(map.locator('.leaflet-control-attribution')).toContainText(ATTRIBUTION);
    await expect(page.getByTestId('track-position')).toBeVisible();
    expect(errors).toEqual([]);
  });
});
