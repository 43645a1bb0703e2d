/** router_lans: a primary LAN on every router, a guest/camera LAN on some. Two slots per router. */
import { ACCOUNT_ID_BASE, FLAG_GUEST_LAN, LAN_ID_BASE, ROUTER_ID_BASE } from '../fleet/fleet';
import type { Env } from '../http/context';
import type { Rec } from '../http/json';
import { listTable } from '../http/listing';
import { denseIndex, type Resource, url } from './types';

export function lanRecord(env: Env, i: number): Rec | null {
  const { fleet, store } = env.sim;
  const r = i >> 1;
  const guest = (i & 1) === 1;
  if (guest && !(fleet.flags[r]! & FLAG_GUEST_LAN)) return null;
  const id = LAN_ID_BASE + i;
  const account = store.routers.get(r)?.account ?? fleet.account[r]!;
  return {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + account),
    enabled: true,
    id: String(id),
    ip_address: guest ? '192.168.10.1' : '192.168.0.1',
    name: guest ? 'Guest LAN' : 'Primary LAN',
    netmask: '255.255.255.0',
    resource_url: url(env, 'router_lans', id),
    router: url(env, 'routers', ROUTER_ID_BASE + r),
  };
}

export const routerLans: Resource = {
  list: (ctx) => {
    const count = ctx.sim.fleet.n * 2;
    return listTable(ctx, {
      size: () => count,
      build: (i) => lanRecord(ctx, i),
      indexOfId: (id) => denseIndex(id, LAN_ID_BASE, count),
      holes: () => true,
    });
  },
  get: (env, id) => {
    const i = denseIndex(id, LAN_ID_BASE, env.sim.fleet.n * 2);
    return i < 0 ? null : lanRecord(env, i);
  },
};
