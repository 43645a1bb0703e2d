/**
 * Turns the raw snapshot into table rows, once per snapshot version, together with each row's
 * lowercase search text (name, serial, MAC with and without colons, IMEI, ICCID, IPs, asset id).
 */
import type { NetDevice } from '@/lib/domain/types';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { isModem, primaryModem, signalQuality } from './signal';
import type { FleetData } from './types';

export interface FleetRows {
  rows: FleetRouterRow[];
  /** Parallel to rows. */
  searchText: string[];
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
  for (const router of data.routers.values()) {
    const own = devices.get(router.id) ?? [];
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
    rows.push(row);
    const parts = [router.name, router.serialNumber, router.mac, router.mac?.replace(/[:-]/g, ''), router.ipv4Address, router.assetId];
    for (const d of own) parts.push(d.imei, d.iccid, d.ipv4Address);
    // NUL separates fields so a query cannot match across two of them.
    searchText.push(parts.filter((p): p is string => Boolean(p)).join('\u0000').toLowerCase());
  }
  return { rows, searchText };
}
