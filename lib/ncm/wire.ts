/**
 * NCM API v2 wire shapes as zod schemas, written from the published OpenAPI description and from how
 * real NCM behaves (string ids, relations as absolute URLs, no total_count). Where the two differ both
 * names are accepted. The client parses every record through these; the simulator's tests validate
 * every response against them, so the simulator and the client cannot drift apart silently.
 *
 * Objects are loose: NCM adds fields over time and a new field must never break a sync.
 */
import { z } from 'zod';

const id = z.string().min(1);
const url = z.string().min(1);
const relation = url.nullable();
const timestamp = z.string().min(1);
const nullableTimestamp = timestamp.nullable();
/** Radio values sometimes arrive as strings on real NCM (ecio, rssi, rssnr). */
const numberish = z.union([z.number(), z.string()]).nullable();

const metaSchema = z.looseObject({
  limit: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  next: z.string().nullable(),
  previous: z.string().nullable(),
  total_count: z.number().int().nonnegative().optional(),
});

export const listSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), meta: metaSchema });

export const accountSchema = z.looseObject({
  id,
  name: z.string(),
  account: relation.optional(),
  parent_account: relation.optional(),
  is_disabled: z.boolean().optional(),
  resource_url: url.optional(),
});

export const productSchema = z.looseObject({
  id,
  name: z.string(),
  series: z.number().int().nullable().optional(),
  device_type: z.string().optional(),
  resource_url: url.optional(),
});

export const firmwareSchema = z.looseObject({
  id,
  version: z.string(),
  product: relation.optional(),
  released_at: nullableTimestamp.optional(),
  built_at: nullableTimestamp.optional(),
  is_deprecated: z.boolean().optional(),
  resource_url: url.optional(),
});

export const groupSchema = z.looseObject({
  id,
  name: z.string(),
  account: relation,
  product: z.union([relation, z.looseObject({ id })]).optional(),
  target_firmware: z.union([relation, z.looseObject({ id })]).optional(),
  device_type: z.string().optional(),
  configuration: z.unknown().optional(),
  resource_url: url.optional(),
});

const expandable = <T extends z.ZodType>(inline: T) => z.union([relation, inline]);

export const routerSchema = z.looseObject({
  id,
  name: z.string(),
  description: z.string().nullable().optional(),
  state: z.string(),
  state_updated_at: nullableTimestamp.optional(),
  last_seen_at: nullableTimestamp.optional(),
  account: expandable(accountSchema).optional(),
  group: expandable(groupSchema).optional(),
  product: expandable(productSchema).optional(),
  full_product_name: z.string().nullable().optional(),
  actual_firmware: expandable(firmwareSchema).optional(),
  target_firmware: expandable(firmwareSchema).optional(),
  serial_number: z.string().nullable().optional(),
  mac: z.string().nullable().optional(),
  ipv4_address: z.string().nullable().optional(),
  asset_id: z.string().nullable().optional(),
  locality: z.string().nullable().optional(),
  config_status: z.string().nullable().optional(),
  upgrade_pending: z.boolean().nullable().optional(),
  reboot_required: z.boolean().nullable().optional(),
  last_known_location: relation.optional(),
  configuration_manager: z.union([relation, z.looseObject({})]).optional(),
  lans: url.optional(),
  custom1: z.string().nullable().optional(),
  custom2: z.string().nullable().optional(),
  created_at: nullableTimestamp.optional(),
  updated_at: nullableTimestamp.optional(),
  resource_url: url.optional(),
});

export const netDeviceSchema = z.looseObject({
  id,
  name: z.string(),
  router: expandable(z.looseObject({ id })).optional(),
  account: relation.optional(),
  type: z.string(),
  mode: z.string().nullable().optional(),
  is_asset: z.boolean().optional(),
  connection_state: z.string().nullable().optional(),
  carrier: z.string().nullable().optional(),
  homecarrid: z.string().nullable().optional(),
  iccid: z.string().nullable().optional(),
  imei: z.string().nullable().optional(),
  ipv4_address: z.string().nullable().optional(),
  mfg_model: z.string().nullable().optional(),
  port: z.string().nullable().optional(),
  updated_at: nullableTimestamp.optional(),
  resource_url: url.optional(),
});

export const netDeviceMetricsSchema = z.looseObject({
  id,
  net_device: url,
  rsrp: numberish.optional(),
  rsrq: numberish.optional(),
  sinr: numberish.optional(),
  rssi: numberish.optional(),
  signal_strength: z.number().nullable().optional(),
  service_type: z.string().nullable().optional(),
  bytes_in: z.number().nullable().optional(),
  bytes_out: z.number().nullable().optional(),
  update_ts: nullableTimestamp.optional(),
  resource_url: url.optional(),
});

export const netDeviceHealthSchema = z.looseObject({
  id,
  net_device: url,
  cellular_health_score: z.number().nullable(),
  cellular_health_category: z.string().nullable(),
  resource_url: url.optional(),
});

const timeSeries = {
  created_at: timestamp,
  created_at_timeuuid: z.string().min(1),
};

/** Samples: records from before NCM added the timeuuid field have none. */
const sampleTime = {
  created_at: timestamp,
  created_at_timeuuid: z.string().min(1).nullable().optional(),
};

