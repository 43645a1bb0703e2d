import { expect, simulatorGet, test } from './fixtures';

interface SimRouter {
  id: string;
  name: string;
  locality: string | null;
}

/** Two online routers of the fleet; the first has two modems. */
async function routers(): Promise<{ twoModems: SimRouter; other: SimRouter }> {
  const devices = await simulatorGet<{ data: Array<{ router: string; type: string }> }>('/net_devices/?limit=300');
  const count = new Map<string, number>();
  for (const d of devices.data.filter((d) => d.type === 'mdm')) {
    const id = d.router.match(/routers\/(\d+)\//)?.[1];
    if (id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  const ids = [...count.entries()].filter(([, n]) => n >= 2).map(([id]) => id);
  const list = await Promise.all(
    ids.slice(0, 6).map((id) => simulatorGet<SimRouter & { state: string }>(`/routers/${id}/`)),
  );
  const online = list.filter((r) => r.state === 'online');
  expect(online.length).toBeGreaterThanOrEqual(2);
  return { twoModems: online[0]!, other: online[1]! };
}

test.describe('signal comparison and time zones', () => {
  // Each test walks a whole flow (sign-in, charts of several routers, a reload).
  test.describe.configure({ timeout: 120_000 });

  test('compares one metric of two routers on one chart, each with its own dash, and the link keeps it', async ({
    signedInAs,
  }) => {
    const { twoModems: a, other: b } = await routers();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${a.id}?tab=signal&range=1h`);
    await expect(page.getByTestId('signal-chart').first()).toBeVisible();
    await page.getByLabel('Compare with another router (name, serial or id)').fill(b.name);
    await page.getByRole('button', { name: `Add ${b.name} (${b.id})` }).click();
    await expect(page).toHaveURL(new RegExp(`compare=${b.id}`));
    const chart = page.getByTestId('compare-chart');
    const legend = chart.getByTestId('compare-legend-item');
    await expect(legend).toHaveCount(2);
    await expect(legend.nth(0)).toContainText(a.name);
    await expect(legend.nth(1)).toContainText(b.name);
    // Told apart without colour: each line and its legend swatch carry their own dash pattern.
    const dashes = await legend.evaluateAll((items) => items.map((i) => i.getAttribute('data-dash')));
    expect(new Set(dashes).size).toBe(2);
    const lines = chart.locator('path.chart-line');
    await expect.poll(() => lines.count()).toBe(2);
    const drawn = await lines.evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray') ?? 'solid'));
    expect(new Set(drawn).size).toBe(2);
    await expect(chart.locator('figcaption')).toContainText('RSRP (dBm)');

    await page.getByLabel('Metric to compare').selectOption('sinr');
    await expect(page).toHaveURL(/metric=sinr/);
    await expect(chart.locator('figcaption')).toContainText('SINR (dB)');

    // The other router has two modems: its second one can be drawn instead, and the link says which.
    const modemOfB = page.getByLabel(`Modem of ${b.name}`);
    const options = await modemOfB
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
    expect(options.length).toBe(2);
    await expect(legend.nth(1)).toContainText(options[0]!.label);
    await modemOfB.selectOption(options[1]!.value);
    await expect(page).toHaveURL(new RegExp(`compare=${b.id}%3A${options[1]!.value}`));
    await expect(legend.nth(1)).toContainText(options[1]!.label);

    await page.reload();
    await expect(page.getByTestId('compare-chart').getByTestId('compare-legend-item')).toHaveCount(2);
    await expect(page.getByTestId('compare-chart').locator('figcaption')).toContainText('SINR (dB)');
    await expect(page.getByTestId('compare-legend-item').nth(1)).toContainText(options[1]!.label);
    await expect(page.getByLabel(`Modem of ${b.name}`)).toHaveValue(options[1]!.value);
    await page.getByRole('button', { name: `Remove ${b.name} from the comparison` }).click();
    await expect(page).not.toHaveURL(/compare=/);
    await expect(page.getByTestId('compare-chart')).toHaveCount(0);
  });

  test('compares the two modems of one router on one chart', async ({ signedInAs }) => {
    const { twoModems: a } = await routers();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${a.id}?tab=signal&range=1h`);
    await expect(page.getByTestId('signal-chart').first()).toBeVisible();
    await page.getByTestId('modem-select').selectOption('compare');
    await expect(page).toHaveURL(/modem=compare/);
    const legend = page.getByTestId('compare-chart').getByTestId('compare-legend-item');
    await expect(legend).toHaveCount(2);
    await expect(page.getByTestId('compare-chart').locator('figcaption')).toContainText(`Modems of ${a.name}`);
  });

  test('a compared router that does not exist is named and left out; times switch to the router’s own zone', async ({
    signedInAs,
  }) => {
    const { twoModems: a, other: b } = await routers();
    expect(a.locality).toBeTruthy();
    const page = await signedInAs('viewer');
    await page.goto(`/routers/${a.id}?tab=signal&range=1h&compare=999999999,abc`);
    await expect(page.getByTestId('compare-failure')).toHaveText(
      'Router 999999999 is not known to NCM; left out of the comparison.',
    );
    await expect(page.getByTestId('signal-bad-params')).toContainText('Left out of the comparison: "abc"');
    await expect(page.getByTestId('compare-chart').getByTestId('compare-legend-item')).toHaveCount(1);
    // A router can be picked by its id too.
    await page.getByLabel('Compare with another router (name, serial or id)').fill(b.id);
    await page.getByRole('button', { name: `Add router ${b.id}` }).click();
    await expect(page).toHaveURL(new RegExp(`compare=999999999%2C${b.id}`));
    await expect(page.getByTestId('compare-chart').getByTestId('compare-legend-item')).toHaveCount(2);

    await page.goto(`/routers/${a.id}?tab=signal&range=1h`);
    await expect(page.getByTestId('signal-chart').first().locator('figcaption').first()).toContainText('times in UTC');
    await page.getByTestId('zone-select').selectOption('router');
    await expect(page).toHaveURL(/tz=router/);
    await expect(page.getByTestId('signal-chart').first().locator('figcaption').first()).toContainText(
      `times in ${a.locality}, the router's zone`,
    );
  });
});
