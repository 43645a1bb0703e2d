import { describe, expect, it } from 'vitest';
import { formatTime, zoneLabel } from './format';

describe('formatTime', () => {
  const iso = '2026-12-02T14:03:09Z';

  it('shows UTC times with the label UTC', () => {
    expect(formatTime(iso)).toBe('02 Dec 2026, 14:03 UTC');
    expect(formatTime(iso, 'UTC', 'time')).toBe('14:03 UTC');
    expect(formatTime(iso, 'UTC', 'seconds')).toBe('14:03:09 UTC');
  });

  it('shows a chosen zone with its offset at that instant, so the time is never ambiguous', () => {
    expect(formatTime(iso, 'Asia/Kolkata')).toBe('02 Dec 2026, 19:33 UTC+5:30');
    expect(formatTime(iso, 'America/New_York', 'time')).toBe('09:03 UTC−5');
    // Summer time changes the offset, and the label follows the instant, not today.
    expect(formatTime('2026-07-01T12:00:00Z', 'Europe/Berlin', 'time')).toBe('14:00 UTC+2');
    expect(formatTime(iso, 'Europe/Berlin', 'time')).toBe('15:03 UTC+1');
  });

  it('labels a zone that is at UTC right now as UTC+0, unlike UTC itself', () => {
    expect(zoneLabel(new Date(iso), 'Europe/London')).toBe('UTC+0');
    expect(zoneLabel(new Date(iso), 'UTC')).toBe('UTC');
  });

  it('shows a dash for no time or an unreadable one', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime('not a date', 'Europe/Berlin')).toBe('—');
  });
});
