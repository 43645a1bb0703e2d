/** configuration_managers: one per router (id ≠ router id); PATCH merges, PUT replaces; both 202. */
import { ACCOUNT_ID_BASE, CONFIG_MANAGER_ID_BASE, ROUTER_ID_BASE } from '../fleet/fleet';
import { h2 } from '../fleet/hash';
import type { Env, RequestContext } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import { isRec, type Json, type Rec } from '../http/json';
import { listTable, present } from '../http/listing';
import { bodyObject, denseIndex, type Resource, url, type WriteResult } from './types';

const EMPTY_DIFF: Json = [{}, []];

export function configManagerRecord(env: Env, r: number): Rec {
  const { fleet, store } = env.sim;
  const edit = store.configs.get(r);
  const id = CONFIG_MANAGER_ID_BASE + r;
  const account = store.routers.get(r)?.account ?? fleet.account[r]!;
  return {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + account),
    actual: EMPTY_DIFF,
    configuration: (edit?.configuration as Json | undefined) ?? EMPTY_DIFF,
    id: String(id),
    pending: edit ? ((edit.configuration as Json) ?? EMPTY_DIFF) : EMPTY_DIFF,
    resource_url: url(env, 'configuration_managers', id),
    router: url(env, 'routers', ROUTER_ID_BASE + r),
    suspended: edit?.suspended ?? false,
    synched: !edit,
    target: (edit?.configuration as Json | undefined) ?? EMPTY_DIFF,
    version_number: edit?.version ?? 1 + (h2(fleet.seed, r) % 40),
  };
}

function isDiff(v: unknown): v is [Record<string, Json>, Json[]] {
  return Array.isArray(v) && v.length === 2 && isRec(v[0]) && Array.isArray(v[1]);
}

function deepMerge(a: Json, b: Json): Json {
  if (!isRec(a) || !isRec(b)) return b;
  const out: Rec = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k]!, v) : v;
  return out;
}

function update(ctx: RequestContext, id: string): WriteResult {
  const r = denseIndex(id, CONFIG_MANAGER_ID_BASE, ctx.sim.fleet.n);
  if (r < 0) throw notFound();
  const body = bodyObject(ctx.body);
  for (const k of Object.keys(body))
    if (k !== 'configuration' && k !== 'suspended') throw badRequest(`Field "${k}" is unknown or read-only.`);
  const current = configManagerRecord(ctx, r);
  let configuration: Json = current.configuration ?? EMPTY_DIFF;
  if ('configuration' in body) {
    if (!isDiff(body.configuration)) throw badRequest('configuration must be a diff: [{updates}, [removals]].');
    if (ctx.method === 'PATCH') {
      const cur = isDiff(configuration) ? configuration : [{}, []];
      configuration = [deepMerge(cur[0] as Json, body.configuration[0]), cur[1] as Json];
    } else configuration = body.configuration;
  }
  if ('suspended' in body && typeof body.suspended !== 'boolean') throw badRequest('suspended must be a boolean.');
  ctx.sim.store.configs.set(r, {
    configuration,
    suspended: typeof body.suspended === 'boolean' ? body.suspended : (current.suspended as boolean),
    version: (current.version_number as number) + 1,
    updatedMs: ctx.nowMs,
  });
  ctx.sim.raise(r, 'config_change', { source: 'configuration_manager' });
  return { status: 202, body: present(ctx, configManagerRecord(ctx, r)) };
}

export const configurationManagers: Resource = {
  list: (ctx) => {
    const n = ctx.sim.fleet.n;
    return listTable(ctx, {
      size: () => n,
      build: (i) => configManagerRecord(ctx, i),
      indexOfId: (id) => denseIndex(id, CONFIG_MANAGER_ID_BASE, n),
      denseIdBase: CONFIG_MANAGER_ID_BASE,
      // router.id is the SDK's way to find a router's manager; answer it without a full scan
      fastField: (i, f) => (f === 'router' ? url(ctx, 'routers', ROUTER_ID_BASE + i) : undefined),
    });
  },
  get: (env, id) => {
    const r = denseIndex(id, CONFIG_MANAGER_ID_BASE, env.sim.fleet.n);
    return r < 0 ? null : configManagerRecord(env, r);
  },
  update,
};
