import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertSchema } from '../ncm/wire';
import type { RunningSimulator } from './index';
import { type Api, api, FIXED_NOW, start } from './test-helpers';

interface Received {
  body: string;
  signature: string | undefined;
}

let listener: Server;
let hookUrl = '';
const received: Received[] = [];
let failNext = false;

beforeAll(async () => {
  listener = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: req.headers['x-cp-signature'] as string | undefined,
      });
      res.writeHead(failNext ? 500 : 200);
      res.end();
    });
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => listener.close(() => r())));

const SECRET = 'push-secret-1';
const hmac = (body: string) => createHmac('sha256', SECRET).update(body).digest('hex');

async function waitFor(pred: () => boolean, ms = 3000): Promise<void> {
  const t = Date.now();
  while (!pred()) {
    if (Date.now() - t > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function addDestination(a: Api, url = hookUrl): Promise<string> {
  const res = await a.send('POST', 'alert_push_destinations/', {
    name: 'listener',
    endpoint: { url },
    authentication: { secret: SECRET },
  });
  expect(res.status).toBe(201);
  return String((res.body as { destination_config_id: string }).destination_config_id);
}

describe('alert push', () => {
  let sim: RunningSimulator;
  let a: Api;
  let clock = FIXED_NOW;

  beforeAll(async () => {
    sim = await start({ routers: 150, controlEnabled: true, now: () => clock, alertIntervalMs: 40 });
    a = api(sim);
  });
  afterAll(() => sim.close());

  it('control POST /_sim/alerts delivers immediately, signed with HMAC-SHA256 of the exact body', async () => {
    const id = await addDestination(a);
    received.length = 0;
    const res = await fetch(`${sim.baseUrl.replace('/api/v2', '')}/_sim/alerts`, {
      method: 'POST',
      body: JSON.stringify({ router_id: '1000007', type: 'router_offline' }),
    });
    expect(res.status).toBe(201);
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.signature).toBe(hmac(got.body));
    const alert = alertSchema.parse(JSON.parse(got.body));
    expect(alert.type).toBe('router_offline');
    expect(alert.router).toBe(`${sim.baseUrl}/routers/1000007/`);
    expect(alert.message).toBe(alert.friendly_info);
    expect(alert.severity).toBe('critical');
    // and it is in the feed
    const feed = (await a.get('alerts/?router=1000007&type=router_offline&limit=1')).body as {
      data: Array<{ id: string }>;
    };
    expect(feed.data[0]!.id).toBe(alert.id);
    await a.send('DELETE', `alert_push_destinations/${id}/`, undefined);
  });

  it('POST /test_alert_push_destinations/ sends a test_alert and reports success', async () => {
    const id = await addDestination(a);
    received.length = 0;
    const res = await a.send('POST', 'test_alert_push_destinations/', { destination_config_id: id });
    expect(res.status).toBe(200);
    expect((res.body as { success: boolean }).success).toBe(true);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body).type).toBe('test_alert');
    expect(received[0]!.signature).toBe(hmac(received[0]!.body));
    await a.send('DELETE', `alert_push_destinations/${id}/`, undefined);
  });

  it('the timer pushes alerts created in (lastTick, now] as the clock advances', async () => {
    const id = await addDestination(a);
    received.length = 0;
    const before = clock;
    clock += 3 * 3_600_000;
    const expected = (
      await a.get(`alerts/?created_at__gt=${encodeURIComponent(new Date(before).toISOString())}&limit=500`)
    ).body as { data: Array<{ id: string }> };
    expect(expected.data.length).toBeGreaterThan(0);
    await waitFor(() => received.length >= expected.data.length);
    const ids = received.map((r) => JSON.parse(r.body).id as string);
    expect(new Set(ids)).toEqual(new Set(expected.data.map((x) => x.id)));
    for (const r of received) expect(r.signature).toBe(hmac(r.body));
    await a.send('DELETE', `alert_push_destinations/${id}/`, undefined);
  });

  it('records delivery failures on the destination without crashing', async () => {
    const id = await addDestination(a, 'http://127.0.0.1:1/unreachable');
    const res = await a.send('POST', 'test_alert_push_destinations/', { destination_config_id: id });
    expect((res.body as { success: boolean }).success).toBe(false);
    const d = (await a.get(`alert_push_destinations/${id}/`)).body as {
      last_error_at: string | null;
      last_error_text: string | null;
    };
    expect(d.last_error_at).toBeTruthy();
    expect(d.last_error_text).toBeTruthy();
    failNext = true;
    const id2 = await addDestination(a);
    await a.send('POST', 'test_alert_push_destinations/', { destination_config_id: id2 });
    failNext = false;
    const d2 = (await a.get(`alert_push_destinations/${id2}/`)).body as { last_error_text: string };
    expect(d2.last_error_text).toMatch(/^500/);
    expect((await a.get('accounts/')).status).toBe(200);
  });
});
