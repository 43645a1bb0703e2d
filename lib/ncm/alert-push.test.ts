import { describe, expect, it } from 'vitest';
import { isSignedAlertPush, parseAlertPush, signAlertPush } from './alert-push';

const secret = 'whsec-0123456789';
const body = Buffer.from('{"type":"router_offline","id":"x"}');

describe('webhook signature', () => {
  it('accepts the HMAC of the exact body, in either hex case', () => {
    const sig = signAlertPush(secret, body);
    expect(isSignedAlertPush(secret, body, sig)).toBe(true);
    expect(isSignedAlertPush(secret, body, sig.toUpperCase())).toBe(true);
  });

  it('rejects a signature made with another secret', () => {
    expect(isSignedAlertPush(secret, body, signAlertPush('other-secret', body))).toBe(false);
  });

  it('rejects a tampered body', () => {
    const sig = signAlertPush(secret, body);
    expect(isSignedAlertPush(secret, Buffer.from('{"type":"router_offline","id":"y"}'), sig)).toBe(false);
  });

  it('rejects a missing or empty header', () => {
    expect(isSignedAlertPush(secret, body, null)).toBe(false);
    expect(isSignedAlertPush(secret, body, undefined)).toBe(false);
    expect(isSignedAlertPush(secret, body, '')).toBe(false);
  });

  it('rejects wrong lengths and non-hex without throwing', () => {
    const sig = signAlertPush(secret, body);
    expect(isSignedAlertPush(secret, body, sig.slice(0, 62))).toBe(false);
    expect(isSignedAlertPush(secret, body, `${sig}00`)).toBe(false);
    expect(isSignedAlertPush(secret, body, 'z'.repeat(64))).toBe(false);
    expect(isSignedAlertPush(secret, body, `sha256=${sig}`)).toBe(false);
  });

  it('rejects everything when no secret is configured', () => {
    expect(isSignedAlertPush('', body, signAlertPush('', body))).toBe(false);
  });
});

const record = {
  created_at: '2026-01-01T00:00:00.000000+00:00',
  created_at_timeuuid: '76735546-e934-11f1-885e-c2d5c2fd18ec',
  type: 'router_offline',
  router: 'http://127.0.0.1:8787/api/v2/routers/1000300/',
  friendly_info: '<img src=x onerror=alert(1)>',
};

describe('alert push payload', () => {
  it('accepts one record, an array, or a data list', () => {
    expect(parseAlertPush(record)?.[0]).toMatchObject({
      id: record.created_at_timeuuid,
      routerId: '1000300',
      message: record.friendly_info,
    });
    expect(parseAlertPush([record, record])).toHaveLength(2);
    expect(parseAlertPush({ data: [record] })).toHaveLength(1);
  });

  it('refuses things that are not alerts', () => {
    expect(parseAlertPush(null)).toBeNull();
    expect(parseAlertPush({ hello: 'world' })).toBeNull();
    expect(parseAlertPush([])).toBeNull();
    expect(parseAlertPush({ type: 'x', created_at: 'y' })).toBeNull();
  });
});
