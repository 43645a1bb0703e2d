import { describe, expect, it } from 'vitest';
import { parseWebhookAlerts, readRawBody } from './webhook-payload';

const record = {
  created_at: '2026-01-01T00:00:00.000000+00:00',
  created_at_timeuuid: '76735546-e934-11f1-885e-c2d5c2fd18ec',
  type: 'router_offline',
  router: 'http://127.0.0.1:8787/api/v2/routers/1000300/',
  friendly_info: '<img src=x onerror=alert(1)>',
};

describe('webhook payload', () => {
  it('accepts one record, an array, or a data list', () => {
    expect(parseWebhookAlerts(record)?.[0]).toMatchObject({ id: record.created_at_timeuuid, routerId: '1000300', message: record.friendly_info });
    expect(parseWebhookAlerts([record, record])).toHaveLength(2);
    expect(parseWebhookAlerts({ data: [record] })).toHaveLength(1);
  });

  it('refuses things that are not alerts', () => {
    expect(parseWebhookAlerts(null)).toBeNull();
    expect(parseWebhookAlerts({ hello: 'world' })).toBeNull();
    expect(parseWebhookAlerts([])).toBeNull();
    expect(parseWebhookAlerts({ type: 'x', created_at: 'y' })).toBeNull();
  });

  it('reads bodies up to the cap and refuses larger ones', async () => {
    const small = new Request('http://x/', { method: 'POST', body: 'abc' });
    expect((await readRawBody(small, 10))?.toString()).toBe('abc');
    const big = new Request('http://x/', { method: 'POST', body: 'x'.repeat(11) });
    expect(await readRawBody(big, 10)).toBeNull();
    const lying = new Request('http://x/', { method: 'POST', body: 'x', headers: { 'content-length': '999999' } });
    expect(await readRawBody(lying, 10)).toBeNull();
  });
});
