import 'server-only';
import { cache } from 'react';
import { HttpError } from '@/lib/dto/errors';
import { authorize } from '@/lib/auth/session';
import type { NetDevice, Router } from '@/lib/domain/types';
import type {
  AlertWindow,
  GroupOptionDto,
  ModemDto,
  NetDeviceDto,
  RouterAlertDto,
  RouterChangesInput,
  RouterDetailDto,
  RouterRowDto,
  RoutersPageDto,
  RoutersQuery,
} from '@/lib/dto/routers';
import { isNumericId } from '@/lib/dto/ids';
import { applyRouterUpdate, type FleetView, getFleetSync, routerDevices } from '@/lib/fleet';
import { isModem, signalQuality } from '@/lib/fleet/signal';
import { NcmError, updateRouter } from '@/lib/ncm';
import {
  type ReferenceData,
  readNetDeviceHealth,
  readNetDeviceMetrics,
  readReference,
  readRouter,
  readRouterAlerts,
  readRouterForWrite,
  readRouterNetDevices,
  readRoutersPage,
  rememberRouter,
  type SharedRead,
} from '@/lib/reads';
import { changedFields, recordAudit } from './activity';

/**
 * Router data functions. Each checks the session and role itself (pages and route handlers call
 * them, and neither is trusted to have done it), then shapes what the shared read layer holds into
 * our DTOs: the fleet snapshot where it has the router, NCM (shared between viewers) where not.
 */

/** The id → record maps that turn a router's relations into names. */
type NameMaps = Pick<ReferenceData, 'groups' | 'accounts' | 'products' | 'firmwares'>;

const NO_NAMES: NameMaps = { groups: new Map(), accounts: new Map(), products: new Map(), firmwares: new Map() };

function toRow(router: Router, ref: NameMaps): RouterRowDto {
  const group = router.groupId ? ref.groups.get(router.groupId) : undefined;
  const account = router.accountId ? ref.accounts.get(router.accountId) : undefined;
  const firmware = router.actualFirmwareId ? ref.firmwares.get(router.actualFirmwareId) : undefined;
  const product = router.productId ? ref.products.get(router.productId) : undefined;
  return {
    id: router.id,
    name: router.name,
    state: router.state,
    stateUpdatedAt: router.stateUpdatedAt,
    productName: router.productName ?? product?.name ?? null,
    firmwareVersion: firmware?.version ?? null,
    groupId: router.groupId,
    groupName: group?.name ?? null,
    accountId: router.accountId,
    accountName: account?.name ?? null,
  };
}

function toNetDeviceDto(device: NetDevice): NetDeviceDto {
  return {
    id: device.id,
    name: device.name,
    type: device.type,
    mode: device.mode,
    connectionState: device.connectionState,
    carrier: device.carrier,
    iccid: device.iccid,
    imei: device.imei,
    ipv4Address: device.ipv4Address,
    port: device.port,
    model: device.mfgModel,
  };
}

/** The snapshot's current view, or null when it is too stale to show anything. */
function snapshotView(): FleetView | null {
  try {
    return getFleetSync().view();
  } catch {
    return null;
  }
}

function toDetail(router: Router, devices: readonly NetDevice[], ref: NameMaps, asOf: number): RouterDetailDto {
  const target = router.targetFirmwareId ? ref.firmwares.get(router.targetFirmwareId) : undefined;
  // The position comes from the snapshot when it has one; a router page never starts a fleet sync.
  const location = snapshotView()?.data.locations.get(router.id);
  return {
    ...toRow(router, ref),
    description: router.description,
    serialNumber: router.serialNumber,
    mac: router.mac,
    ipv4Address: router.ipv4Address,
    assetId: router.assetId,
    locality: router.locality,
    targetFirmwareVersion: target?.version ?? null,
    configStatus: router.configStatus,
    createdAt: router.createdAt,
    updatedAt: router.updatedAt,
    netDevices: devices.map(toNetDeviceDto),
    asOf: new Date(asOf).toISOString(),
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
  };
}

/**
 * The router as the fleet snapshot last saw it, for when NCM is not answering and nothing shared
 * holds it: a technician with a link still sees the router (marked stale, edits off).
 */
function fromStaleSnapshot(id: string, err: unknown): RouterDetailDto | null {
  if (!(err instanceof NcmError) || err.kind === 'not_found') return null;
  const view = snapshotView();
  const router = view?.data.routers.get(id);
  if (!view || !router) return null;
  const devices = routerDevices(view, id);
  const asOf = view.asOf ?? Date.now();
  return {
    ...toDetail(router, devices, view.data.reference, asOf),
    unavailable: { asOf: view.asOf ? new Date(view.asOf).toISOString() : null, reason: err.safeMessage },
  };
}

function unavailableReason(reads: ReadonlyArray<SharedRead<unknown>>): string | null {
  return reads.some((r) => r.failing) ? 'NetCloud Manager did not answer the last request' : null;
}

async function loadDetail(id: string): Promise<RouterDetailDto | null> {
  const router = await readRouter(id);
  if (!router.value) return null;
  const [devices, ref] = await Promise.all([readRouterNetDevices(id), readReference()]);
  const asOf = Math.min(router.asOf, devices.asOf);
  const detail = toDetail(router.value, devices.value, ref, asOf);
  const reason = unavailableReason([router, devices]);
  if (reason) detail.unavailable = { asOf: detail.asOf, reason };
  if (router.waiting || devices.waiting) detail.waitingForBudget = true;
  return detail;
}

