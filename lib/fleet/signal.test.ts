import { describe, expect, it } from 'vitest';
import { RSRP_BANDS } from '@/lib/signal/bands';
import { signalQuality } from './signal';

describe('the RSRP banding table', () => {
  it('bands at each floor, inclusive, best first', () => {
    expect([-44, -80, -80.1, -90, -90.1, -100, -100.1, -140].map(signalQuality)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
    ]);
    expect([null, undefined, Number.NaN].map(signalQuality)).toEqual([null, null, null]);
  });

  it('has descending floors and a last band without one', () => {
    const floors = RSRP_BANDS.map((b) => b.min);
    expect(floors.at(-1)).toBeNull();
    const numeric = floors.slice(0, -1) as number[];
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
  });
});
