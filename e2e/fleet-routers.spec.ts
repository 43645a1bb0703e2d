import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, rowsSettled, type SimRouter, simulatorGet, test } from './fixtures';

/** RFC 4180: quoted fields, doubled quotes, CRLF or LF. Small on purpose: it checks the server's writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Undo the formula guard so a cell compares with what the table shows. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

async function firstNames(page: Page, n: number): Promise<string[]> {
  await rowsSettled(page);
  const links = page.getByTestId('router-row').getByRole('link');
  await expect(links.first()).toBeVisible();
  return (await links.allTextContents()).slice(0, n);
}

interface SimList<T> {
  data: T[];
}

test.describe('fleet router table', () => {
  test('search, filter and sort go to the URL, and the URL restores the view', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers');
    const firstRouter = (await simulatorGet<SimList<SimRouter>>('/routers/?limit=1&offset=3&order_by=id')).data[0];

    await page.getByTestId('fleet-search').fill(firstRouter.name);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(firstRouter.name).replace(/%20/g, '(\\+|%20)')}`));
    await expect(
      page.getByTestId('router-row').getByRole('link', { name: firstRouter.name, exact: true }),
    ).toBeVisible();
    await page.getByTestId('fleet-search').fill('');
    await expect(page).not.toHaveURL(/q=/);

    await page.getByTestId('state-chip-online').click();
    await expect(page).toHaveURL(/state=online/);
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    const before = await firstNames(page, 5);
    const sorted = [...before].sort((a, b) => b.localeCompare(a));
    expect(before).toEqual(sorted);

    await page.reload();
    await expect(page.getByTestId('state-chip-online')).toHaveAttribute('aria-pressed', 'true');
    expect(await firstNames(page, 5)).toEqual(before);

    // Back undoes the sort.
    await page.goBack();
    await expect(page).not.toHaveURL(/dir=desc/);
  });

  test('a facet filter narrows the rows, goes to the URL and is restored from it', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers');
    const total = async () =>
      Number((await page.getByTestId('routers-total').textContent())?.match(/[\d,]+/)?.[0].replace(/,/g, ''));
    await expect(page.getByTestId('routers-total')).toContainText('routers match');
    const all = await total();

    const carrier = page.getByTestId('facet-carrier');
    await carrier.locator('summary').click();
    const option = carrier.getByRole('checkbox').first();
    const name = (await carrier.locator('label.facet-option').first().textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    await option.check();
    await expect(page).toHaveURL(new RegExp(`carrier=${encodeURIComponent(name).replace(/%20/g, '(\\+|%20)')}`));
    await expect.poll(total).toBeLessThan(all);
    const filtered = await total();
    expect(filtered).toBeGreaterThan(0);
    await expect(page.getByTestId('router-row').first().locator('td[data-column=carrier]')).toHaveText(name);

    await page.reload();
    await expect(page.getByTestId('facet-carrier').locator('.chip-count')).toHaveText('1');
    // The fleet lives: the snapshot may refresh between the two loads and move a router or two in or
    // out of the carrier, so the restored filter is checked by its rows rather than by the same count.
    await expect.poll(total).toBeLessThan(all);
    const carriers = page.getByTestId('router-row').locator('td[data-column=carrier]');
    await expect.poll(() => carriers.count()).toBeGreaterThan(0);
    for (const shown of await carriers.allTextContents()) expect(shown).toBe(name);
    await page.getByTestId('facet-carrier').locator('summary').click();
    await expect(page.getByTestId('facet-carrier').getByRole('checkbox', { name })).toBeChecked();
  });

  test('the CSV export parses back to the rows on screen', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/routers?state=offline&cols=name,state,signalQuality,carrier');
    const onScreen = await firstNames(page, 10);
    const total = Number(
      (await page.getByTestId('routers-total').textContent())?.match(/[\d,]+/)?.[0].replace(/,/g, ''),
    );

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const rows = parseCsv(await readFile((await download.path()) ?? '', 'utf8'));
    const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
    const nameCol = header.findIndex((h) => /name/i.test(h));
    expect(nameCol).toBeGreaterThanOrEqual(0);
    expect(body.length).toBe(total);
    expect(body.slice(0, onScreen.length).map((r) => unguard(r[nameCol]))).toEqual(onScreen);
    await expect(page.getByTestId('export-status')).toContainText(`Exported ${total.toLocaleString('en-US')} rows`);
  });

  test('roles without the export right see no export button', async ({ signedInAs }) => {
    const page = await signedInAs('diag');
    await page.goto('/routers');
    await expect(page.getByTestId('router-row').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
  });

  test('overview tiles open the table filtered to their state', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    await page.goto('/');
    const tile = page.getByTestId('tile-offline');
    const count = (await tile.locator('.tile-value').textContent())?.trim();
    await tile.click();
    await expect(page).toHaveURL(/\/routers\?state=offline/);
    await expect(page.getByTestId('routers-total')).toContainText(`${count} routers match`);
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'All offline routers, most recent first' })).toHaveAttribute(
      'href',
      '/routers?state=offline&sort=stateUpdatedAt&dir=desc',
    );
  });

  test('router detail shows modems with a quality label; the copied link keeps tab and window', async ({
    signedInAs,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await signedInAs('viewer');
    const router = (await simulatorGet<SimList<SimRouter>>('/routers/?limit=1&offset=2&order_by=id')).data[0];
    await page.goto(`/routers/${router.id}?tab=modems`);
    const modem = page.getByTestId('modem-row').first();
    await expect(modem).toBeVisible();
    await expect(modem.getByTestId('signal-quality')).toHaveText(/Excellent|Good|Fair|Poor/);

    await page.getByTestId('router-tabs').getByRole('link', { name: 'Alerts' }).click();
    await expect(page).toHaveURL(/tab=alerts/);
    await page.getByRole('link', { name: '30 days' }).click();
    await expect(page).toHaveURL(/window=30d/);
    await expect(page.getByTestId('router-alerts').or(page.getByTestId('router-alerts-empty'))).toBeVisible();
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-link-status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect(url.searchParams.get('tab')).toBe('alerts');
    expect(url.searchParams.get('window')).toBe('30d');
  });
});
