import 'server-only';
import { cache } from 'react';
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
import { HttpError } from '@/lib/api/http-error';
import { NcmError } from '@/lib/ncm/errors';
import { isModem, signalQuality } from '@/lib/fleet/signal';
import { applyRouterUpdate, getFleetSync } from '@/lib/fleet';
import { getRouter, listAlerts, listNetDeviceHealth, listNetDeviceMetrics, listNetDevicesForRouter, listRouters, updateRouter } from '@/lib/ncm';
import { changedFields, recordAudit } from './activity';
import { getReferenceData, type ReferenceData } from './reference';

/**
 * Router data functions. Each checks the session and role itself (pages and route handlers call
 * them, and neither is trusted to have done it), then shapes NCM records into our DTOs.
 */

/** The id → record maps that turn a router's relations into names. */
type NameMaps = Pick<ReferenceData, 'groups' | 'accounts' | 'products' | 'firmwares'>;

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

function toDetail(router: Router, devices: NetDevice[], ref: NameMaps): RouterDetailDto {
  const target = router.targetFirmwareId ? ref.firmwares.get(router.targetFirmwareId) : undefined;
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
  };
}

export async function getRoutersPage(query: RoutersQuery): Promise<RoutersPageDto> {
  await authorize('routers:read');
  const [page, ref] = await Promise.all([
    listRouters({ limit: query.limit, offset: query.offset, state: query.state ? [query.state] : undefined, orderBy: 'name' }),
    getReferenceData(),
  ]);
  return {
    items: page.items.map((r) => toRow(r, ref)),
    limit: page.limit,
    offset: page.offset,
    hasMore: page.hasMore,
    asOf: new Date().toISOString(),
  };
}

/**
 * The router as the shared fleet snapshot last saw it, for when NCM is not answering: a technician
 * with a link still sees the router (marked stale, edits off) instead of an error page.
 */
function fromSnapshot(id: string, err: unknown): RouterDetailDto | null {
  if (!(err instanceof NcmError) || err.kind === 'not_found') return null;
  const view = getFleetSync().view();
  const router = view.data.routers.get(id);
  if (!router) return null;
  const devices = [...view.data.devices.values()].filter((d) => d.routerId === id);
  const location = view.data.locations.get(id);
  return {
    ...toDetail(router, devices, view.data.reference),
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    unavailable: { asOf: view.asOf ? new Date(view.asOf).toISOString() : null, reason: err.safeMessage },
  };
}

/** A router's net devices, fetched once per request however many sections (details, modems) ask. */
const loadNetDevices = cache((id: string) => listNetDevicesForRouter(id));

async function loadFromNcm(id: string): Promise<RouterDetailDto | null> {
  const router = await getRouter(id);
  if (!router) return null;
  const [devices, ref] = await Promise.all([loadNetDevices(id), getReferenceData()]);
  // The current position comes from the shared snapshot when it is loaded; a detail page must not
  // start a fleet-wide sync just to show one router's location.
  const location = getFleetSync().view().data.locations.get(id);
  return { ...toDetail(router, devices, ref), latitude: location?.latitude ?? null, longitude: location?.longitude ?? null };
}

/** One NCM lookup per router per request, however many segments (layout, page) ask. */
const loadRouterDetail = cache(async (id: string): Promise<RouterDetailDto | null> => {
  if (!/^\d{1,12}$/.test(id)) return null;
  try {
    return await loadFromNcm(id);
  } catch (err) {
    const fallback = fromSnapshot(id, err);
    if (fallback) return fallback;
    throw err;
  }
});

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
  const ref = await getReferenceData();
  return [...ref.groups.values()]
    .map((g) => ({ id: g.id, name: g.name, accountId: g.accountId, accountName: g.accountId ? (ref.accounts.get(g.accountId)?.name ?? null) : null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function changeRouter(id: string, changes: RouterChangesInput): Promise<RouterDetailDto> {
  const user = await authorize('routers:update');
  if (!/^\d{1,12}$/.test(id)) throw new HttpError(404, 'not_found', 'No such router');
  const before = await getRouter(id);
  if (!before) throw new HttpError(404, 'not_found', 'No such router');
  const ref = await getReferenceData();
  if (changes.groupId) {
    const group = ref.groups.get(changes.groupId);
    // A router may only move to a group of its own account (SEC-23).
    if (!group || (before.accountId && group.accountId !== before.accountId)) {
      throw new HttpError(400, 'bad_request', 'That group does not exist in this router\u2019s account', [
        { path: 'groupId', message: 'Unknown group for this account' },
      ]);
    }
  }
  const after = await updateRouter(id, changes);
  // --- audit (alerts/activity slice): record only the fields that actually changed ---
  const audited = changedFields(
    { name: before.name, description: before.description, group: before.groupId },
    { name: after.name, description: after.description, group: after.groupId },
    ['name', 'description', 'group'],
  );
  recordAudit({ user, action: 'router.update', targetType: 'router', targetId: id, ...audited });
  // --- end audit ---
  // Every viewer of the shared fleet snapshot sees the change now, not at the next poll.
  applyRouterUpdate(after);
  const devices = await listNetDevicesForRouter(id);
  return toDetail(after, devices, ref);
}

/** The router's modems with their latest RSRP/RSRQ/SINR, quality band and health score. */
export async function getRouterModems(id: string): Promise<ModemDto[]> {
  await authorize('routers:read');
  if (!/^\d{1,12}$/.test(id)) return [];
  const modems = (await loadNetDevices(id)).filter(isModem);
  const ids = modems.map((m) => m.id);
  const [metrics, health] = await Promise.all([listNetDeviceMetrics(ids), listNetDeviceHealth(ids)]);
  const metricsById = new Map(metrics.map((m) => [m.netDeviceId, m]));
  const healthById = new Map(health.map((h) => [h.netDeviceId, h]));
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

/** The router's alerts of the chosen window, newest first (NCM cannot sort alerts, so we do). */
const RECENT_ALERTS_SHOWN = 50;

export async function listRecentRouterAlerts(id: string, window: AlertWindow, now: number = Date.now()): Promise<RouterAlertDto[]> {
  await authorize('alerts:read');
  if (!/^\d{1,12}$/.test(id)) return [];
  // NCM cannot order alerts (order_by → 409), so take one full page of the window and sort here;
  // a single router rarely raises 500 alerts in 30 days.
  const page = await listAlerts({ routerIds: [id], createdAfter: new Date(now - WINDOW_MS[window]).toISOString(), limit: 500 });
  return page.items
    .map((a) => ({ id: a.id, type: a.type, message: a.message, createdAt: a.createdAt }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, RECENT_ALERTS_SHOWN);
}
