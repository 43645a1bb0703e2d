import 'server-only';
/**
 * The fleet sync's view of NCM: one method per list page, built on the NCM client. Whole-list paging
 * of net_device_metrics/health (500 per call) is used instead of `net_device__in` chunks (≤100 ids per
 * call): a fleet with D net devices costs ⌈D/500⌉ calls rather than ⌈modems/100⌉.
 */
import { z } from 'zod';
import { listAccounts, listFirmwares, listGroups, listProducts, listRouters } from '@/lib/ncm';
import { toNetDevice, toNetDeviceHealth, toNetDeviceMetrics } from '@/lib/ncm/normalize';
import { ncmGetPage } from '@/lib/ncm/paginate';
import type { NcmQuery } from '@/lib/ncm/request-url';
import { idFromUrl } from '@/lib/ncm/normalize';
import { toDomainPage } from '@/lib/ncm/resource-helpers';
import type { FleetLocation, FleetPage, FleetReference, FleetUpstream } from './types';

const locationSchema = z.object({
  router: z.string().nullable().optional(),
  latitude: z.number().nullable().optional(),
  longitude: z.number().nullable().optional(),
});

function toLocations(records: readonly unknown[]): FleetLocation[] {
  const out: FleetLocation[] = [];
  for (const raw of records) {
    const parsed = locationSchema.safeParse(raw);
    if (!parsed.success) continue;
    const routerId = idFromUrl(parsed.data.router ?? null);
    const { latitude, longitude } = parsed.data;
    if (routerId && typeof latitude === 'number' && typeof longitude === 'number') out.push({ routerId, latitude, longitude });
  }
  return out;
}

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));

function page(offset: number, limit: number, extra: NcmQuery = {}): NcmQuery {
  return { ...extra, limit, offset };
}

export const ncmFleetUpstream: FleetUpstream = {
  async routers(q) {
    const result = await listRouters({
      offset: q.offset,
      limit: q.limit,
      stateUpdatedAfter: q.stateUpdatedAfter,
      updatedAfter: q.updatedAfter,
      // A state poll only needs these three; listRouters adds `name` so records still normalise.
      fields: q.stateOnly ? ['id', 'state', 'state_updated_at'] : undefined,
    });
    return { items: result.items, hasMore: result.hasMore, totalCount: result.totalCount };
  },
  async netDevices(q) {
    const raw = await ncmGetPage(['net_devices'], page(q.offset, q.limit, { updated_at__gt: q.updatedAfter }));
    const result = toDomainPage(raw, toNetDevice, 'net_device');
    return { items: result.items, hasMore: result.hasMore, totalCount: result.totalCount };
  },
  async metrics(q) {
    const raw = await ncmGetPage(['net_device_metrics'], page(q.offset, q.limit, { update_ts__gt: q.updatedAfter }));
    const result = toDomainPage(raw, toNetDeviceMetrics, 'net_device_metrics');
    return { items: result.items, hasMore: result.hasMore, totalCount: result.totalCount };
  },
  async health(q) {
    const raw = await ncmGetPage(['net_device_health'], page(q.offset, q.limit));
    const result = toDomainPage(raw, toNetDeviceHealth, 'net_device_health');
    return { items: result.items, hasMore: result.hasMore, totalCount: result.totalCount };
  },
  async locations(q): Promise<FleetPage<FleetLocation>> {
    const raw = await ncmGetPage(['locations'], page(q.offset, q.limit));
    return { items: toLocations(raw.data), hasMore: raw.next !== null && raw.data.length > 0 };
  },
  async reference(): Promise<FleetReference> {
    const [groups, accounts, products, firmwares] = await Promise.all([listGroups(), listAccounts(), listProducts(), listFirmwares()]);
    return { groups: byId(groups), accounts: byId(accounts), products: byId(products), firmwares: byId(firmwares) };
  },
};
