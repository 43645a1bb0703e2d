import { describe, expect, it } from 'vitest';
import { isValidSignature, signBody } from './signature';

const secret = 'whsec-0123456789';
const body = Buffer.from('{"type":"router_offline","id":"x"}');

describe('webhook signature', () => {
  it('accepts the HMAC of the exact body, in either hex case', () => {
    const sig = signBody(secret, body);
    expect(isValidSignature(secret, body, sig)).toBe(true);
    expect(isValidSignature(secret, body, sig.toUpperCase())).toBe(true);
  });

  it('rejects a signature made with another secret', () => {
    expect(isValidSignature(secret, body, signBody('other-secret', body))).toBe(false);
  });

  it('rejects a tampered body', () => {
    const sig = signBody(secret, body);
    expect(isValidSignature(secret, Buffer.from('{"type":"router_offline","id":"y"}'), sig)).toBe(false);
  });

  it('rejects a missing or empty header', () => {
    expect(isValidSignature(secret, body, null)).toBe(false);
    expect(isValidSignature(secret, body, undefined)).toBe(false);
    expect(isValidSignature(secret, body, '')).toBe(false);
  });

  it('rejects wrong lengths and non-hex without throwing', () => {
    const sig = signBody(secret, body);
    expect(isValidSignature(secret, body, sig.slice(0, 62))).toBe(false);
    expect(isValidSignature(secret, body, `${sig}00`)).toBe(false);
    expect(isValidSignature(secret, body, 'z'.repeat(64))).toBe(false);
    expect(isValidSignature(secret, body, `sha256=${sig}`)).toBe(false);
  });

  it('rejects everything when no secret is configured', () => {
    expect(isValidSignature('', body, signBody('', body))).toBe(false);
  });
});
