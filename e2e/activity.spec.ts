import { BASE_URL } from './test-env';
import { expect, type SimRouter, simulatorGet, test } from './fixtures';

test.describe('activity', () => {
  test('a rename through the API is audited with who, before and after', async ({ signedInAs }) => {
    const page = await signedInAs('admin');
    const router = (await simulatorGet<{ data: SimRouter[] }>('/routers/?limit=1&offset=7&order_by=id')).data[0];
    const newName = `${router.name}-AUDIT-${Date.now() % 100000}`;
    const response = await page.request.patch(`/api/routers/${router.id}`, {
      data: { name: newName },
      headers: { 'content-type': 'application/json', origin: BASE_URL },
    });
    expect(response.status()).toBe(200);

    await page.goto('/activity');
    const entry = page.getByTestId('audit-row').filter({ hasText: newName }).first();
    await expect(entry).toBeVisible();
    await expect(entry).toContainText('Administrator (e2e)');
    await expect(entry).toContainText('Changed router');
    await expect(entry.getByTestId('audit-change')).toHaveText(`name: “${router.name}” → “${newName}”`);
    await expect(page.getByTestId('ncm-activity-table')).toBeVisible();

    await page.request.patch(`/api/routers/${router.id}`, {
      data: { name: router.name },
      headers: { 'content-type': 'application/json', origin: BASE_URL },
    });
  });

  test('a Diagnostic user is told the activity log is not for their role', async ({ signedInAs }) => {
    const page = await signedInAs('diag');
    await page.goto('/activity');
    await expect(page.getByTestId('activity-forbidden')).toBeVisible();
    await expect(page.getByTestId('audit-table')).toHaveCount(0);
  });
});