/** One lookup per router per request, however many segments (layout, page) ask. */
const loadRouterDetail = cache(async (id: string): Promise<RouterDetailDto | null> => {
  if (!isNumericId(id)) return null;
  try {
    return await loadDetail(id);
  } catch (err) {
    const fallback = fromStaleSnapshot(id, err);
    if (fallback) return fallback;
    throw err;
  }
});

/** One page of routers for the public paged API, in NCM's name order. */
export async function getRoutersPage(query: RoutersQuery): Promise<RoutersPageDto> {
  await authorize('routers:read');
  const page = await readRoutersPage(query);
  // Names are a nicety here: a failing reference list must not fail the page NCM did answer.
  const ref = await readReference().catch(() => NO_NAMES);
  return {
    items: page.value.items.map((r) => toRow(r, ref)),
    limit: page.value.limit,
    offset: page.value.offset,
    hasMore: page.value.hasMore,
    asOf: new Date(page.asOf).toISOString(),
  };
}

/** Whether the router exists; lets a layout answer 404 before the page starts streaming. */
export async function routerExists(id: string): Promise<boolean> {
  await authorize('routers:read');
  return (await loadRouterDetail(id)) !== null;
}

export async function getRouterDetail(id: string): Promise<RouterDetailDto | null> {
  await authorize('routers:read');
  return loadRouterDetail(id);
}

export async function listGroupOptions(): Promise<GroupOptionDto[]> {
  await authorize('routers:read');
  const ref = await readReference();
  return [...ref.groups.values()]
    .map((g) => ({
      id: g.id,
      name: g.name,
      accountId: g.accountId,
      accountName: g.accountId ? (ref.accounts.get(g.accountId)?.name ?? null) : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function changeRouter(id: string, changes: RouterChangesInput): Promise<RouterDetailDto> {
  const user = await authorize('routers:update');
  if (!isNumericId(id)) throw new HttpError(404, 'not_found', 'No such router');
  const before = await readRouterForWrite(id);
  if (!before) throw new HttpError(404, 'not_found', 'No such router');
  if (changes.groupId) {
    const ref = await readReference();
    const group = ref.groups.get(changes.groupId);
    // A router may only move to a group of its own account.
    if (!group || (before.accountId && group.accountId !== before.accountId)) {
      throw new HttpError(400, 'bad_request', 'That group does not exist in this router\u2019s account', {
        details: [{ path: 'groupId', message: 'Unknown group for this account' }],
      });
    }
  }
  const after = await updateRouter(id, changes);
  // Nothing between the write and its audit entry may throw: the change has happened in NCM.
  const ref = await readReference().catch(() => NO_NAMES);
  // The audit is read by people: a group by its name, with the id beside it for the record.
  const groupLabel = (groupId: string | null) =>
    groupId === null ? null : `${ref.groups.get(groupId)?.name ?? 'Group'} (${groupId})`;
  const audited = changedFields(
    { name: before.name, description: before.description, group: groupLabel(before.groupId) },
    { name: after.name, description: after.description, group: groupLabel(after.groupId) },
    ['name', 'description', 'group'],
  );
  recordAudit({ user, action: 'router.update', targetType: 'router', targetId: id, ...audited });
  // Every viewer sees the change now, not at the next poll or refresh.
  rememberRouter(after);
  applyRouterUpdate(after);
  const devices = await readRouterNetDevices(id);
  return toDetail(after, devices.value, ref, Date.now());
}

/** The router's modems with their latest RSRP/RSRQ/SINR, quality band and health score. */
export async function getRouterModems(id: string): Promise<ModemDto[]> {
  await authorize('routers:read');
  if (!isNumericId(id)) return [];
  const modems = (await readRouterNetDevices(id)).value.filter(isModem);
  const ids = modems.map((m) => m.id);
  const [metrics, health] = await Promise.all([readNetDeviceMetrics(ids), readNetDeviceHealth(ids)]);
  const metricsById = new Map(metrics.value.map((m) => [m.netDeviceId, m]));
  const healthById = new Map(health.value.map((h) => [h.netDeviceId, h]));
  return modems.map((m) => {
    const metric = metricsById.get(m.id);
    const rsrp = metric?.rsrp ?? null;
    return {
      id: m.id,
      name: m.name,
      carrier: m.carrier,
      connectionState: m.connectionState,
      rsrp,
      rsrq: metric?.rsrq ?? null,
      sinr: metric?.sinr ?? null,
      signalQuality: signalQuality(rsrp),
      healthScore: healthById.get(m.id)?.score ?? null,
      iccid: m.iccid,
      imei: m.imei,
      ipv4Address: m.ipv4Address,
      model: m.mfgModel,
      metricsUpdatedAt: metric?.updatedAt ?? null,
    };
  });
}

const WINDOW_MS: Record<AlertWindow, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
const RECENT_ALERTS_SHOWN = 50;

/** The router's alerts of the chosen window, newest first. */
export async function listRecentRouterAlerts(
  id: string,
  window: AlertWindow,
  now: number = Date.now(),
): Promise<RouterAlertDto[]> {
  await authorize('alerts:read');
  if (!isNumericId(id)) return [];
  const { value } = await readRouterAlerts(id, now - WINDOW_MS[window]);
  return value
    .slice(0, RECENT_ALERTS_SHOWN)
    .map((a) => ({ id: a.id, type: a.type, message: a.message, createdAt: a.createdAt }));
}
