import { expect, type SimRouter, simulatorGet, test } from './fixtures';

interface SimList<T> {
  data: T[];
}

async function pickRouter(offset: number): Promise<SimRouter> {
  const list = await simulatorGet<SimList<SimRouter>>(`/routers/?limit=1&offset=${offset}&order_by=id`);
  return list.data[0];
}

test.describe('editing a router', () => {
  test('an Administrator renames a router; it persists after reload and in NCM', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    const router = await pickRouter(3);
    const newName = `${router.name}-RENAMED-${Date.now() % 100000}`;
    await page.goto(`/routers/${router.id}`);
    await page.getByLabel('Name', { exact: true }).fill(newName);
    await page.getByLabel('Description', { exact: true }).fill('Moved to depot 4 for a modem swap');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('edit-status')).toContainText('Saved');
    await expect(page.getByTestId('router-name')).toContainText(newName);

    await page.reload();
    await expect(page.getByTestId('router-name')).toContainText(newName);
    await expect(page.getByTestId('router-description')).toHaveText('Moved to depot 4 for a modem swap');

    const inNcm = await simulatorGet<SimRouter>(`/routers/${router.id}/`);
    expect(inNcm.name).toBe(newName);
    expect(inNcm.description).toBe('Moved to depot 4 for a modem swap');
  });

  test('what NCM says about a refused field is shown beside that field', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    const router = await pickRouter(6);
    await page.goto(`/routers/${router.id}`);
    // Within the dashboard's own limit (1,000 characters), beyond NCM's (255): only NCM refuses it.
    await page.getByLabel('Description', { exact: true }).fill('d'.repeat(300));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('edit-status')).toContainText('NetCloud Manager refused the change');
    await expect(page.getByTestId('field-error-description')).toHaveText('at most 255 characters.');
    const inNcm = await simulatorGet<SimRouter>(`/routers/${router.id}/`);
    expect(inNcm.description).toBe(router.description);
  });

  test('a Full Access user can move a router to another group of its account', async ({ signedInAs }) => {
    const page = await signedInAs('operator');
    const router = await pickRouter(5);
    await page.goto(`/routers/${router.id}`);
    const select = page.getByLabel('Group', { exact: true });
    // The group list loads after the page; wait for more than the "No group" and current options.
    await expect(select.locator('option').nth(2)).toBeAttached();
    const options = await select
      .locator('option')
      .evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })));
    const current = await select.inputValue();
    const target = options.find((o) => o.value && o.value !== current);
    expect(target).toBeDefined();
    await select.selectOption(target!.value);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('edit-status')).toContainText('Saved');
    await expect(page.getByTestId('router-group')).toHaveText(target!.label);
    // The audit names the groups (with their ids), not bare ids.
    await page.goto('/activity');
    const entry = page
      .getByTestId('audit-row')
      .filter({ hasText: `Router ${router.id}` })
      .filter({ hasText: 'Changed router' })
      .first();
    await expect(entry.getByTestId('audit-change').filter({ hasText: /^group:/ })).toContainText(
      `→ “${target!.label} (${target!.value})”`,
    );
  });

  test('a Read Only user sees no edit control, and a forced PATCH gets 403', async ({ signedInAs }) => {
    const page = await signedInAs('viewer');
    const router = await pickRouter(4);
    await page.goto(`/routers/${router.id}`);
    await expect(page.getByTestId('read-only-note')).toBeVisible();
    await expect(page.getByTestId('router-edit-form')).toHaveCount(0);

    const response = await page.request.patch(`/api/routers/${router.id}`, {
      data: { name: 'hijacked' },
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status()).toBe(403);
    const unchanged = await simulatorGet<SimRouter>(`/routers/${router.id}/`);
    expect(unchanged.name).toBe(router.name);
  });

  test('a Diagnostic user cannot rename either', async ({ signedInAs }) => {
    const page = await signedInAs('diag');
    const router = await pickRouter(4);
    const response = await page.request.patch(`/api/routers/${router.id}`, {
      data: { name: 'hijacked' },
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status()).toBe(403);
  });

  test('bad input is refused with a clear error and nothing reaches NCM', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    const router = await pickRouter(6);
    const tooLong = await page.request.patch(`/api/routers/${router.id}`, {
      data: { name: 'x'.repeat(101) },
      headers: { 'content-type': 'application/json' },
    });
    expect(tooLong.status()).toBe(400);
    const extra = await page.request.patch(`/api/routers/${router.id}`, {
      data: { name: 'ok-name', account: '1', config_status: 'x' },
      headers: { 'content-type': 'application/json' },
    });
    expect(extra.status()).toBe(400);
    const form = await page.request.patch(`/api/routers/${router.id}`, {
      data: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(form.status()).toBe(415);
    const unchanged = await simulatorGet<SimRouter>(`/routers/${router.id}/`);
    expect(unchanged.name).toBe(router.name);
  });
});
