import { describe, expect, it } from 'vitest';
import { safeRedirectPath, sameOriginPath } from './callback-url';

describe('safeRedirectPath', () => {
  it.each([
    ['/', '/'],
    ['/routers', '/routers'],
    ['/routers/42?tab=status#top', '/routers/42?tab=status#top'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    42,
    '',
    'routers',
    'http://localhost:3210/routers',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    '/login',
    '/login?callbackUrl=/x',
    '/api/auth/signout',
    '/api/routers',
    `/${'a'.repeat(3000)}`,
    // Normalisation turns each of these into `//evil.example`: the result must be checked, not the input.
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/a/..//evil.example',
    '/a/b/../..//evil.example/path?q=1',
    '/./\\evil.example',
  ])('falls back to / for %s', (input) => {
    expect(safeRedirectPath(input)).toBe('/');
  });
});

describe('sameOriginPath', () => {
  it('keeps /login (a sign-out target) but still refuses what normalises off-site', () => {
    expect(sameOriginPath('/login')).toBe('/login');
    expect(sameOriginPath('/a/./b/../c?x=1')).toBe('/a/c?x=1');
    expect(sameOriginPath('/.//evil.example')).toBeNull();
    expect(sameOriginPath('https://evil.example/')).toBeNull();
  });
});
