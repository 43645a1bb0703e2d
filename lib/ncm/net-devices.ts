import 'server-only';
/** Net devices (modems, WAN/LAN interfaces) and their latest metrics and health. */
import type { NetDevice, NetDeviceHealth, NetDeviceMetrics, Page } from '@/lib/domain/types';
import { normalizeList, toNetDevice, toNetDeviceHealth, toNetDeviceMetrics } from './normalize';
import { clampLimit, clampOffset, ncmGetPage, ncmPaginate, type PaginateOptions } from './paginate';
import { assertId, assertIds, toDomainPage } from './resource-helpers';
import { NcmError } from './errors';

export interface NetDeviceQuery {
  routerIds?: string[];
  limit?: number;
  offset?: number;
  /** NCM `mode`: "wan" or "lan". */
  mode?: 'wan' | 'lan';
}

const DEFAULT_PAGE_SIZE = 100;

export async function listNetDevices(q: NetDeviceQuery = {}): Promise<Page<NetDevice>> {
  if (q.mode !== undefined && q.mode !== 'wan' && q.mode !== 'lan') throw new NcmError('bad_request', 'Invalid net device mode');
  const page = await ncmGetPage(['net_devices'], {
    router__in: assertIds(q.routerIds, 'router'),
    mode: q.mode,
    limit: clampLimit(q.limit, DEFAULT_PAGE_SIZE),
    offset: clampOffset(q.offset),
  });
  return toDomainPage(page, toNetDevice, 'net_device');
}

export async function listNetDevicesForRouter(routerId: string, opts?: PaginateOptions): Promise<NetDevice[]> {
  const records = await ncmPaginate(['net_devices'], { router: assertId(routerId, 'router'), limit: 500 }, opts);
  return normalizeList(records, toNetDevice, 'net_device');
}

/** Latest signal/usage per net device; any number of ids (chunked by 100 upstream). */
export async function listNetDeviceMetrics(netDeviceIds: readonly string[], opts?: PaginateOptions): Promise<NetDeviceMetrics[]> {
  if (netDeviceIds.length === 0) return [];
  const records = await ncmPaginate(
    ['net_device_metrics'],
    { net_device__in: assertIds(netDeviceIds, 'net device'), limit: 500 },
    opts,
  );
  return normalizeList(records, toNetDeviceMetrics, 'net_device_metrics');
}

/** Cellular health score per net device; any number of ids (chunked by 100 upstream). */
export async function listNetDeviceHealth(netDeviceIds: readonly string[], opts?: PaginateOptions): Promise<NetDeviceHealth[]> {
  if (netDeviceIds.length === 0) return [];
  const records = await ncmPaginate(
    ['net_device_health'],
    { net_device__in: assertIds(netDeviceIds, 'net device'), limit: 500 },
    opts,
  );
  return normalizeList(records, toNetDeviceHealth, 'net_device_health');
}
