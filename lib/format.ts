/**
 * Times say which zone they are in: UTC by default (a NOC shares links across time zones), or the
 * viewer's own zone when they choose it, labelled with its offset ("UTC+1") so no time is ambiguous.
 */
export type TimeStyle = 'datetime' | 'time' | 'seconds';

const OPTIONS: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  datetime: { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false },
  time: { hour: '2-digit', minute: '2-digit', hour12: false },
  seconds: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
};

// module-state: a memo of immutable formatters (one per zone and style); a copy per bundle costs nothing.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, style: TimeStyle | 'offset'): Intl.DateTimeFormat {
  const key = `${zone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options = style === 'offset' ? { timeZoneName: 'longOffset' as const } : OPTIONS[style];
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** "UTC" for UTC itself; otherwise the zone's offset at that instant, e.g. "UTC+1", "UTC−5", "UTC+5:30", "UTC+0". */
export function zoneLabel(date: Date, zone: string): string {
  if (zone === 'UTC') return 'UTC';
  const name =
    formatter(zone, 'offset')
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT([+-−])(\d{2}):(\d{2})$/.exec(name);
  if (!m) return 'UTC+0';
  const hours = String(Number(m[2]));
  return `UTC${m[1] === '+' ? '+' : '−'}${hours}${m[3] === '00' ? '' : `:${m[3]}`}`;
}

/** A time in `zone` (an IANA name, or 'UTC'), followed by which zone that is. */
export function formatTime(iso: string | null | undefined, zone = 'UTC', style: TimeStyle = 'datetime'): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${formatter(zone, style).format(date)} ${zoneLabel(date, zone)}`;
}

export function formatUtc(iso: string | null | undefined): string {
  return formatTime(iso, 'UTC');
}

export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const ms = now - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return '';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}
