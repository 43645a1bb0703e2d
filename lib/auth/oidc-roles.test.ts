import { describe, expect, it } from 'vitest';
import { parseRoleMap } from '@/lib/env';
import { mergeClaims, roleFromClaims, ssoRedirectUri } from './oidc-roles';

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

describe('mergeClaims', () => {
  it('reads the role claim from the ID token and userinfo together', () => {
    const merged = mergeClaims(
      { sub: 's', groups: 'noc' },
      { sub: 's', groups: ['field', 'noc'], name: 'N' },
      'groups',
    );
    expect(merged).toMatchObject({ sub: 's', name: 'N', groups: ['noc', 'field'] });
    expect(
      roleFromClaims(mergeClaims(null, { roles: ['noc'] }, 'roles'), {
        roleClaim: 'roles',
        roleMap,
        defaultRole: null,
      }),
    ).toBe('Full Access');
    expect(mergeClaims({ sub: 's' }, null, 'groups')).toEqual({ sub: 's' });
  });
});

describe('ssoRedirectUri', () => {
  it('is PUBLIC_URL\u2019s callback for the provider', () => {
    expect(ssoRedirectUri('https://fleet.example.com')).toBe('https://fleet.example.com/api/auth/callback/oidc');
  });
});
