import { describe, expect, it } from 'vitest';
import { OidcConfigError, oidcSettingsFromEnv, parseRoleMap, roleFromClaims } from './oidc-roles';

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
