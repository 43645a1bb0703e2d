import 'server-only';
/** Routers' current locations. A record without a router or without coordinates is no location. */
import type { Page, RouterLocation } from '@/lib/domain/types';
import { idFromUrl } from './normalize';
import { clampLimit, clampOffset, ncmGetPage } from './paginate';
import { locationSchema } from './wire';

function toLocations(records: readonly unknown[]): RouterLocation[] {
  const out: RouterLocation[] = [];
  for (const raw of records) {
    const parsed = locationSchema.safeParse(raw);
    if (!parsed.success) continue;
    const routerId = idFromUrl(parsed.data.router);
    if (routerId) out.push({ routerId, latitude: parsed.data.latitude, longitude: parsed.data.longitude });
  }
  return out;
}

/** One page of locations (records without coordinates are left out of `items`, not of the paging). */
export async function listLocations(q: { limit?: number; offset?: number } = {}): Promise<Page<RouterLocation>> {
  const page = await ncmGetPage(['locations'], { limit: clampLimit(q.limit, 500), offset: clampOffset(q.offset) });
  return {
    items: toLocations(page.data),
    limit: page.limit,
    offset: page.offset,
    hasMore: page.next !== null && page.data.length > 0,
  };
}
