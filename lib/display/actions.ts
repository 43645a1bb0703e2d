'use server';
/**
 * Saves a display preference from the top bar's settings form. It changes nothing but the caller's
 * own cookies, so it needs no role: the login page follows the same cookies.
 */
import { cookies } from 'next/headers';
import {
  isTimeZone,
  PREFERENCE_MAX_AGE_SECONDS,
  parseTheme,
  serialiseTimes,
  THEME_COOKIE,
  THEMES,
  TIMES_COOKIE,
  UTC_TIMES,
} from './preferences';

const COOKIE = { path: '/', sameSite: 'lax', httpOnly: true, maxAge: PREFERENCE_MAX_AGE_SECONDS } as const;

export async function saveDisplayPreference(formData: FormData): Promise<void> {
  const jar = await cookies();
  const theme = formData.get('theme');
  if (typeof theme === 'string' && (THEMES as readonly string[]).includes(theme))
    jar.set(THEME_COOKIE, parseTheme(theme), COOKIE);
  const times = formData.get('times');
  const zone = formData.get('zone');
  if (times === 'utc') jar.set(TIMES_COOKIE, serialiseTimes(UTC_TIMES), COOKIE);
  // "Local" means the zone the browser reported with the choice; without one (no script) nothing changes.
  if (times === 'local' && typeof zone === 'string' && isTimeZone(zone))
    jar.set(TIMES_COOKIE, serialiseTimes({ mode: 'local', zone }), COOKIE);
}
