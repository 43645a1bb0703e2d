import { describe, expect, it } from 'vitest';
import { RSRP_BANDS } from '@/lib/signal/bands';
import { SIGNAL_CLASSES, SPEED_CLASSES, signalClass, speedClass, trackRuns } from './track-colors';

describe('track colour scales', () => {
  it('bands RSRP with the one table, edges included', () => {
    expect([-70, -80, -80.5, -90, -95, -100, -101, -130, null].map(signalClass)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
      'none',
    ]);
    // The legend lists every band of the table, in its order, and says where each starts.
    expect(SIGNAL_CLASSES.map((c) => c.key)).toEqual([...RSRP_BANDS.map((b) => b.quality), 'none']);
    expect(SIGNAL_CLASSES.map((c) => c.label)).toEqual([
      'Excellent (−80 dBm and above)',
      'Good (−90 dBm and above)',
      'Fair (−100 dBm and above)',
      'Poor (below −100 dBm)',
      'No reading',
    ]);
  });

  it('bands speed in mph', () => {
    expect([0, 1.9, 2, 19.9, 20, 44, 45, 80, null, -1].map(speedClass)).toEqual([
      'stopped',
      'stopped',
      'slow',
      'slow',
      'moderate',
      'moderate',
      'fast',
      'fast',
      'none',
      'none',
    ]);
    expect(new Set(SPEED_CLASSES.map((c) => c.cssVar)).size).toBe(SPEED_CLASSES.length);
  });
});

describe('track runs', () => {
  const rsrp = [-70, -75, -95, -96, -70, -70, -110, -110];
  const mph = [30, 30, 30, 30, 0, 0, 50, 50];

  it('joins segments of one class and shares the vertex where the class changes', () => {
    expect(trackRuns({ rsrp, mph, breaks: [] }, 'signal')).toEqual([
      { key: 'excellent', from: 0, to: 2 },
      { key: 'fair', from: 2, to: 4 },
      { key: 'excellent', from: 4, to: 6 },
      { key: 'poor', from: 6, to: 7 },
    ]);
    expect(trackRuns({ rsrp, mph, breaks: [] }, 'speed')).toEqual([
      { key: 'moderate', from: 0, to: 4 },
      { key: 'stopped', from: 4, to: 6 },
      { key: 'fast', from: 6, to: 7 },
    ]);
  });

  it('never draws across a gap; a lone fix between gaps is a dot', () => {
    const runs = trackRuns({ rsrp, mph, breaks: [4, 5] }, 'speed');
    expect(runs).toEqual([
      { key: 'moderate', from: 0, to: 3 },
      { key: 'stopped', from: 4, to: 4 },
      { key: 'stopped', from: 5, to: 6 },
      { key: 'fast', from: 6, to: 7 },
    ]);
    for (const run of runs) for (const b of [4, 5]) expect(run.from < b && run.to >= b).toBe(false);
    expect(trackRuns({ rsrp: [-80], mph: [1], breaks: [] }, 'signal')).toEqual([{ key: 'excellent', from: 0, to: 0 }]);
    expect(trackRuns({ rsrp: [], mph: [], breaks: [] }, 'signal')).toEqual([]);
  });
});
