import { describe, expect, it } from 'vitest';
import { formatInstant, formatTick, parseZoneChoice, resolveZone, UTC_ZONE } from './time-format';

const NOON_UTC = Date.parse('2026-01-15T18:00:00Z');

describe('chart time zones', () => {
  it('reads the tz parameter: absent is UTC, unknown values are reported', () => {
    expect(parseZoneChoice(null)).toEqual({ choice: 'utc', problem: null });
    expect(parseZoneChoice('router')).toEqual({ choice: 'router', problem: null });
    expect(parseZoneChoice('local')).toEqual({ choice: 'local', problem: null });
    const bad = parseZoneChoice('Mars/Olympus');
    expect(bad.choice).toBe('utc');
    expect(bad.problem).toMatch(/Mars\/Olympus.*UTC/);
  });

  it('shows the router’s own zone, naming it, from NCM’s locality', () => {
    const { zone, problem } = resolveZone('router', 'America/Chicago');
    expect(problem).toBeNull();
    expect(formatInstant(NOON_UTC, zone)).toBe("15 Jan, 12:00:00 CST (America/Chicago, the router's zone)");
    expect(formatTick(NOON_UTC, 3_600_000, zone)).toBe('12:00');
    // NCM also sends the older link names.
    expect(formatTick(NOON_UTC, 3_600_000, resolveZone('router', 'US/Mountain').zone)).toBe('11:00');
  });

  it('falls back to UTC and says why when the router has no usable zone', () => {
    for (const locality of [null, 'Nowhere/Special']) {
      const { zone, problem } = resolveZone('router', locality);
      expect(zone).toEqual(UTC_ZONE);
      expect(problem).toMatch(/router's zone.*Showing UTC/);
    }
    expect(formatInstant(NOON_UTC, UTC_ZONE)).toBe('15 Jan, 18:00:00 UTC');
  });

  it('names the viewer’s zone when showing local times', () => {
    const { zone } = resolveZone('local', 'America/Chicago');
    expect(zone.timeZone).toBeUndefined();
    expect(zone.label).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(formatInstant(NOON_UTC, zone)).toMatch(/^15 Jan, \d\d:00:00 /);
  });
});
