/**
 * How chart and track times are shown: in UTC, in the viewer's own zone, or in the router's
 * (NCM's `locality`, an IANA zone such as "America/Chicago"), always saying which.
 */
const TIME_ZONE_CHOICES = ['utc', 'local', 'router'] as const;
export type TimeZoneChoice = (typeof TIME_ZONE_CHOICES)[number];

/** A choice made concrete: the zone handed to Intl (undefined: the viewer's) and how it is named. */
export interface ChartZone {
  choice: TimeZoneChoice;
  timeZone: string | undefined;
  label: string;
}

export const UTC_ZONE: ChartZone = { choice: 'utc', timeZone: 'UTC', label: 'UTC' };

/**
 * The `tz` URL parameter: absent means the viewer's display preference (`fallback`, UTC unless they
 * chose their own zone); anything unknown is reported, not guessed at.
 */
export function parseZoneChoice(
  raw: string | null | undefined,
  fallback: TimeZoneChoice = 'utc',
): { choice: TimeZoneChoice; problem: string | null } {
  if (raw === null || raw === undefined || raw === '') return { choice: fallback, problem: null };
  if ((TIME_ZONE_CHOICES as readonly string[]).includes(raw)) return { choice: raw as TimeZoneChoice, problem: null };
  return {
    choice: 'utc',
    problem: `The time zone "${raw.slice(0, 60)}" is not one of utc, local or router; times are in UTC.`,
  };
}

/** True when Intl knows the zone (NCM's value is free text as far as we can tell). */
function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function viewerZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}

/**
 * The zone to draw in. The router's zone needs its `locality`; without one (or with one Intl does
 * not know) the chart stays in UTC and says why.
 */
export function resolveZone(
  choice: TimeZoneChoice,
  routerZone: string | null,
): { zone: ChartZone; problem: string | null } {
  if (choice === 'local') return { zone: { choice, timeZone: undefined, label: viewerZoneName() }, problem: null };
  if (choice === 'router') {
    if (routerZone && isKnownZone(routerZone))
      return { zone: { choice, timeZone: routerZone, label: `${routerZone}, the router's zone` }, problem: null };
    const why = routerZone
      ? `its time zone "${routerZone}" is not one this browser knows`
      : 'NCM reports no time zone for it';
    return { zone: UTC_ZONE, problem: `Times cannot be shown in the router's zone: ${why}. Showing UTC.` };
  }
  return { zone: UTC_ZONE, problem: null };
}

/** Short zone name for axis captions and readouts ("UTC", "CST", "GMT+1"). */
function shortZoneName(t: number, zone: ChartZone): string {
  if (zone.timeZone === 'UTC') return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone.timeZone, timeZoneName: 'short' })
    .formatToParts(t)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone.label;
}

export function formatTick(t: number, spanMs: number, zone: ChartZone): string {
  const options: Intl.DateTimeFormatOptions =
    spanMs <= 36 * 3_600_000
      ? { hour: '2-digit', minute: '2-digit', hour12: false }
      : { month: 'short', day: '2-digit', hour: '2-digit', hour12: false };
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone.timeZone }).format(t);
}

/** A full instant that names its zone, e.g. "20 Nov, 14:03:09 CST (America/Chicago, the router's zone)". */
export function formatInstant(t: number, zone: ChartZone): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: zone.timeZone,
  }).format(t);
  const short = shortZoneName(t, zone);
  return short === zone.label ? `${text} ${short}` : `${text} ${short} (${zone.label})`;
}
