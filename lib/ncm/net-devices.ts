import 'server-only';
/** Net devices (modems, WAN/LAN interfaces) and their latest metrics and health. */
import type { NetDevice, NetDeviceHealth, NetDeviceMetrics, Page } from '@/lib/domain/types';
import { normalizeList, toNetDevice, toNetDeviceHealth, toNetDeviceMetrics } from './normalize';
import { clampLimit, clampOffset, ncmGetPage, ncmPaginate, type PaginateOptions } from './paginate';
import { assertId, assertIds, toDomainPage } from './resource-helpers';

/** A page of a whole list, optionally only what changed since a time NCM gave us. */
export interface NetDevicePageQuery {
  limit?: number;
  offset?: number;
  /** ISO 8601 as NCM sent it: only records updated after it. */
  updatedAfter?: string;
}

const DEFAULT_PAGE_SIZE = 500;

/** One page of every net device (the fleet sync pages through all of them). */
export async function listNetDevices(q: NetDevicePageQuery = {}): Promise<Page<NetDevice>> {
  const page = await ncmGetPage(['net_devices'], {
    updated_at__gt: q.updatedAfter,
    limit: clampLimit(q.limit, DEFAULT_PAGE_SIZE),
    offset: clampOffset(q.offset),
  });
  return toDomainPage(page, toNetDevice, 'net_device');
}

/**
 * One page of every net device's latest metrics. Whole-list paging (500 per call) is cheaper for a
 * fleet than `net_device__in` chunks of 100: D devices cost ⌈D/500⌉ calls.
 */
export async function listNetDeviceMetricsPage(q: NetDevicePageQuery = {}): Promise<Page<NetDeviceMetrics>> {
  const page = await ncmGetPage(['net_device_metrics'], {
    update_ts__gt: q.updatedAfter,
    limit: clampLimit(q.limit, DEFAULT_PAGE_SIZE),
    offset: clampOffset(q.offset),
  });
  return toDomainPage(page, toNetDeviceMetrics, 'net_device_metrics');
}

/** One page of every net device's health score (NCM offers no "changed since" filter for these). */
export async function listNetDeviceHealthPage(
  q: Omit<NetDevicePageQuery, 'updatedAfter'> = {},
): Promise<Page<NetDeviceHealth>> {
  const page = await ncmGetPage(['net_device_health'], {
    limit: clampLimit(q.limit, DEFAULT_PAGE_SIZE),
    offset: clampOffset(q.offset),
  });
  return toDomainPage(page, toNetDeviceHealth, 'net_device_health');
}

export async function listNetDevicesForRouter(routerId: string, opts?: PaginateOptions): Promise<NetDevice[]> {
  const records = await ncmPaginate(['net_devices'], { router: assertId(routerId, 'router'), limit: 500 }, opts);
  return normalizeList(records, toNetDevice, 'net_device');
}

/** Latest signal/usage per net device; any number of ids (chunked by 100 upstream). */
export async function listNetDeviceMetrics(
  netDeviceIds: readonly string[],
  opts?: PaginateOptions,
): Promise<NetDeviceMetrics[]> {
  if (netDeviceIds.length === 0) return [];
  const records = await ncmPaginate(
    ['net_device_metrics'],
    { net_device__in: assertIds(netDeviceIds, 'net device'), limit: 500 },
    opts,
  );
  return normalizeList(records, toNetDeviceMetrics, 'net_device_metrics');
}

/** Cellular health score per net device; any number of ids (chunked by 100 upstream). */
export async function listNetDeviceHealth(
  netDeviceIds: readonly string[],
  opts?: PaginateOptions,
): Promise<NetDeviceHealth[]> {
  if (netDeviceIds.length === 0) return [];
  const records = await ncmPaginate(
    ['net_device_health'],
    { net_device__in: assertIds(netDeviceIds, 'net device'), limit: 500 },
    opts,
  );
  return normalizeList(records, toNetDeviceHealth, 'net_device_health');
}
