import 'server-only';
/** Shared reads of one router and its devices: from the fleet snapshot when it holds them, else NCM. */
import type { NetDevice, NetDeviceHealth, NetDeviceMetrics, Page, Router } from '@/lib/domain/types';
import { routerDevices } from '@/lib/fleet';
import {
  getRouter,
  listAllRouters,
  listNetDeviceHealth,
  listNetDeviceMetrics,
  listNetDevicesForRouter,
  listRouters,
} from '@/lib/ncm';
import { putSharedRead, type SharedRead, sharedRead } from './shared-read';
import { heldSnapshot, usableSnapshot } from './snapshot';

function fromSnapshot<T>(value: T, asOf: number | null): SharedRead<T> {
  return { value, asOf: asOf ?? Date.now(), failing: false, waiting: false };
}

/** The router, or null when NCM does not know it. */
export async function readRouter(id: string): Promise<SharedRead<Router | null>> {
  const snapshot = usableSnapshot();
  const held = snapshot?.data.routers.get(id);
  if (snapshot && held) return fromSnapshot(held, snapshot.asOf);
  return sharedRead('router', { id }, () => getRouter(id));
}

/**
 * NCM's current record, not a shared copy: a write starts from it, so the audit's "before" is true.
 * Writes are rare and made by people, so this costs one call per write.
 */
export function readRouterForWrite(id: string): Promise<Router | null> {
  return getRouter(id);
}

/** One page of routers in NCM's name order (the public paged API), shared between callers. */
export function readRoutersPage(q: {
  limit: number;
  offset: number;
  state?: Router['state'];
}): Promise<SharedRead<Page<Router>>> {
  return sharedRead('routersPage', { limit: q.limit, offset: q.offset, state: q.state }, () =>
    listRouters({ limit: q.limit, offset: q.offset, state: q.state ? [q.state] : undefined, orderBy: 'name' }),
  );
}

/** After our own write: every viewer's next read shows the new record. */
export function rememberRouter(router: Router): void {
  putSharedRead('router', { id: router.id }, router);
}

export async function readRouterNetDevices(id: string): Promise<SharedRead<NetDevice[]>> {
  const snapshot = usableSnapshot();
  if (snapshot?.data.routers.has(id)) return fromSnapshot([...routerDevices(snapshot, id)], snapshot.asOf);
  return sharedRead('routerNetDevices', { router: id }, () => listNetDevicesForRouter(id));
}

/** Latest metrics of these net devices (by device id). */
export async function readNetDeviceMetrics(deviceIds: readonly string[]): Promise<SharedRead<NetDeviceMetrics[]>> {
  const snapshot = usableSnapshot();
  if (snapshot && deviceIds.every((d) => snapshot.data.devices.has(d))) {
    const held = deviceIds.flatMap((d) => {
      const m = snapshot.data.metrics.get(d);
      return m ? [m] : [];
    });
    return fromSnapshot(held, snapshot.asOf);
  }
  return sharedRead('netDeviceMetrics', { devices: deviceIds }, () => listNetDeviceMetrics(deviceIds));
}

/** Health scores of these net devices; the snapshot's are refreshed by its full syncs only. */
export async function readNetDeviceHealth(deviceIds: readonly string[]): Promise<SharedRead<NetDeviceHealth[]>> {
  const snapshot = usableSnapshot();
  if (snapshot && deviceIds.every((d) => snapshot.data.health.has(d))) {
    return fromSnapshot(
      deviceIds.map((d) => snapshot.data.health.get(d) as NetDeviceHealth),
      snapshot.asOf,
    );
  }
  return sharedRead('netDeviceHealth', { devices: deviceIds }, () => listNetDeviceHealth(deviceIds));
}

export interface RouterFacts {
  name: string;
  groupId: string | null;
  accountId: string | null;
}

/** Name, group and account of these routers (unknown ids are left out). */
export async function readRouterFacts(ids: readonly string[]): Promise<Map<string, RouterFacts>> {
  const out = new Map<string, RouterFacts>();
  const wanted = [...new Set(ids)];
  const snapshot = heldSnapshot();
  const missing: string[] = [];
  for (const id of wanted) {
    const r = snapshot?.data.routers.get(id);
    if (r) out.set(id, { name: r.name, groupId: r.groupId, accountId: r.accountId });
    else missing.push(id);
  }
  missing.sort();
  for (let i = 0; i < missing.length; i += 100) {
    const chunk = missing.slice(i, i + 100);
    const { value } = await sharedRead('routerNames', { ids: chunk }, () =>
      listRouters({ ids: chunk, limit: 100, only: 'membership' }),
    );
    for (const r of value.items) out.set(r.id, { name: r.name, groupId: r.groupId, accountId: r.accountId });
  }
  return out;
}

/** The ids of the routers in a group or an account (NCM cannot filter alerts by group). */
export async function readRouterIdsIn(where: { groupId: string } | { accountId: string }): Promise<Set<string>> {
  const snapshot = heldSnapshot();
  if (snapshot?.sync.phase !== 'ready') return readMembershipFromNcm(where);
  const isGroup = 'groupId' in where;
  const id = isGroup ? where.groupId : where.accountId;
  const ids = new Set<string>();
  for (const r of snapshot.data.routers.values()) if ((isGroup ? r.groupId : r.accountId) === id) ids.add(r.id);
  return ids;
}

async function readMembershipFromNcm(where: { groupId: string } | { accountId: string }): Promise<Set<string>> {
  const isGroup = 'groupId' in where;
  const id = isGroup ? where.groupId : where.accountId;
  const query = isGroup ? { group: id } : { account: id };
  const { value } = await sharedRead('routerMembership', query, () =>
    listAllRouters(isGroup ? { groupIds: [id], only: 'membership' } : { accountIds: [id], only: 'membership' }).then(
      (routers) => routers.map((r) => r.id),
    ),
  );
  return new Set(value);
}
