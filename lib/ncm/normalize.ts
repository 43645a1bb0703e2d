import 'server-only';
/**
 * Wire → domain. Every record is parsed with the wire.ts schemas first; vendor field names and quirks
 * (string ids, relations as URLs on regional hosts, inline `expand`ed objects, spec vs real field names,
 * radio values as strings) are translated here once, so nothing above lib/ncm sees a wire shape.
 */
import { z } from 'zod';
import type {
  Account,
  Alert,
  Firmware,
  Group,
  NetDevice,
  NetDeviceHealth,
  NetDeviceMetrics,
  Product,
  Router,
  RouterState,
} from '@/lib/domain/types';
import type { ActivityLogEntry } from './activity-logs';
import { NcmError } from './errors';
import type { AlertPushDestination } from './push-destinations';
import {
  accountSchema,
  activityLogSchema,
  alertPushDestinationSchema,
  alertSchema,
  firmwareSchema,
  groupSchema,
  netDeviceHealthSchema,
  netDeviceMetricsSchema,
  netDeviceSchema,
  productSchema,
  routerSchema,
} from './wire';

const ID = /^[A-Za-z0-9-]+$/;

/**
 * The id of a related record: the last path segment of a resource URL (any host, including regional
 * `www.us0.cradlepointecm.com`, and relative paths), or the `id` of an inline expanded object.
 */
export function idFromUrl(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const inner = (value as { id?: unknown }).id;
    if (typeof inner === 'number' && Number.isFinite(inner)) return String(inner);
    return typeof inner === 'string' && ID.test(inner) ? inner : null;
  }
  if (typeof value !== 'string') return null;
  let pathname: string;
  try {
    pathname = new URL(value, 'http://relative.invalid').pathname;
  } catch {
    return null;
  }
  const last = pathname.split('/').filter(Boolean).at(-1);
  return last !== undefined && ID.test(last) ? last : null;
}

const KNOWN_STATES: ReadonlySet<string> = new Set<RouterState>(['online', 'offline', 'initialized']);

export function routerState(value: string): RouterState {
  return KNOWN_STATES.has(value) ? (value as RouterState) : 'unknown';
}

/** Radio values sometimes arrive as strings on real NCM; anything unreadable becomes null. */
export function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function firstNonEmpty(...values: (string | null | undefined)[]): string | null {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, label: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))].slice(0, 5);
    throw new NcmError('bad_upstream', `NCM ${label} record failed validation at: ${fields.join(', ')}`);
  }
  return parsed.data;
}

export function toRouter(raw: unknown): Router {
  const r = parseWith(routerSchema, raw, 'router');
  const expandedProductName =
    r.product !== null && typeof r.product === 'object' ? (r.product as { name?: string }).name : undefined;
  return {
    id: r.id,
    name: r.name,
    description: r.description ?? '',
    state: routerState(r.state),
    stateUpdatedAt: r.state_updated_at ?? r.last_seen_at ?? null,
    accountId: idFromUrl(r.account),
    groupId: idFromUrl(r.group),
    productId: idFromUrl(r.product),
    productName: r.full_product_name ?? expandedProductName ?? null,
    actualFirmwareId: idFromUrl(r.actual_firmware),
    targetFirmwareId: idFromUrl(r.target_firmware),
    serialNumber: r.serial_number ?? null,
    mac: r.mac ?? null,
    ipv4Address: r.ipv4_address ?? null,
    assetId: r.asset_id ?? null,
    locality: r.locality ?? null,
    configStatus: r.config_status ?? null,
    upgradePending: r.upgrade_pending ?? false,
    rebootRequired: r.reboot_required ?? false,
    lastKnownLocationId: idFromUrl(r.last_known_location),
    createdAt: r.created_at ?? null,
    updatedAt: r.updated_at ?? null,
  };
}

export function toNetDevice(raw: unknown): NetDevice {
  const d = parseWith(netDeviceSchema, raw, 'net_device');
  return {
    id: d.id,
    routerId: idFromUrl(d.router),
    name: d.name,
    type: d.type,
    mode: d.mode ?? null,
    isAsset: d.is_asset ?? false,
    connectionState: d.connection_state ?? null,
    carrier: d.carrier ?? null,
    iccid: d.iccid ?? null,
    imei: d.imei ?? null,
    ipv4Address: d.ipv4_address ?? null,
    mfgModel: d.mfg_model ?? null,
    port: d.port ?? null,
    updatedAt: d.updated_at ?? null,
  };
}

export function toGroup(raw: unknown): Group {
  const g = parseWith(groupSchema, raw, 'group');
  return {
    id: g.id,
    name: g.name,
    accountId: idFromUrl(g.account),
    productId: idFromUrl(g.product),
    targetFirmwareId: idFromUrl(g.target_firmware),
  };
}

