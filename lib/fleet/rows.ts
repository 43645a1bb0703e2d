import 'server-only';
/**
 * Turns the raw snapshot into table rows, together with each row's lowercase search text (name,
 * serial, MAC with and without colons, IMEI, ICCID, IPs, asset id) and name sort key.
 *
 * A build takes the previous build's memo and keeps a row — the very same object — when none of its
 * inputs changed. Inputs are compared by identity first and then field by field, because a full sync
 * re-reads every record as a new object although almost none of them changed: keeping row identity
 * across it is what lets the sort orders be carried over instead of rebuilt (see sort-order.ts).
 */
import type { NetDevice, NetDeviceHealth, NetDeviceMetrics, Router } from '@/lib/domain/types';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { isModem, primaryModem, signalQuality } from './signal';
import { runToEnd, type Steps } from './sliced';
import type { RouterLocation } from '@/lib/domain/types';
import type { FleetData, FleetReference } from './types';

interface Built {
  // The inputs, re-pointed at the current objects on every build so the next compare is by identity.
  router: Router;
  location: RouterLocation | undefined;
  devices: readonly NetDevice[];
  metrics: (NetDeviceMetrics | undefined)[];
  health: (NetDeviceHealth | undefined)[];
  row: FleetRouterRow;
  search: string;
  nameKey: string;
}

/** One build's rows by router id: the next build's starting point. */
type RowMemo = Map<string, Built>;

export interface FleetRows {
  rows: FleetRouterRow[];
  /** Parallel to rows. */
  searchText: string[];
  /** Parallel to rows: the name's sort key. */
  nameKeys: string[];
  memo: RowMemo;
  /** The reference data the rows were built with (compared by content next time). */
  reference: FleetReference;
  /** Which router each device belonged to at the build: a patch is only valid while this holds. */
  deviceOwner: ReadonlyMap<string, string | null>;
}

/** Lowercase with digit runs zero-padded, so "Bus 2" sorts before "Bus 10" and 7.9 before 7.10. */
export function textKey(value: string): string {
  return value.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

/** Same flat record: the same object, or every field equal (domain records hold primitives only). */
function sameRecord(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] !== y[key]) return false;
    count++;
  }
  for (const _ in y) count--;
  return count === 0;
}

function sameMap(a: ReadonlyMap<string, object>, b: ReadonlyMap<string, object>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!sameRecord(value, b.get(key))) return false;
  return true;
}

function sameReference(a: FleetReference, b: FleetReference): boolean {
  return (
    a === b ||
    (sameMap(a.groups, b.groups) &&
      sameMap(a.accounts, b.accounts) &&
      sameMap(a.products, b.products) &&
      sameMap(a.firmwares, b.firmwares))
  );
}

/** The router and its devices are the same: the search text and name key still hold. */
function sameText(known: Built, router: Router, own: readonly NetDevice[]): boolean {
  if (known.devices.length !== own.length || !sameRecord(known.router, router)) return false;
  for (let i = 0; i < own.length; i++) if (!sameRecord(known.devices[i], own[i])) return false;
  return true;
}

function unchanged(known: Built, data: FleetData, router: Router, own: readonly NetDevice[]): boolean {
  if (!sameText(known, router, own) || !sameRecord(known.location, data.locations.get(router.id))) return false;
  for (let i = 0; i < own.length; i++) {
    const d = own[i]!;
    if (!sameRecord(known.metrics[i], data.metrics.get(d.id)) || !sameRecord(known.health[i], data.health.get(d.id)))
      return false;
  }
  return true;
}

/**
 * A router whose inputs changed. Most changes (a metrics record's counters and timestamp, a health
 * recalculation) leave what the row shows alone: then the row stays the very same object, and so
 * does its place in every sort order.
 */
function rebuilt(known: Built, data: FleetData, router: Router, own: readonly NetDevice[]): Built {
  const fresh = buildRow(data, router, own, sameText(known, router, own) ? known : undefined);
  if (sameRecord(fresh.row, known.row)) fresh.row = known.row;
  return fresh;
}

/** After `unchanged`: the memo now refers to this build's (equal) input objects. */
function adopt(known: Built, data: FleetData, router: Router, own: readonly NetDevice[]): Built {
  known.router = router;
  known.location = data.locations.get(router.id);
  known.devices = own;
  for (let i = 0; i < own.length; i++) {
    known.metrics[i] = data.metrics.get(own[i]!.id);
    known.health[i] = data.health.get(own[i]!.id);
  }
  return known;
}

