import { describe, expect, it } from 'vitest';
import { offlineOwnerHeader, parseOfflineOwner } from './owner';

const signIn = { id: 'alice', sid: '0123456789abcdef0123', authTime: 1_800_000_000 };

describe('offline owner header', () => {
  it('names a sign-in by an opaque tag and says when its session ends', async () => {
    const value = await offlineOwnerHeader(signIn, 8 * 3600);
    expect(value).not.toContain('alice');
    expect(parseOfflineOwner(value)).toEqual({
      tag: expect.stringMatching(/^[0-9a-f]{32}$/),
      expiresAt: (1_800_000_000 + 8 * 3600) * 1000,
    });
  });

  it('is the same for every page of one sign-in and different for the next one, even of the same user', async () => {
    const a = await offlineOwnerHeader(signIn, 60);
    expect(await offlineOwnerHeader(signIn, 60)).toBe(a);
    expect(parseOfflineOwner(await offlineOwnerHeader({ ...signIn, sid: 'fedcba9876543210fedc' }, 60))!.tag).not.toBe(
      parseOfflineOwner(a)!.tag,
    );
    expect(parseOfflineOwner(await offlineOwnerHeader({ ...signIn, id: 'bob' }, 60))!.tag).not.toBe(
      parseOfflineOwner(a)!.tag,
    );
  });

  it.each([
    null,
    '',
    'abc; expires=1',
    `${'a'.repeat(32)}`,
    `${'a'.repeat(32)}; expires=soon`,
    `${'A'.repeat(32)}; expires=1`,
  ])('refuses %s', (value) => {
    expect(parseOfflineOwner(value)).toBeNull();
  });
});
