/**
 * Bad configuration stops the server at start-up with a message naming the variable (never its
 * value). e2e/startup-config.spec.ts checks the same through a real `next start`.
 */
import { describe, expect, it } from 'vitest';
import { checkServerEnv } from './index';

const KEYS = {
  NCM_CP_API_ID: 'cp-id-1111',
  NCM_CP_API_KEY: 'cp-key-2222',
  NCM_ECM_API_ID: 'ecm-id-3333',
  NCM_ECM_API_KEY: 'ecm-key-4444',
};
const SECRET = { AUTH_SECRET: 'a'.repeat(32) };
const serving = { serving: true };

function failure(env: Record<string, string | undefined>, phase = serving): string {
  try {
    checkServerEnv(env, phase);
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
}

describe('checkServerEnv', () => {
  it('accepts the simulator default and a complete real configuration', () => {
    expect(failure({ ...SECRET })).toBe('no error');
    expect(failure({ ...SECRET, ...KEYS, NCM_BASE_URL: 'https://www.cradlepointecm.com/api/v2' })).toBe('no error');
    expect(failure({ ...SECRET, ...KEYS, NCM_BASE_URL: 'http://127.0.0.1:8787/api/v2' })).toBe('no error');
    expect(failure({ ...SECRET, ...KEYS, NCM_BASE_URL: 'http://10.1.2.3/api/v2' })).toBe('no error');
  });

  it.each([
    ['NCM_ECM_API_KEY', { ...KEYS, NCM_ECM_API_KEY: undefined }],
    ['NCM_CP_API_ID', { NCM_CP_API_KEY: 'x', NCM_ECM_API_ID: 'y', NCM_ECM_API_KEY: 'z' }],
  ])('names the missing key %s', (name, env) => {
    expect(failure({ ...SECRET, ...env })).toContain(name);
  });

  it.each([
    ['NCM_CP_API_KEY', { ...KEYS, NCM_CP_API_KEY: 'has space' }],
    ['NCM_ECM_API_ID', { ...KEYS, NCM_ECM_API_ID: 'line\r\nX-Injected: 1' }],
    ['NCM_ECM_API_KEY', { ...KEYS, NCM_ECM_API_KEY: 'k'.repeat(300) }],
    ['NCM_CP_API_ID', { ...KEYS, NCM_CP_API_ID: 'ключ' }],
  ])('names a malformed key %s without echoing it', (name, env) => {
    const message = failure({ ...SECRET, ...env });
    expect(message).toContain(name);
    expect(message).not.toContain(env[name as keyof typeof env] as string);
  });

  it.each([
    'http://www.cradlepointecm.com/api/v2',
    'http://ncm-proxy.example.com/api/v2',
    'http://8.8.8.8/api/v2',
    'http://172.32.0.1/api/v2',
  ])('refuses a base URL without https on a public host: %s', (url) => {
    expect(failure({ ...SECRET, ...KEYS, NCM_BASE_URL: url })).toMatch(/^NCM_BASE_URL must use https/);
  });

  it.each(['not a url', 'ftp://x.example/api', 'https://user:pw@x.example/api'])('names NCM_BASE_URL for %s', (url) => {
    expect(failure({ ...SECRET, NCM_BASE_URL: url })).toMatch(/^NCM_BASE_URL/);
  });

  it('requires AUTH_SECRET, long enough, to serve in production, but not to build', () => {
    expect(failure({})).toMatch(/^AUTH_SECRET must be set in production/);
    expect(failure({ AUTH_SECRET: '   ' })).toMatch(/^AUTH_SECRET must be set/);
    expect(failure({ AUTH_SECRET: 'short' })).toMatch(/^AUTH_SECRET must be at least 32/);
    expect(failure({}, { serving: false })).toBe('no error');
  });

  it('names a malformed PUBLIC_URL', () => {
    expect(failure({ ...SECRET, PUBLIC_URL: 'fleet.example.com' })).toMatch(/^PUBLIC_URL/);
  });

  it.each([
    ['NCM_TIMEOUT_MS', '5'],
    ['NCM_MAX_RETRIES', 'many'],
    ['NCM_BREAKER_COOLDOWN_SECONDS', '0'],
    ['NCM_CALLS_PER_MINUTE', '0.5'],
    ['SIMULATOR_PORT', '70000'],
    ['FLEET_POLL_SECONDS', '-1'],
    ['FLEET_USER_REQUESTS_PER_10S', 'lots'],
    ['TRUST_PROXY', 'yes'],
    ['AUTH_URL', 'fleet.example.com'],
    ['MAP_TILE_URL', 'https://tile.example.org/tiles.png'],
    ['MAP_TILE_ATTRIBUTION', undefined],
    ['OIDC_ROLE_MAP', '{not json'],
    ['PORT', 'eighty'],
  ])('names %s when it is wrong', (name, value) => {
    const env = {
      ...SECRET,
      [name]: value,
      ...(name === 'MAP_TILE_ATTRIBUTION' ? { MAP_TILE_URL: 'https://tile.example.org/{z}/{x}/{y}.png' } : {}),
    };
    const oidc =
      name === 'OIDC_ROLE_MAP'
        ? { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'fleet', OIDC_CLIENT_SECRET: 's3cret' }
        : {};
    expect(failure({ ...env, ...oidc })).toMatch(new RegExp(`^${name}`));
  });

  it('accepts every variable at a sensible value', () => {
    expect(
      failure({
        ...SECRET,
        ...KEYS,
        NCM_BASE_URL: 'https://www.cradlepointecm.com/api/v2',
        NCM_TIMEOUT_MS: '5000',
        NCM_CALLS_PER_MINUTE: '400',
        FLEET_POLL_SECONDS: '30',
        STORE_PATH: '/var/lib/fleet/store.db',
        PUBLIC_URL: 'https://fleet.example.com',
        MAP_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
        MAP_TILE_ATTRIBUTION: '© Example',
        TRUST_PROXY: '1',
        USERS_FILE: '/etc/fleet/users.json',
        PORT: '3210',
      }),
    ).toBe('no error');
  });
});
