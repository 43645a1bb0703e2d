import { describe, expect, it } from 'vitest';
import { isTimeZone, parseTheme, parseTimes, serialiseTimes, UTC_TIMES } from './preferences';

describe('display preference cookies', () => {
  it('read a known theme and fall back to following the system', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('system')).toBe('system');
    expect(parseTheme('purple')).toBe('system');
    expect(parseTheme(undefined)).toBe('system');
  });

  it('read local times with a real zone, and UTC for anything else', () => {
    expect(parseTimes('local:Europe/Berlin')).toEqual({ mode: 'local', zone: 'Europe/Berlin' });
    expect(parseTimes('utc')).toEqual(UTC_TIMES);
    expect(parseTimes('local:Mars/Olympus_Mons')).toEqual(UTC_TIMES);
    expect(parseTimes('local:')).toEqual(UTC_TIMES);
    expect(parseTimes('local:Europe/Berlin"><script>')).toEqual(UTC_TIMES);
    expect(parseTimes(undefined)).toEqual(UTC_TIMES);
  });

  it('write what they read', () => {
    for (const choice of [UTC_TIMES, { mode: 'local' as const, zone: 'America/Chicago' }]) {
      expect(parseTimes(serialiseTimes(choice))).toEqual(choice);
    }
  });

  it('accept only zone names this runtime knows', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Nowhere/Special')).toBe(false);
    expect(isTimeZone('x'.repeat(100))).toBe(false);
  });
});
