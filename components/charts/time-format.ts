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

// module-state: a memo of immutable formatters (one per locale, options and zone); a copy per bundle
// costs nothing. Building an Intl.DateTimeFormat costs far more than formatting with one, and an axis
// formats each tick several times per draw.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: 'en-GB' | 'en-US', options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
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
  const part = dateFormat('en-US', { timeZone: zone.timeZone, timeZoneName: 'short' })
    .formatToParts(t)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone.label;
}

export function formatTick(t: number, spanMs: number, zone: ChartZone): string {
  const options: Intl.DateTimeFormatOptions =
    spanMs <= 36 * 3_600_000
      ? { hour: '2-digit', minute: '2-digit', hour12: false }
      : { month: 'short', day: '2-digit', hour: '2-digit', hour12: false };
  return dateFormat('en-GB', { ...options, timeZone: zone.timeZone }).format(t);
}

/** A full instant that names its zone, e.g. "20 Nov, 14:03:09 CST (America/Chicago, the router's zone)". */
export function formatInstant(t: number, zone: ChartZone): string {
  const text = dateFormat('en-GB', {
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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICK_STEPS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  7 * DAY,
  14 * DAY,
];

/** How far the zone's clock is ahead of UTC at `t`, in ms (the viewer's zone when it names none). */
function zoneOffset(t: number, zone: ChartZone): number {
  if (zone.timeZone === 'UTC') return 0;
  const parts = dateFormat('en-US', {
    timeZone: zone.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(t);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

/**
 * Where a time axis puts its ticks: on round times of the chart's zone (whole minutes, hours, days),
 * at most one per `minGapPx` pixels. Computed once per window, so the axis itself can be a linear
 * scale: recharts draws thousands of points about three times faster on a linear scale than on a
 * time scale, which turns every point into a Date.
 */
export function timeTicks(from: number, to: number, width: number, zone: ChartZone, minGapPx = 90): number[] {
  const span = to - from;
  if (!(span > 0) || !(width > 0)) return [];
  const most = Math.max(2, Math.floor(width / minGapPx));
  const step = TICK_STEPS.find((s) => span / s <= most) ?? Math.ceil(span / most / DAY) * DAY;
  const offset = zoneOffset(from, zone);
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offset) / step) * step - offset; t <= to; t += step) ticks.push(t);
  return ticks;
}
