/** How chart times are shown: in UTC or in the viewer's own zone, always saying which. */
export type TimeZoneChoice = 'utc' | 'local';

export function zoneLabel(zone: TimeZoneChoice): string {
  if (zone === 'utc') return 'UTC';
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}

export function formatTick(t: number, spanMs: number, zone: TimeZoneChoice): string {
  const options: Intl.DateTimeFormatOptions =
    spanMs <= 36 * 3_600_000 ? { hour: '2-digit', minute: '2-digit', hour12: false } : { month: 'short', day: '2-digit', hour: '2-digit', hour12: false };
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone === 'utc' ? 'UTC' : undefined }).format(t);
}

export function formatInstant(t: number, zone: TimeZoneChoice): string {
  return `${new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: zone === 'utc' ? 'UTC' : undefined,
  }).format(t)} ${zoneLabel(zone)}`;
}
