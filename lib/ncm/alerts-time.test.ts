import { describe, expect, it } from 'vitest';
import { toNcmTime } from './alerts';

describe('toNcmTime', () => {
  it('writes UTC with an explicit offset, as NCM expects on created_at filters', () => {
    expect(toNcmTime('2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000+00:00');
    expect(toNcmTime('2026-01-01T00:00:00.003719+00:00')).toBe('2026-01-01T00:00:00.003719+00:00');
    expect(toNcmTime(undefined)).toBeUndefined();
  });
});
