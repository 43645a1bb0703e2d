import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPushSecret } from '@/lib/alerts/push-registration';
import { signAlertPush } from '@/lib/ncm';
import { closeStoreForTests } from '@/lib/store/db';
import { POST } from './route';

const storePath = `${tmpdir()}/fleet-webhook-${process.pid}.db`;
process.env.STORE_PATH = storePath;
const receivePush = vi.hoisted(() => vi.fn(async (alerts: unknown[]) => alerts.length));
vi.mock('@/lib/alerts/live', () => ({ getLiveAlerts: () => ({ receivePush }) }));

const body = JSON.stringify({
  created_at: '2026-01-01T00:00:00.000000+00:00',
  created_at_timeuuid: '76735546-e934-11f1-885e-c2d5c2fd18ec',
  type: 'router_offline',
  router: 'http://127.0.0.1:8787/api/v2/routers/1000300/',
  friendly_info: 'Router X went offline',
});

const post = (text: string, signature?: string) =>
  POST(
    new Request('http://127.0.0.1/api/ncm-webhook', {
      method: 'POST',
      body: text,
      headers: signature ? { 'x-cp-signature': signature } : {},
    }),
  );

beforeEach(() => {
  receivePush.mockClear();
});
afterAll(() => {
  closeStoreForTests();
  for (const s of ['', '-wal', '-shm']) rmSync(`${storePath}${s}`, { force: true });
});

describe('POST /api/ncm-webhook', () => {
  it('accepts a delivery signed with our secret and hands it to the live feed', async () => {
    const response = await post(body, signAlertPush(getPushSecret(), body));
    expect(response.status).toBe(200);
    expect(receivePush).toHaveBeenCalledTimes(1);
    expect(receivePush.mock.calls[0][0]).toMatchObject([
      { id: '76735546-e934-11f1-885e-c2d5c2fd18ec', routerId: '1000300' },
    ]);
  });

  it('rejects unsigned, wrongly signed and tampered deliveries with a bare 401', async () => {
    const good = signAlertPush(getPushSecret(), body);
    for (const response of [
      await post(body),
      await post(body, signAlertPush('guess', body)),
      await post(body.replace('X', 'Y'), good),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    }
    expect(receivePush).not.toHaveBeenCalled();
  });

  it('rejects oversized bodies before checking anything else, and signed non-alerts with 400', async () => {
    const huge = 'x'.repeat(300 * 1024);
    expect((await post(huge, signAlertPush(getPushSecret(), huge))).status).toBe(413);
    const notJson = 'not json';
    expect((await post(notJson, signAlertPush(getPushSecret(), notJson))).status).toBe(400);
    const notAlert = '{"hello":"world"}';
    expect((await post(notAlert, signAlertPush(getPushSecret(), notAlert))).status).toBe(400);
    expect(receivePush).not.toHaveBeenCalled();
  });
});
