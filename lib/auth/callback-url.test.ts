import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './callback-url';

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
  ])('falls back to / for %s', (input) => {
    expect(safeRedirectPath(input)).toBe('/');
  });
});
