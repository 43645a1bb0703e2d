import { describe, expect, it } from 'vitest';
import { authEnv, OidcConfigError, oidcSettingsFromEnv, parseRoleMap } from './auth';

describe('OIDC settings', () => {
  const base = { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'fleet', OIDC_CLIENT_SECRET: 's3cret' };

  it('is off unless issuer, client id and secret are all set', () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(oidcSettingsFromEnv({ ...base, OIDC_CLIENT_SECRET: '' })).toBeNull();
  });

  it('applies defaults', () => {
    const settings = oidcSettingsFromEnv(base);
    expect(settings).toMatchObject({ name: 'SSO', roleClaim: 'roles', defaultRole: null });
    expect(settings?.roleMap.size).toBe(0);
  });

  it('rejects unknown roles in the map and the default', () => {
    expect(() => parseRoleMap('{"noc":"Superuser"}')).toThrow(OidcConfigError);
    expect(() => parseRoleMap('["noc"]')).toThrow(OidcConfigError);
    expect(() => parseRoleMap('{not json')).toThrow(OidcConfigError);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_DEFAULT_ROLE: 'Root' })).toThrow(OidcConfigError);
  });
});

describe('authEnv', () => {
  it('defaults the users file and leaves the proxy untrusted', () => {
    expect(authEnv({})).toMatchObject({ secret: null, usersFile: '.data/users.json', trustProxy: false, oidc: null, oidcIssuer: null });
  });

  it('reads the values again when they change', () => {
    expect(authEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(authEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(authEnv({ USERS_FILE: ' /srv/users.json ' }).usersFile).toBe('/srv/users.json');
  });
});
