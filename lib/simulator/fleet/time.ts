/**
 * Timestamp and time-UUID formatting. Internally times are integer microseconds since the Unix epoch
 * (NCM prints microseconds, and µs still fit a double exactly until the year 2255).
 */

const UUID_EPOCH_OFFSET = 122192928000000000n; // 100-ns ticks between 1582-10-15 and 1970-01-01

/** `2026-06-06T12:59:12.462000+00:00` — the format most NCM endpoints use. */
export function isoMicro(us: number): string {
  const ms = Math.floor(us / 1000);
  const micro = Math.floor(us - ms * 1000);
  const base = new Date(ms).toISOString(); // 2026-06-06T12:59:12.462Z
  return `${base.slice(0, 23)}${String(micro).padStart(3, '0')}+00:00`;
}

/** `2026-06-06T12:59:11+00:00` — alerts.detected_at carries no fraction. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** `2026-06-06T12:59:11.123456Z` — push destinations and locations use a Z suffix. */
export function isoZ(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

/**
 * Parses a filter timestamp to µs. Accepts ISO 8601 with or without offset (UTC assumed, as NCM's
 * Swagger says), a `Z`, or an offset whose `+` was decoded to a space by an unencoded query string.
 */
export function parseTimestamp(raw: string): number {
  const s = raw.trim().replace(/ (\d\d:?\d\d)$/, '+$1');
  const m = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?(Z|[+-]\d\d:?\d\d)?$/.exec(s);
  if (!m) return Number.NaN;
  const [, date, hh = '00', mm = '00', ss = '00', frac = '', tz] = m;
  let zone = tz ?? 'Z';
  if (zone !== 'Z' && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${date}T${hh}:${mm}:${ss}${zone}`);
  if (Number.isNaN(ms)) return Number.NaN;
  const micro = Number(`${frac}000000`.slice(0, 6));
  return ms * 1000 + micro;
}

/**
 * A version-1 UUID for instant `us`; `node` (48 bits, from a hash) keeps records at the same µs
 * distinct. The 100-ns remainder is filled from `sub` so equal-µs records still order stably.
 */
export function timeUuid(us: number, nodeHi: number, nodeLo: number, sub = 0): string {
  const ticks = BigInt(Math.floor(us)) * 10n + BigInt(sub % 10) + UUID_EPOCH_OFFSET;
  const timeLow = ticks & 0xffffffffn;
  const timeMid = (ticks >> 32n) & 0xffffn;
  const timeHi = ((ticks >> 48n) & 0x0fffn) | 0x1000n;
  const clockSeq = ((nodeHi >>> 16) & 0x3fff) | 0x8000;
  const hex = (v: bigint | number, w: number) => v.toString(16).padStart(w, '0');
  const node = hex(nodeHi & 0xffff, 4) + hex(nodeLo >>> 0, 8);
  return `${hex(timeLow, 8)}-${hex(timeMid, 4)}-${hex(timeHi, 4)}-${hex(clockSeq, 4)}-${node}`;
}

/** The instant (µs, fractional for the 100-ns part) of a v1 UUID, or NaN if it is not one. */
export function timeUuidMicros(uuid: string): number {
  const m = /^([0-9a-f]{8})-([0-9a-f]{4})-1([0-9a-f]{3})-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(uuid.trim());
  if (!m) return Number.NaN;
  const ticks = (BigInt(`0x${m[3]}`) << 48n) | (BigInt(`0x${m[2]}`) << 32n) | BigInt(`0x${m[1]}`);
  return Number(ticks - UUID_EPOCH_OFFSET) / 10;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
