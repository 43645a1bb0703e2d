import { describe, expect, it } from 'vitest';
import { formatInstant, formatTick, parseZoneChoice, resolveZone, timeTicks, UTC_ZONE } from './time-format';

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

describe('time axis ticks', () => {
  const HOUR = 3_600_000;

  it('falls on whole hours of UTC across a day, within the window, at most one per 90 px', () => {
    const from = Date.parse('2026-01-15T10:17:42Z');
    const to = from + 24 * HOUR;
    const ticks = timeTicks(from, to, 1200, UTC_ZONE);
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(1200 / 90));
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThanOrEqual(to);
      expect(t % HOUR).toBe(0);
    }
    const steps = new Set(ticks.slice(1).map((t, i) => t - ticks[i]!));
    expect(steps.size).toBe(1);
  });

  it('falls on round times of the router’s zone, even half an hour off UTC', () => {
    const { zone } = resolveZone('router', 'Asia/Kolkata');
    const from = Date.parse('2026-01-15T00:05:00Z');
    const ticks = timeTicks(from, from + 6 * HOUR, 800, zone);
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(formatTick(t, 6 * HOUR, zone)).toMatch(/:00$/);
    // In UTC these are half past the hour.
    expect(new Date(ticks[0]!).getUTCMinutes()).toBe(30);
  });

  it('uses whole days for a week, and gives nothing for an empty window', () => {
    const from = Date.parse('2026-01-08T13:00:00Z');
    const ticks = timeTicks(from, from + 7 * 24 * HOUR, 1200, UTC_ZONE);
    for (const t of ticks) expect(t % (24 * HOUR)).toBe(0);
    expect(timeTicks(from, from, 1200, UTC_ZONE)).toEqual([]);
  });
});
