import { describe, expect, it } from 'vitest';
import { authEnv, OidcConfigError, oidcSettingsFromEnv, parseRoleMap } from './auth';

describe('OIDC settings', () => {
  const base = {
    OIDC_ISSUER: 'https://idp.example',
    OIDC_CLIENT_ID: 'fleet',
    OIDC_CLIENT_SECRET: 's3cret',
    PUBLIC_URL: 'https://fleet.example.com/',
  };

  it('is off when none of issuer, client id and secret is set, and refuses half a configuration', () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_CLIENT_SECRET: '' })).toThrow(/missing: OIDC_CLIENT_SECRET/);
  });

  it('applies defaults', () => {
    const settings = oidcSettingsFromEnv(base);
    expect(settings).toMatchObject({
      name: 'SSO',
      roleClaim: 'roles',
      defaultRole: null,
      scopes: ['openid', 'profile', 'email'],
      recheckSeconds: 300,
      publicOrigin: 'https://fleet.example.com',
    });
    expect(settings?.roleMap.size).toBe(0);
  });

  it('takes the redirect URI from PUBLIC_URL, and needs it', () => {
    expect(oidcSettingsFromEnv(base)!.publicOrigin).toBe('https://fleet.example.com');
    expect(() => oidcSettingsFromEnv({ ...base, PUBLIC_URL: '' })).toThrow(
      /PUBLIC_URL must be set .*\/api\/auth\/callback\/oidc/,
    );
    expect(() => oidcSettingsFromEnv({ ...base, PUBLIC_URL: 'https://fleet.example.com/console' })).toThrow(
      /without a path/,
    );
  });

  it('adds extra scopes and a re-check interval from the environment', () => {
    const settings = oidcSettingsFromEnv({
      ...base,
      OIDC_SCOPES: 'groups offline_access groups',
      OIDC_ROLE_RECHECK_SECONDS: '60',
    });
    expect(settings?.scopes).toEqual(['openid', 'profile', 'email', 'groups', 'offline_access']);
    expect(settings?.recheckSeconds).toBe(60);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_SCOPES: 'groups "x"' })).toThrow(/OIDC_SCOPES/);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_ROLE_RECHECK_SECONDS: '1' })).toThrow(/OIDC_ROLE_RECHECK_SECONDS/);
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
    expect(authEnv({})).toMatchObject({ secret: null, usersFile: '.data/users.json', trustProxy: false, oidc: null });
  });

  it('reads the values again when they change', () => {
    expect(authEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(authEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(authEnv({ USERS_FILE: ' /srv/users.json ' }).usersFile).toBe('/srv/users.json');
  });
});
