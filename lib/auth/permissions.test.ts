import { describe, expect, it } from 'vitest';
import { ACTIONS, can, isRole, PERMISSIONS, ROLES } from './permissions';

describe('permission table', () => {
  it('lets at least one role perform every action', () => {
    for (const action of ACTIONS) expect(PERMISSIONS[action].length, action).toBeGreaterThan(0);
  });

  it('lets the Administrator do everything', () => {
    for (const action of ACTIONS) expect(can('Administrator', action), action).toBe(true);
  });

  it('keeps Read Only and Diagnostic away from router changes', () => {
    expect(can('Read Only', 'routers:update')).toBe(false);
    expect(can('Diagnostic', 'routers:update')).toBe(false);
  });

  it('names only known roles', () => {
    for (const action of ACTIONS) for (const role of PERMISSIONS[action]) expect(ROLES).toContain(role);
  });

  it('denies a missing role', () => {
    expect(can(null, 'routers:read')).toBe(false);
    expect(can(undefined, 'routers:read')).toBe(false);
  });

  it('recognises roles exactly', () => {
    expect(isRole('Read Only')).toBe(true);
    expect(isRole('read only')).toBe(false);
    expect(isRole(42)).toBe(false);
  });
});
