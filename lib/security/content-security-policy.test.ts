import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, tileSource } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const base = { nonce: 'abc123==', development: false, https: false, env: {} };

  it('lets scripts run only by nonce or from a nonced script, never inline', () => {
    const script = directives(contentSecurityPolicy(base)).get('script-src')!;
    expect(script).toContain("'nonce-abc123=='");
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it('allows eval only in development', () => {
    expect(directives(contentSecurityPolicy({ ...base, development: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('connects only to our own origin, frames nothing, and is framed by no one', () => {
    const policy = directives(contentSecurityPolicy(base));
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // The offline worker, from this origin only.
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('allows images from the configured tile host only', () => {
    expect(directives(contentSecurityPolicy(base)).get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    const withTiles = contentSecurityPolicy({
      ...base,
      env: { MAP_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Example' },
    });
    expect(directives(withTiles).get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://*.tile.example.org']);
  });

  it('adds the identity provider to form-action when SSO is configured', () => {
    const sso = {
      OIDC_ISSUER: 'https://idp.example.com/realms/x',
      OIDC_CLIENT_ID: 'fleet',
      OIDC_CLIENT_SECRET: 's',
      PUBLIC_URL: 'https://fleet.example.com',
    };
    const policy = contentSecurityPolicy({ ...base, env: sso });
    expect(directives(policy).get('form-action')).toEqual(["'self'", 'https://idp.example.com']);
  });

  it('upgrades insecure requests only when served over HTTPS (on http it would break every asset)', () => {
    expect(directives(contentSecurityPolicy(base)).has('upgrade-insecure-requests')).toBe(false);
    expect(directives(contentSecurityPolicy({ ...base, https: true })).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('tileSource', () => {
  it.each([
    ['https://tile.example.org/{z}/{x}/{y}.png', 'https://tile.example.org'],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['http://127.0.0.1:8080/{z}/{x}/{y}.png', 'http://127.0.0.1:8080'],
  ])('%s → %s', (template, source) => {
    expect(tileSource(template)).toBe(source);
  });

  it.each([
    undefined,
    '',
    '/tiles/{z}.png',
    "https://evil.example; script-src 'unsafe-inline'/x",
    'javascript:alert(1)',
  ])('refuses %s rather than break or widen the policy', (template) => {
    expect(tileSource(template)).toBeNull();
  });
});

describe('newNonce', () => {
  it('is fresh and unguessable each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
