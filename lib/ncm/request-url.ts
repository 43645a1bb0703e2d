import 'server-only';
/**
 * Builds upstream URLs from validated parts only. Catch-all proxies that join user input into
 * `new URL()` escape the base on `..`, `%2e%2e`, `//host` or `\\host`, so here every
 * segment must match a strict pattern, the first must be an allowlisted resource, and the result is
 * asserted to stay on the configured origin and under the configured path.
 */
import { NcmError } from './errors';

/** NCM resources this app may call. Adding one is a deliberate, reviewed change. */
const NCM_RESOURCES = [
  'accounts',
  // activity_logs and alert_push_destinations: the alert feed and audit page (issue 3 §4, §6).
  'activity_logs',
  'alert_push_destinations',
  'alerts',
  'firmwares',
  'groups',
  'historical_locations',
  'locations',
  'net_device_health',
  'net_device_metrics',
  'net_device_signal_samples',
  'net_device_usage_samples',
  'net_devices',
  'products',
  // reboot_activity: POST only, the field view's reboot.
  'reboot_activity',
  'router_alerts',
  'router_state_samples',
  'routers',
] as const;
type NcmResource = (typeof NCM_RESOURCES)[number];

/** `[resource, id?, subResource?, …]`, e.g. `['routers', '42']`. */
export type NcmPath = readonly [NcmResource, ...string[]];

export type NcmQueryScalar = string | number | boolean;
export type NcmQueryValue = NcmQueryScalar | readonly NcmQueryScalar[] | null | undefined;
export type NcmQuery = Readonly<Record<string, NcmQueryValue>>;

/** NCM rejects `__in` lists longer than this. */
export const NCM_MAX_IN_VALUES = 100;

const NAME_SEGMENT = /^[a-z_]+$/;
const ID_SEGMENT = /^[A-Za-z0-9-]+$/;
/** Filter names such as `state__in`, `created_at__gt`, `router.id`. */
const QUERY_KEY = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const isResource = (value: string): value is NcmResource => (NCM_RESOURCES as readonly string[]).includes(value);

export function isValidIdSegment(value: string): boolean {
  return ID_SEGMENT.test(value);
}

function badRequest(message: string): NcmError {
  return new NcmError('bad_request', message);
}

/** Validates the segments and returns the path relative to the base, always with a trailing slash. */
export function buildResourcePath(path: NcmPath): string {
  const [resource, ...rest] = path;
  if (!isResource(resource)) throw badRequest('NCM resource is not allowlisted');
  for (const segment of rest) {
    if (!NAME_SEGMENT.test(segment) && !ID_SEGMENT.test(segment)) {
      throw badRequest('NCM path segment is not valid');
    }
  }
  return `/${path.join('/')}/`;
}

function scalarToString(key: string, value: NcmQueryScalar): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw badRequest(`Query parameter ${key} is not a finite number`);
  const text = String(value);
  if (CONTROL_CHARS.test(text)) throw badRequest(`Query parameter ${key} contains control characters`);
  return text;
}

/** One value per key (no parameter pollution); arrays become NCM's comma lists. */
function buildQueryString(query: NcmQuery | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (!QUERY_KEY.test(key)) throw badRequest('Query parameter name is not valid');
    if (Array.isArray(value)) {
      const items: readonly NcmQueryScalar[] = value;
      if (items.length === 0) throw badRequest(`Query parameter ${key} is an empty list`);
      if (key.endsWith('__in') && items.length > NCM_MAX_IN_VALUES) {
        throw badRequest(`Query parameter ${key} has more than ${NCM_MAX_IN_VALUES} values`);
      }
      const texts = items.map((item) => scalarToString(key, item));
      if (texts.some((t) => t.includes(',') || t === ''))
        throw badRequest(`Query parameter ${key} has an invalid list item`);
      params.set(key, texts.join(','));
    } else {
      params.set(key, scalarToString(key, value as NcmQueryScalar));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Absolute URL for a validated path + query, asserted to stay on the configured origin and base path. */
export function buildNcmUrl(baseUrl: string, path: NcmPath, query?: NcmQuery): URL {
  const base = new URL(baseUrl);
  const relative = buildResourcePath(path) + buildQueryString(query);
  const url = new URL(`${base.pathname}${relative}`, base.origin);
  if (url.origin !== base.origin || !url.pathname.startsWith(`${base.pathname}/`)) {
    throw badRequest('NCM URL escaped the configured base');
  }
  return url;
}