/**
 * 5G radio values: net_device_signal_samples spell them without an underscore (`rsrp5g`), the
 * historical_locations records and the published spec with one (`rsrp_5g`). Both are accepted.
 */
const radio5g = {
  rsrp5g: numberish.optional(),
  rsrq5g: numberish.optional(),
  sinr5g: numberish.optional(),
  rsrp_5g: numberish.optional(),
  rsrq_5g: numberish.optional(),
  sinr_5g: numberish.optional(),
  rsrp5g_highband: numberish.optional(),
  rsrq5g_highband: numberish.optional(),
  sinr5g_highband: numberish.optional(),
};

/** The radio readings a signal sample and a location fix both carry (numbers, or numbers as strings). */
const radioAtSample = {
  rsrp: numberish.optional(),
  rsrq: numberish.optional(),
  sinr: numberish.optional(),
  rssi: numberish.optional(),
  cinr: numberish.optional(),
  dbm: numberish.optional(),
  ecio: numberish.optional(),
};

export const signalSampleSchema = z.looseObject({
  ...sampleTime,
  net_device: url,
  ...radioAtSample,
  rssnr: numberish.optional(),
  signal_percent: numberish.optional(),
  uptime: numberish.optional(),
  ...radio5g,
});

export const usageSampleSchema = z.looseObject({
  ...sampleTime,
  net_device: url,
  bytes_in: numberish,
  bytes_out: numberish,
  period: numberish.optional(),
  /** Cumulative seconds connected; null while disconnected. */
  uptime: numberish.optional(),
});

export const routerStateSampleSchema = z.looseObject({
  ...sampleTime,
  router: url,
  state: z.string(),
  period: numberish.optional(),
});

export const alertSchema = z.looseObject({
  ...timeSeries,
  type: z.string(),
  router: relation.optional(),
  account: relation.optional(),
  detected_at: nullableTimestamp.optional(),
  friendly_info: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  id: z.string().optional(),
  severity: z.string().optional(),
  info: z.unknown().optional(),
});

export const activityLogSchema = z.looseObject({
  created_at: timestamp,
  actor: z.unknown(),
  action: z.unknown(),
  object: z.unknown().optional(),
});

export const alertRuleSchema = z.looseObject({
  alert_config_id: z.string().min(1),
  account: relation,
  filter_criteria: z.unknown().optional(),
  http_destinations: z.array(z.string()).optional(),
  associated_groups: z.array(z.number()).optional(),
  associated_accounts: z.array(z.number()).optional(),
  schedule: z.string().nullable().optional(),
  updated_at: nullableTimestamp.optional(),
});

export const alertPushDestinationSchema = z.looseObject({
  destination_config_id: z.string().min(1),
  name: z.string(),
  endpoint: z.looseObject({ url: z.string() }),
  url: z.string().optional(),
  enabled: z.boolean(),
  suspended: z.boolean().optional(),
  authentication: z.looseObject({ secret: z.string() }).optional(),
  updated_at: nullableTimestamp.optional(),
});

export const configurationManagerSchema = z.looseObject({
  id,
  router: url,
  account: relation.optional(),
  configuration: z.unknown(),
  pending: z.unknown().optional(),
  synched: z.boolean(),
  suspended: z.boolean(),
  version_number: z.number().int(),
});

export const locationSchema = z.looseObject({
  id,
  router: url,
  account: relation.optional(),
  latitude: z.number(),
  longitude: z.number(),
  accuracy: z.number().nullable().optional(),
  method: z.string().optional(),
  updated_at: nullableTimestamp.optional(),
});

/** One GPS fix with the radio conditions of that moment. Its router is the one asked for: NCM sends none. */
export const historicalLocationSchema = z.looseObject({
  ...sampleTime,
  latitude: z.union([z.number(), z.string()]),
  longitude: z.union([z.number(), z.string()]),
  accuracy: numberish.optional(),
  altitude: numberish.optional(),
  mph: numberish.optional(),
  ...radioAtSample,
  signal_percent: numberish.optional(),
  /** The carrier's name (real NCM sends e.g. "Verizon"; some accounts a numeric id). */
  carrier_id: z.union([z.string(), z.number()]).nullable().optional(),
  rfband: z.union([z.string(), z.number()]).nullable().optional(),
  rfband_5g: z.union([z.string(), z.number()]).nullable().optional(),
  rfband5g: z.union([z.string(), z.number()]).nullable().optional(),
  net_device_name: z.string().nullable().optional(),
  summary: z.string().nullable().optional(),
  ...radio5g,
});

export const routerLanSchema = z.looseObject({
  id,
  router: url,
  name: z.string(),
  ip_address: z.string(),
  netmask: z.string(),
  enabled: z.boolean().optional(),
});

export const userSchema = z.looseObject({
  id,
  username: z.string(),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  account: relation.optional(),
});

export const subscriptionSchema = z.looseObject({
  id,
  name: z.string().optional(),
  account: relation.optional(),
  start_time: nullableTimestamp.optional(),
  end_time: nullableTimestamp.optional(),
});

/** 401 bodies carry a string `exception`; other errors an object with a message. */
export const errorBodySchema = z.looseObject({
  exception: z.union([z.string(), z.looseObject({ type: z.string().optional(), message: z.string().optional() })]),
  message: z.string().optional(),
});
