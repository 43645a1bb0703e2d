import { describe, expect, it } from 'vitest';
import { bandOf, RSRP_BANDS, SINR_BANDS } from './bands';

describe('signal bands', () => {
  it('bands RSRP at −80, −90 and −100 dBm', () => {
    expect([-70, -80, -85, -90, -95, -100, -101, null, Number.NaN].map((v) => bandOf(v, RSRP_BANDS))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      null,
      null,
    ]);
  });

  it('bands SINR at 20, 13 and 0 dB', () => {
    expect([25, 20, 15, 13, 5, 0, -3].map((v) => bandOf(v, SINR_BANDS))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
    ]);
  });
});
