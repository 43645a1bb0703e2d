import { describe, expect, it } from 'vitest';
import { formatBytes } from './usage-chart';

describe('formatBytes', () => {
  it('uses decimal units with one decimal below 100', () => {
    expect([0, 999, 1_000, 15_300, 2_500_000, 123_000_000_000].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '1.0 kB',
      '15.3 kB',
      '2.5 MB',
      '123 GB',
    ]);
  });
});
