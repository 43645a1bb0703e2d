/**
 * The viewer's display preferences: colour theme and the zone times are shown in. Kept in cookies, so
 * the server renders the page the way it will stay (no flash of the other theme, no time that
 * changes after hydration). Browser-safe: the server reads the cookies, the client only the values
 * the server handed down.
 */
export const THEME_COOKIE = 'fc-theme';
export const TIMES_COOKIE = 'fc-times';
/** A year: a preference outlives sessions. */
export const PREFERENCE_MAX_AGE_SECONDS = 365 * 24 * 3600;

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

type TimesMode = 'utc' | 'local';

/** Times in UTC, or in the zone the viewer's browser reported when they chose "local". */
export interface TimesChoice {
  mode: TimesMode;
  /** An IANA zone name; 'UTC' in UTC mode. */
  zone: string;
}

export const UTC_TIMES: TimesChoice = { mode: 'utc', zone: 'UTC' };

export function parseTheme(raw: string | null | undefined): ThemeChoice {
  return (THEMES as readonly string[]).includes(raw ?? '') ? (raw as ThemeChoice) : 'system';
}

/** Whether this runtime knows `zone` as a time zone (a cookie is input like any other). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `utc`, or `local:<IANA zone>`; anything else is UTC, the NOC's common ground. */
export function parseTimes(raw: string | null | undefined): TimesChoice {
  if (!raw?.startsWith('local:')) return UTC_TIMES;
  const zone = raw.slice('local:'.length);
  return isTimeZone(zone) ? { mode: 'local', zone } : UTC_TIMES;
}

export function serialiseTimes(choice: TimesChoice): string {
  return choice.mode === 'local' ? `local:${choice.zone}` : 'utc';
}
