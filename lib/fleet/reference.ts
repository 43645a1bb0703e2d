import 'server-only';
/** The names behind a router's relations: groups, accounts, products and firmwares, by id. */
import { listAccounts, listFirmwares, listGroups, listProducts } from '@/lib/ncm';
import type { FleetReference } from './types';

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));

/** The four lists, each read whole (normally a single page). */
export async function loadReference(): Promise<FleetReference> {
  const [groups, accounts, products, firmwares] = await Promise.all([
    listGroups(),
    listAccounts(),
    listProducts(),
    listFirmwares(),
  ]);
  return { groups: byId(groups), accounts: byId(accounts), products: byId(products), firmwares: byId(firmwares) };
}
