import 'server-only';
import { cookies } from 'next/headers';
import { parseTheme, parseTimes, TIMES_COOKIE, THEME_COOKIE, type ThemeChoice, type TimesChoice } from './preferences';

export interface DisplayPreferences {
  theme: ThemeChoice;
  times: TimesChoice;
}

/** The preferences this request's cookies carry (defaults: follow the system, times in UTC). */
export async function readDisplayPreferences(): Promise<DisplayPreferences> {
  const jar = await cookies();
  return { theme: parseTheme(jar.get(THEME_COOKIE)?.value), times: parseTimes(jar.get(TIMES_COOKIE)?.value) };
}