/** `text`: the search text and name key to keep (the router and its devices did not change). */
function buildRow(
  data: FleetData,
  router: Router,
  own: readonly NetDevice[],
  text?: Pick<Built, 'search' | 'nameKey'>,
): Built {
  const { groups, accounts, products, firmwares } = data.reference;
  const primary = primaryModem(own, data.metrics);
  const metrics = primary ? data.metrics.get(primary.id) : undefined;
  const health = primary ? data.health.get(primary.id) : undefined;
  const group = router.groupId ? groups.get(router.groupId) : undefined;
  const firmware = router.actualFirmwareId ? firmwares.get(router.actualFirmwareId) : undefined;
  const targetFirmwareId = group?.targetFirmwareId ?? router.targetFirmwareId;
  const location = data.locations.get(router.id);
  const firstModem = own.find(isModem);
  const rsrp = metrics?.rsrp ?? null;
  const row: FleetRouterRow = {
    id: router.id,
    name: router.name,
    state: router.state,
    stateUpdatedAt: router.stateUpdatedAt,
    productName: router.productName ?? (router.productId ? (products.get(router.productId)?.name ?? null) : null),
    firmwareVersion: firmware?.version ?? null,
    firmwareBehind: Boolean(
      targetFirmwareId && router.actualFirmwareId && targetFirmwareId !== router.actualFirmwareId,
    ),
    groupId: router.groupId,
    groupName: group?.name ?? null,
    accountId: router.accountId,
    accountName: router.accountId ? (accounts.get(router.accountId)?.name ?? null) : null,
    serialNumber: router.serialNumber,
    mac: router.mac,
    ipv4Address: router.ipv4Address,
    assetId: router.assetId,
    // An offline router still has a carrier worth filtering on: fall back to its first modem.
    carrier: primary?.carrier ?? firstModem?.carrier ?? null,
    rsrp,
    rsrq: metrics?.rsrq ?? null,
    sinr: metrics?.sinr ?? null,
    signalQuality: signalQuality(rsrp),
    healthScore: health?.score ?? null,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
  };
  return {
    router,
    location,
    devices: own,
    metrics: own.map((d) => data.metrics.get(d.id)),
    health: own.map((d) => data.health.get(d.id)),
    row,
    search: text?.search ?? searchText(router, own),
    nameKey: text?.nameKey ?? textKey(router.name),
  };
}

function searchText(router: Router, own: readonly NetDevice[]): string {
  const parts = [
    router.name,
    router.serialNumber,
    router.mac,
    router.mac?.replace(/[:-]/g, ''),
    router.ipv4Address,
    router.assetId,
  ];
  for (const d of own) parts.push(d.imei, d.iccid, d.ipv4Address);
  // NUL separates fields so a query cannot match across two of them.
  return parts
    .filter((p): p is string => Boolean(p))
    .join('\u0000')
    .toLowerCase();
}

/** How many records a build handles between yields: about a millisecond of work. */
const STEP = 1_000;

/**
 * The build as steps: it yields every STEP records so a caller can spread a 50,000-router build
 * over several event-loop turns (runInSlices) instead of blocking requests for it.
 */
export function* buildRowsSteps(data: FleetData, previous?: Pick<FleetRows, 'memo' | 'reference'>): Steps<FleetRows> {
  // Rows show group, account, product and firmware names: new reference data rebuilds every row.
  const carried = previous && sameReference(previous.reference, data.reference) ? previous.memo : undefined;
  const devices = new Map<string, NetDevice[]>();
  const deviceOwner = new Map<string, string | null>();
  let k = 0;
  for (const device of data.devices.values()) {
    if (++k % STEP === 0) yield;
    deviceOwner.set(device.id, device.routerId);
    if (device.routerId === null) continue;
    const list = devices.get(device.routerId);
    if (list) list.push(device);
    else devices.set(device.routerId, [device]);
  }
  const memo: RowMemo = new Map();
  const rows: FleetRouterRow[] = [];
  const searchText: string[] = [];
  const nameKeys: string[] = [];
  const noDevices: NetDevice[] = [];
  for (const router of data.routers.values()) {
    if (++k % STEP === 0) yield;
    const own = devices.get(router.id) ?? noDevices;
    const known = carried?.get(router.id);
    const built = !known
      ? buildRow(data, router, own)
      : unchanged(known, data, router, own)
        ? adopt(known, data, router, own)
        : rebuilt(known, data, router, own);
    memo.set(router.id, built);
    rows.push(built.row);
    searchText.push(built.search);
    nameKeys.push(built.nameKey);
  }
  return { rows, searchText, nameKeys, memo, reference: data.reference, deviceOwner };
}

export function buildRows(data: FleetData, previous?: Pick<FleetRows, 'memo' | 'reference'>): FleetRows {
  return runToEnd(buildRowsSteps(data, previous));
}

/**
 * These rows with some routers' rows rebuilt from the current data: our own writes (which should
 * show at once) and incremental polls. Routers the rows do not have yet are left to a full build.
 */
export function patchRows(
  built: FleetRows,
  positions: ReadonlyMap<string, number>,
  data: FleetData,
  routerIds: Iterable<string>,
): FleetRows {
  const rows = built.rows.slice();
  const searchText = built.searchText.slice();
  const nameKeys = built.nameKeys.slice();
  for (const id of routerIds) {
    const at = positions.get(id);
    const router = data.routers.get(id);
    const known = built.memo.get(id);
    if (at === undefined || !router || !known) continue;
    // The router's devices as last built, in their current records (the caller has checked that no
    // device joined or left it).
    const own = known.devices.map((d) => data.devices.get(d.id) ?? d);
    const fresh = unchanged(known, data, router, own)
      ? adopt(known, data, router, own)
      : rebuilt(known, data, router, own);
    built.memo.set(id, fresh);
    rows[at] = fresh.row;
    searchText[at] = fresh.search;
    nameKeys[at] = fresh.nameKey;
  }
  return { rows, searchText, nameKeys, memo: built.memo, reference: built.reference, deviceOwner: built.deviceOwner };
}

/** Whether a patch of these routers and devices is enough: no new router, no device joined or moved. */
export function canPatch(
  built: FleetRows,
  positions: ReadonlyMap<string, number>,
  data: FleetData,
  changes: { routers: ReadonlySet<string>; devices: ReadonlySet<string> },
): boolean {
  if (data.routers.size !== built.rows.length || data.reference !== built.reference) return false;
  for (const id of changes.routers) if (!positions.has(id)) return false;
  for (const id of changes.devices) {
    const device = data.devices.get(id);
    if (!device || !built.deviceOwner.has(id) || built.deviceOwner.get(id) !== device.routerId) return false;
  }
  return true;
}
