/**
 * What an NCM record id looks like when it reaches us in a URL or a filter: up to twelve digits.
 * Routers, groups and accounts alike. Zod-free, so the browser can use it without the schema library.
 */

/** For an `<input pattern>` (which is anchored already). */
export const NUMERIC_ID_PATTERN = '\\d{1,12}';

export const NUMERIC_ID = new RegExp(`^${NUMERIC_ID_PATTERN}$`);

export function isNumericId(value: string): boolean {
  return NUMERIC_ID.test(value);
}
