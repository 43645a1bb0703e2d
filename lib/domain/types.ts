/**
 * Fleet Console's own domain types. Pages, route handlers and components speak these; NCM's wire
 * shapes stay inside lib/ncm (and lib/simulator). Ids are strings, as NCM sends them.
 */

export const ROUTER_STATES = ['online', 'offline', 'initialized', 'unknown'] as const;
export type RouterState = (typeof ROUTER_STATES)[number];

export interface Router {
  id: string;
  name: string;
  description: string;
  state: RouterState;
  /** When `state` last changed (NCM `state_updated_at`, or the spec's `last_seen_at`). ISO 8601. */
  stateUpdatedAt: string | null;
  accountId: string | null;
  groupId: string | null;
  productId: string | null;
  /** NCM `full_product_name`, e.g. "IBR1700-600M". */
  productName: string | null;
  actualFirmwareId: string | null;
  targetFirmwareId: string | null;
  serialNumber: string | null;
  mac: string | null;
  ipv4Address: string | null;
  assetId: string | null;
  locality: string | null;
  configStatus: string | null;
  upgradePending: boolean;
  rebootRequired: boolean;
  lastKnownLocationId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface NetDevice {
  id: string;
  routerId: string | null;
  name: string;
  /** NCM `type`: "mdm" for modems, "ethernet", "wwan", … */
  type: string;
  mode: string | null;
  isAsset: boolean;
  connectionState: string | null;
  carrier: string | null;
  iccid: string | null;
  imei: string | null;
  ipv4Address: string | null;
  mfgModel: string | null;
  port: string | null;
  updatedAt: string | null;
}

export interface Group {
  id: string;
  name: string;
  accountId: string | null;
  productId: string | null;
  targetFirmwareId: string | null;
}

export interface Account {
  id: string;
  name: string;
  parentId: string | null;
  isDisabled: boolean;
}

export interface Product {
  id: string;
  name: string;
  series: number | null;
  deviceType: string | null;
}

export interface Firmware {
  id: string;
  version: string;
  productId: string | null;
  releasedAt: string | null;
}

export interface Alert {
  /** NCM alerts have no id; `created_at_timeuuid` (or the spec's `id`) identifies one. */
  id: string;
  type: string;
  routerId: string | null;
  accountId: string | null;
  message: string;
  createdAt: string;
  detectedAt: string | null;
}

export interface NetDeviceMetrics {
  netDeviceId: string;
  rsrp: number | null;
  rsrq: number | null;
  sinr: number | null;
  rssi: number | null;
  signalStrength: number | null;
  serviceType: string | null;
  bytesIn: number | null;
  bytesOut: number | null;
  updatedAt: string | null;
}

export interface NetDeviceHealth {
  netDeviceId: string;
  score: number | null;
  category: string | null;
}

/** One radio sample of a modem (NCM net_device_signal_samples, kept 7 days). dBm / dB. */
export interface SignalSample {
  netDeviceId: string;
  /** NCM `created_at`, as sent (ISO 8601, µs). */
  at: string;
  /** The same instant in ms since epoch, for sorting and charts. */
  atMs: number;
  rsrp: number | null;
  rsrq: number | null;
  sinr: number | null;
  rssi: number | null;
  signalPercent: number | null;
  /** 5G NR values when the modem had a 5G leg (NCM spells them `rsrp5g` here, `rsrp_5g` elsewhere). */
  rsrp5g: number | null;
  rsrq5g: number | null;
  sinr5g: number | null;
}

/** Traffic of one net device over one period (NCM net_device_usage_samples, kept 90 days). */
export interface UsageSample {
  netDeviceId: string;
  at: string;
  atMs: number;
  bytesIn: number | null;
  bytesOut: number | null;
  periodSeconds: number | null;
  /** Seconds connected, cumulative; null while disconnected. */
  uptimeSeconds: number | null;
}

/** One GPS fix of a router with the radio conditions at that place (NCM historical_locations, kept 1 year). */
export interface LocationFix {
  routerId: string;
  at: string;
  atMs: number;
  latitude: number;
  longitude: number;
  /** Metres. */
  accuracy: number | null;
  altitude: number | null;
  mph: number | null;
  rsrp: number | null;
  rsrq: number | null;
  sinr: number | null;
  rssi: number | null;
  carrier: string | null;
  /** LTE band, e.g. "Band 13"; `band5g` the NR band when there was one. */
  band: string | null;
  band5g: string | null;
  netDeviceName: string | null;
}

/** A change of a router's connection to NCM (NCM router_state_samples). */
export interface RouterStateSample {
  routerId: string;
  at: string;
  atMs: number;
  state: RouterState;
  /** Seconds the state lasted, when NCM says. */
  periodSeconds: number | null;
}

/** Where a router is now (NCM's `locations`: GPS or set by hand); routers without one have none. */
export interface RouterLocation {
  routerId: string;
  latitude: number;
  longitude: number;
}

/** The fields of a router a dashboard user may change (allowlist; see lib/ncm/routers.ts). */
export interface RouterChanges {
  name?: string;
  description?: string;
  /** A group id, or null to remove the router from its group. */
  groupId?: string | null;
}

/** One page of a list. NCM gives no total count, so a page only knows whether another follows. */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  hasMore: boolean;
  /** Only when the upstream volunteers it (the published spec's total_count; real NCM omits it). */
  totalCount?: number;
}
