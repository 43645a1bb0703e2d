import 'server-only';
import { SwrCache } from '@/lib/cache/swr-cache';
import type { Account, Firmware, Group, Product } from '@/lib/domain/types';
import { listAccounts, listFirmwares, listGroups, listProducts } from '@/lib/ncm';

/**
 * Names behind the ids a router points at. They change rarely, so one load serves every viewer for
 * a few minutes (and keeps serving if NCM stumbles), instead of `expand=` on every routers page.
 */
export interface ReferenceData {
  groups: Map<string, Group>;
  accounts: Map<string, Account>;
  products: Map<string, Product>;
  firmwares: Map<string, Firmware>;
  fetchedAt: number;
}

const cache = new SwrCache<ReferenceData>({ freshMs: 5 * 60_000, maxStaleMs: 24 * 60 * 60_000 });

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));

async function load(): Promise<ReferenceData> {
  const [groups, accounts, products, firmwares] = await Promise.all([
    listGroups(),
    listAccounts(),
    listProducts(),
    listFirmwares(),
  ]);
  return {
    groups: byId(groups),
    accounts: byId(accounts),
    products: byId(products),
    firmwares: byId(firmwares),
    fetchedAt: Date.now(),
  };
}

/** Callers must have authorized the user already: this returns raw shared data. */
export async function getReferenceData(): Promise<ReferenceData> {
  return (await cache.get('reference', load)).value;
}