export function toAccount(raw: unknown): Account {
  const a = parseWith(accountSchema, raw, 'account');
  return {
    id: a.id,
    name: a.name,
    // Real NCM puts the parent in `account`; the spec calls it `parent_account`.
    parentId: idFromUrl(a.parent_account ?? a.account),
    isDisabled: a.is_disabled ?? false,
  };
}

export function toProduct(raw: unknown): Product {
  const p = parseWith(productSchema, raw, 'product');
  return { id: p.id, name: p.name, series: p.series ?? null, deviceType: p.device_type ?? null };
}

export function toFirmware(raw: unknown): Firmware {
  const f = parseWith(firmwareSchema, raw, 'firmware');
  return { id: f.id, version: f.version, productId: idFromUrl(f.product), releasedAt: f.released_at ?? null };
}

export function toAlert(raw: unknown): Alert {
  const a = parseWith(alertSchema, raw, 'alert');
  return {
    // Real NCM alerts have no id; the timeuuid is unique per alert.
    id: firstNonEmpty(a.id) ?? a.created_at_timeuuid,
    type: a.type,
    routerId: idFromUrl(a.router),
    accountId: idFromUrl(a.account),
    // An empty friendly_info is as useless as a missing one, so fall through on '' too.
    message: firstNonEmpty(a.friendly_info, a.message) ?? a.type,
    createdAt: a.created_at,
    detectedAt: a.detected_at ?? null,
  };
}

export function toNetDeviceMetrics(raw: unknown): NetDeviceMetrics {
  const m = parseWith(netDeviceMetricsSchema, raw, 'net_device_metrics');
  return {
    // Metrics ids equal net-device ids on real NCM; the relation is the authoritative link.
    netDeviceId: idFromUrl(m.net_device) ?? m.id,
    rsrp: toNumber(m.rsrp),
    rsrq: toNumber(m.rsrq),
    sinr: toNumber(m.sinr),
    rssi: toNumber(m.rssi),
    signalStrength: toNumber(m.signal_strength),
    serviceType: m.service_type ?? null,
    bytesIn: toNumber(m.bytes_in),
    bytesOut: toNumber(m.bytes_out),
    updatedAt: m.update_ts ?? null,
  };
}

export function toNetDeviceHealth(raw: unknown): NetDeviceHealth {
  const h = parseWith(netDeviceHealthSchema, raw, 'net_device_health');
  return {
    netDeviceId: idFromUrl(h.net_device) ?? h.id,
    score: h.cellular_health_score,
    category: h.cellular_health_category,
  };
}

/**
 * Normalises a list, skipping (and logging) records that fail validation: one odd router must not
 * blank the fleet view. Detail reads call the `to*` function directly, where failure is fatal.
 */
const destinationWithErrors = alertPushDestinationSchema.extend({
  last_error_at: z.string().nullable().optional(),
  last_error_text: z.string().nullable().optional(),
});

export function toAlertPushDestination(raw: unknown): AlertPushDestination {
  const parsed = destinationWithErrors.safeParse(raw);
  if (!parsed.success) throw new NcmError('bad_upstream', 'NCM alert_push_destination record is not readable');
  const d = parsed.data;
  return {
    id: d.destination_config_id,
    name: d.name,
    url: d.endpoint.url,
    enabled: d.enabled,
    suspended: d.suspended ?? false,
    lastErrorAt: d.last_error_at ?? null,
    lastErrorText: d.last_error_text ?? null,
  };
}

function field(value: unknown, key: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

export function toActivityLogEntry(raw: unknown): ActivityLogEntry {
  const parsed = activityLogSchema.safeParse(raw);
  if (!parsed.success) throw new NcmError('bad_upstream', 'NCM activity_log record is not readable');
  const a = parsed.data;
  const timeuuid = field(a, 'created_at_timeuuid');
  return {
    id: timeuuid ?? `${a.created_at}:${field(a.action, 'id') ?? ''}`,
    createdAt: a.created_at,
    actorName: field(a.actor, 'name') ?? field(a.actor, 'id'),
    actorType: field(a.actor, 'type'),
    actionType: field(a.action, 'type'),
    objectName: field(a.object, 'name'),
    objectType: field(a.object, 'type'),
    objectId: field(a.object, 'id'),
  };
}

export function normalizeList<T>(records: readonly unknown[], normalize: (raw: unknown) => T, label: string): T[] {
  const out: T[] = [];
  let skipped = 0;
  let firstReason = '';
  for (const raw of records) {
    try {
      out.push(normalize(raw));
    } catch (err) {
      if (!(err instanceof NcmError)) throw err;
      skipped++;
      firstReason ||= err.message;
    }
  }
  if (skipped > 0)
    console.error(`[ncm] skipped ${skipped} of ${records.length} ${label} record(s); first: ${firstReason}`);
  return out;
}
