import { describe, expect, it } from 'vitest';
import { publicUrlIsHttps, servedOverHttps } from './transport';

describe('servedOverHttps', () => {
  const forwardedHttps = new Headers({ 'x-forwarded-proto': 'https' });

  it('is true when PUBLIC_URL is https', () => {
    expect(publicUrlIsHttps({ PUBLIC_URL: 'https://fleet.example.com' })).toBe(true);
    expect(servedOverHttps(new Headers(), { PUBLIC_URL: 'https://fleet.example.com' })).toBe(true);
    expect(publicUrlIsHttps({ PUBLIC_URL: 'http://127.0.0.1:3210' })).toBe(false);
    // A malformed value stops start-up (lib/env); read anyway, it is an error naming the variable.
    expect(() => publicUrlIsHttps({ PUBLIC_URL: 'not a url' })).toThrow(/^PUBLIC_URL/);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(servedOverHttps(forwardedHttps, {})).toBe(false);
    expect(servedOverHttps(forwardedHttps, { TRUST_PROXY: '1' })).toBe(true);
    expect(servedOverHttps(new Headers({ 'x-forwarded-proto': 'https, http' }), { TRUST_PROXY: '1' })).toBe(false);
  });
});
