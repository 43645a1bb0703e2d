import { describe, expect, it } from 'vitest';
import { resolveZone, UTC_ZONE } from '@/components/charts/time-format';
import { describeFix } from './fix-readout';

const T0 = Date.parse('2026-01-15T18:00:00Z');
const MIN = 60_000;
const replay = {
  t: [T0, T0 + MIN, T0 + 90 * MIN],
  lat: [41.9, 41.91, 41.95],
  lon: [-87.7, -87.71, -87.75],
  rsrp: [-85, null, -104],
  mph: [31.6, null, 0],
  breaks: [2],
};

describe('replay readout', () => {
  it('names the fix shown, its signal quality and speed, in the chosen zone', () => {
    expect(describeFix(replay, T0 + 30_000, UTC_ZONE)).toEqual({
      position: {
        lat: 41.9,
        lon: -87.7,
        inGap: false,
        label: 'Position at 15 Jan, 18:00:00 UTC: RSRP -85 dBm (Good), 32 mph',
      },
      readout: '15 Jan, 18:00:30 UTC: fix of 15 Jan, 18:00:00 UTC, RSRP -85 dBm (Good), 32 mph (fix 1 of 3).',
    });
    const router = resolveZone('router', 'US/Central').zone;
    expect(describeFix(replay, T0 + 90 * MIN, router)?.readout).toBe(
      "15 Jan, 13:30:00 CST (US/Central, the router's zone): fix of 15 Jan, 13:30:00 CST (US/Central, the router's zone), RSRP -104 dBm (Poor), 0 mph (fix 3 of 3).",
    );
  });

  it('in a gap, shows the last known place hollow and says when the router came back', () => {
    const shown = describeFix(replay, T0 + 30 * MIN, UTC_ZONE)!;
    expect(shown.position).toMatchObject({ lat: 41.91, lon: -87.71, inGap: true });
    expect(shown.readout).toBe(
      '15 Jan, 18:30:00 UTC: no fix between 15 Jan, 18:01:00 UTC and 15 Jan, 19:30:00 UTC (the router was off or not reporting); the marker shows its last known place.',
    );
    expect(describeFix({ ...replay, t: [], lat: [], lon: [], rsrp: [], mph: [], breaks: [] }, T0, UTC_ZONE)).toBeNull();
  });
});
