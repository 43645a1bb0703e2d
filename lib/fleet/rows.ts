import 'server-only';
/**
 * Turns the raw snapshot into table rows, once per snapshot version, together with each row's
 * lowercase search text (name, serial, MAC with and without colons, IMEI, ICCID, IPs, asset id).
 * A row is rebuilt only when one of its inputs changed identity (the sync replaces records rather than
 * mutating them), so a poll touching a few hundred routers of 50,000 costs a few hundred row builds.
 */
import type { NetDevice } from '@/lib/domain/types';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { isModem, primaryModem, signalQuality } from './signal';
import type { FleetData } from './types';

export interface FleetRows {
  rows: FleetRouterRow[];
  /** Parallel to rows. */
  searchText: string[];
  /** Parallel to rows: the name's sort key. */
  nameKeys: string[];
}

interface Built {
  deps: unknown[];
  row: FleetRouterRow;
  search: string;
  nameKey: string;
}

const memo = new WeakMap<object, Built>();

/** Lowercase with digit runs zero-padded, so "Bus 2" sorts before "Bus 10" and 7.9 before 7.10. */
export function textKey(value: string): string {
  return value.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

/** Whether a memoised row's inputs are still the very same objects (checked without allocating). */
function unchanged(known: Built, data: FleetData, routerId: string, own: readonly NetDevice[]): boolean {
  const deps = known.deps;
  if (deps.length !== 2 + own.length * 3 || deps[0] !== data.reference || deps[1] !== data.locations.get(routerId)) return false;
  for (let i = 0, k = 2; i < own.length; i++, k += 3) {
    const d = own[i]!;
    if (deps[k] !== d || deps[k + 1] !== data.metrics.get(d.id) || deps[k + 2] !== data.health.get(d.id)) return false;
  }
  return true;
}

function devicesByRouter(data: FleetData): Map<string, NetDevice[]> {
  const byRouter = new Map<string, NetDevice[]>();
  for (const device of data.devices.values()) {
    if (device.routerId === null) continue;
    const list = byRouter.get(device.routerId);
    if (list) list.push(device);
    else byRouter.set(device.routerId, [device]);
  }
  return byRouter;
}

export function buildRows(data: FleetData): FleetRows {
  const { groups, accounts, products, firmwares } = data.reference;
  const devices = devicesByRouter(data);
  const rows: FleetRouterRow[] = [];
  const searchText: string[] = [];
  const nameKeys: string[] = [];
  const noDevices: NetDevice[] = [];
  for (const router of data.routers.values()) {
    const own = devices.get(router.id) ?? noDevices;
    const known = memo.get(router);
    if (known && unchanged(known, data, router.id, own)) {
      rows.push(known.row);
      searchText.push(known.search);
      nameKeys.push(known.nameKey);
      continue;
    }
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
      firmwareBehind: Boolean(targetFirmwareId && router.actualFirmwareId && targetFirmwareId !== router.actualFirmwareId),
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
    const parts = [router.name, router.serialNumber, router.mac, router.mac?.replace(/[:-]/g, ''), router.ipv4Address, router.assetId];
    for (const d of own) parts.push(d.imei, d.iccid, d.ipv4Address);
    // NUL separates fields so a query cannot match across two of them.
    const deps: unknown[] = [data.reference, data.locations.get(router.id)];
    for (const d of own) deps.push(d, data.metrics.get(d.id), data.health.get(d.id));
    const search = parts.filter((p): p is string => Boolean(p)).join('\u0000').toLowerCase();
    const nameKey = textKey(router.name);
    memo.set(router, { deps, row, search, nameKey });
    rows.push(row);
    searchText.push(search);
    nameKeys.push(nameKey);
  }
  return { rows, searchText, nameKeys };
}
