import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { ROLES } from './permissions';
import { mergeClaims, OidcConfigError, oidcSettingsFromEnv, parseRoleMap, roleFromClaims, ssoRedirectUri } from './oidc-roles';

// The start-up check (plain CommonJS, before Next compiles anything) applies the same rules.
const { checkOidcEnv, ROLE_NAMES } = createRequire(import.meta.url)('../env-check.cjs') as {
  checkOidcEnv: (env: Record<string, string | undefined>) => void;
  ROLE_NAMES: string[];
};

const roleMap = parseRoleMap('{"noc-admins":"Administrator","noc":"Full Access","field":"Diagnostic"}');

describe('roleFromClaims', () => {
  const settings = { roleClaim: 'roles', roleMap, defaultRole: null };

  it('maps a single string claim', () => {
    expect(roleFromClaims({ roles: 'noc' }, settings)).toBe('Full Access');
  });

  it('picks the most privileged of several mapped values', () => {
    expect(roleFromClaims({ roles: ['field', 'noc-admins', 'noc'] }, settings)).toBe('Administrator');
    expect(roleFromClaims({ roles: ['field', 'noc'] }, settings)).toBe('Full Access');
  });

  it('ignores unmapped and non-string values', () => {
    expect(roleFromClaims({ roles: ['guests', 7, null, 'field'] }, settings)).toBe('Diagnostic');
  });

  it('refuses (null) when nothing maps and there is no default', () => {
    expect(roleFromClaims({ roles: ['guests'] }, settings)).toBeNull();
    expect(roleFromClaims({}, settings)).toBeNull();
  });

  it('falls back to the default role', () => {
    expect(roleFromClaims({ roles: [] }, { ...settings, defaultRole: 'Read Only' })).toBe('Read Only');
  });

  it('reads the configured claim name', () => {
    expect(roleFromClaims({ groups: ['noc'] }, { ...settings, roleClaim: 'groups' })).toBe('Full Access');
  });
});

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
    expect(ssoRedirectUri(oidcSettingsFromEnv(base)!.publicOrigin)).toBe('https://fleet.example.com/api/auth/callback/oidc');
    expect(() => oidcSettingsFromEnv({ ...base, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL must be set .*\/api\/auth\/callback\/oidc/);
    expect(() => oidcSettingsFromEnv({ ...base, PUBLIC_URL: 'https://fleet.example.com/console' })).toThrow(/without a path/);
  });

  it('adds extra scopes and a re-check interval from the environment', () => {
    const settings = oidcSettingsFromEnv({ ...base, OIDC_SCOPES: 'groups offline_access groups', OIDC_ROLE_RECHECK_SECONDS: '60' });
    expect(settings?.scopes).toEqual(['openid', 'profile', 'email', 'groups', 'offline_access']);
    expect(settings?.recheckSeconds).toBe(60);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_SCOPES: 'groups "x"' })).toThrow(/OIDC_SCOPES/);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_ROLE_RECHECK_SECONDS: '1' })).toThrow(/OIDC_ROLE_RECHECK_SECONDS/);
  });

  it('agrees with the start-up check on every case', () => {
    expect(ROLE_NAMES).toEqual([...ROLES]);
    const cases: Array<Record<string, string>> = [
      {},
      base,
      { ...base, OIDC_CLIENT_ID: '' },
      { ...base, PUBLIC_URL: '' },
      { ...base, PUBLIC_URL: 'ftp://x' },
      { ...base, PUBLIC_URL: 'https://x/y' },
      { ...base, OIDC_ROLE_MAP: '{"noc":"Superuser"}' },
      { ...base, OIDC_ROLE_MAP: '{oops' },
      { ...base, OIDC_ROLE_MAP: '["noc"]' },
      { ...base, OIDC_ROLE_MAP: '{"noc":"Full Access"}' },
      { ...base, OIDC_DEFAULT_ROLE: 'Root' },
      { ...base, OIDC_ROLE_RECHECK_SECONDS: '4' },
      { ...base, OIDC_ROLE_RECHECK_SECONDS: '30' },
      { ...base, OIDC_SCOPES: 'a\\b' },
    ];
    const outcome = (run: () => unknown) => {
      try {
        run();
        return 'ok';
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (const env of cases) expect(outcome(() => checkOidcEnv(env)), JSON.stringify(env)).toBe(outcome(() => oidcSettingsFromEnv(env)));
  });

  it('rejects unknown roles in the map and the default', () => {
    expect(() => parseRoleMap('{"noc":"Superuser"}')).toThrow(OidcConfigError);
    expect(() => parseRoleMap('["noc"]')).toThrow(OidcConfigError);
    expect(() => parseRoleMap('{not json')).toThrow(OidcConfigError);
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_DEFAULT_ROLE: 'Root' })).toThrow(OidcConfigError);
  });
});

describe('mergeClaims', () => {
  it('reads the role claim from the ID token and userinfo together', () => {
    const merged = mergeClaims({ sub: 's', groups: 'noc' }, { sub: 's', groups: ['field', 'noc'], name: 'N' }, 'groups');
    expect(merged).toMatchObject({ sub: 's', name: 'N', groups: ['noc', 'field'] });
    expect(roleFromClaims(mergeClaims(null, { roles: ['noc'] }, 'roles'), { roleClaim: 'roles', roleMap, defaultRole: null })).toBe(
      'Full Access',
    );
    expect(mergeClaims({ sub: 's' }, null, 'groups')).toEqual({ sub: 's' });
  });
});
