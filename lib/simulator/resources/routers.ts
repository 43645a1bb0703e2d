/** routers: generated attributes + live state + the client's overlay; PUT/PATCH with partial bodies. */
import { firmwareId, KINDS, METROS, PRODUCTS } from '../fleet/catalog';
import {
  ACCOUNT_ID_BASE,
  FLAG_HAS_GPS,
  FLAG_OLD_FIRMWARE,
  GROUP_ID_BASE,
  LOCATION_ID_BASE,
  ROUTER_ID_BASE,
} from '../fleet/fleet';
import { publicIp, routerMac, routerSerial } from '../fleet/identity';
import { isoMicro } from '../fleet/time';
import type { Env, RequestContext } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import type { Json, Rec } from '../http/json';
import { listTable, present } from '../http/listing';
import type { RouterEdit } from '../state/store';
import { lanRecord } from './router-lans';
import { configManagerRecord } from './config-managers';
import { bodyObject, denseIndex, maybeUrl, relationId, type Resource, url, type WriteResult } from './types';

export function routerIndex(env: Env, id: string): number {
  return denseIndex(id, ROUTER_ID_BASE, env.sim.fleet.n);
}

/** Current location id of router r (generated GPS record, client override, or none). */
export function locationIdOf(env: Env, r: number): number | null {
  const edit = env.sim.store.locations.get(r);
  if (edit === null) return null;
  if (edit) return edit.id;
  return env.sim.fleet.flags[r]! & FLAG_HAS_GPS ? LOCATION_ID_BASE + r : null;
}

export function routerAccountIndex(env: Env, r: number): number {
  return env.sim.store.routers.get(r)?.account ?? env.sim.fleet.account[r]!;
}

function routerRecord(env: Env, r: number): Rec {
  const { fleet, store, events } = env.sim;
  const seed = fleet.seed;
  const edit = store.routers.get(r);
  const id = ROUTER_ID_BASE + r;
  const st = events.stateAt(r, env.nowMs);
  const product = fleet.product[r]!;
  const group = edit?.group !== undefined ? edit.group : fleet.group[r]!;
  const account = edit?.account ?? fleet.account[r]!;
  const target = firmwareId(product, 2);
  const actual = fleet.flags[r]! & FLAG_OLD_FIRMWARE ? firmwareId(product, 1) : target;
  const since = isoMicro(st.sinceUs);
  const self = url(env, 'routers', id);
  const kind = KINDS[fleet.kind[r]!]!;
  return {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + account),
    actual_firmware: url(env, 'firmwares', actual),
    asset_id: edit?.asset_id !== undefined ? edit.asset_id : `${kind.code}${String(fleet.seq[r]!).padStart(5, '0')}`,
    config_status: store.configs.has(r) ? 'pending' : 'synched',
    configuration_manager: `${self}configuration_manager/`,
    created_at: isoMicro(fleet.createdMs[r]! * 1000),
    custom1: edit?.custom1 !== undefined ? edit.custom1 : null,
    custom2: edit?.custom2 !== undefined ? edit.custom2 : null,
    description: edit?.description ?? `${kind.description}, ${METROS[fleet.metro[r]!]!.name}`,
    device_type: 'router',
    full_product_name: PRODUCTS[product]!.fullName,
    group: group === null ? null : url(env, 'groups', GROUP_ID_BASE + group),
    id: String(id),
    ipv4_address: st.online ? publicIp(seed, r) : null,
    lans: `${self}lans/`,
    last_known_location: maybeUrl(env, 'locations', locationIdOf(env, r)),
    last_seen_at: since, // the spec's name for state_updated_at
    locality: METROS[fleet.metro[r]!]!.locality,
    mac: routerMac(seed, r),
    name: edit?.name ?? fleet.routerName(r),
    overlay_network_binding: null,
    product: url(env, 'products', PRODUCTS[product]!.id),
    reboot_required: false,
    resource_url: self,
    serial_number: routerSerial(seed, r),
    state: st.online ? 'online' : 'offline',
    state_updated_at: since,
    target_firmware: url(env, 'firmwares', target),
    updated_at: isoMicro(Math.max(edit?.updatedMs ?? 0, st.sinceMs) * 1000),
    upgrade_pending: actual !== target,
  };
}

/** Cheap values of commonly filtered/sorted fields, without building the whole record. */
function routerFastField(env: Env, r: number, field: string): Json | undefined {
  const { fleet, store, events } = env.sim;
  const edit = store.routers.get(r);
  switch (field) {
    case 'id':
      return String(ROUTER_ID_BASE + r);
    case 'name':
      return edit?.name ?? fleet.routerName(r);
    case 'state':
      return events.stateAt(r, env.nowMs).online ? 'online' : 'offline';
    case 'group': {
      const g = edit?.group !== undefined ? edit.group : fleet.group[r]!;
      return g === null ? null : url(env, 'groups', GROUP_ID_BASE + g);
    }
    case 'account':
      return url(env, 'accounts', ACCOUNT_ID_BASE + (edit?.account ?? fleet.account[r]!));
    case 'product':
      return url(env, 'products', PRODUCTS[fleet.product[r]!]!.id);
    case 'created_at':
      return isoMicro(fleet.createdMs[r]! * 1000);
    default:
      return undefined;
  }
}

const WRITABLE = new Set(['name', 'description', 'asset_id', 'custom1', 'custom2', 'group', 'account']);

function applyEdit(ctx: RequestContext, r: number, body: Rec): RouterEdit {
  const { fleet, store } = ctx.sim;
  const edit: RouterEdit = { ...(store.routers.get(r) ?? { updatedMs: 0 }) };
  for (const [k, v] of Object.entries(body)) {
    if (!WRITABLE.has(k)) throw badRequest(`Field "${k}" is unknown or read-only.`);
    if (k === 'group') {
      const gid = relationId(v, 'groups', 'group');
      if (gid === null) edit.group = null;
      else {
        const g = denseIndex(gid, GROUP_ID_BASE, fleet.groups.length);
        if (g < 0) throw badRequest(`group: no group ${gid}.`);
        edit.group = g;
      }
    } else if (k === 'account') {
      const aid = relationId(v, 'accounts', 'account');
      const a = aid === null ? -1 : denseIndex(aid, ACCOUNT_ID_BASE, fleet.accounts.length);
      if (a < 0) throw badRequest('account: a valid account URL is required.');
      edit.account = a;
    } else if (k === 'name' || k === 'description') {
      if (typeof v !== 'string') throw badRequest(`${k}: expected a string.`);
      if (k === 'name' && v.trim() === '') throw badRequest('name: may not be blank.');
      if (v.length > 255) throw badRequest(`${k}: at most 255 characters.`);
      edit[k] = v;
    } else {
      if (v !== null && typeof v !== 'string') throw badRequest(`${k}: expected a string or null.`);
      if (typeof v === 'string' && v.length > 255) throw badRequest(`${k}: at most 255 characters.`);
      edit[k as 'asset_id' | 'custom1' | 'custom2'] = v;
    }
  }
  edit.updatedMs = ctx.nowMs;
  return edit;
}

function update(ctx: RequestContext, id: string): WriteResult {
  const r = routerIndex(ctx, id);
  if (r < 0) throw notFound();
  const body = bodyObject(ctx.body);
  const edit = applyEdit(ctx, r, body);
  ctx.sim.store.routers.set(r, edit);
  ctx.sim.version++; // name/group/account may be sort keys
  // The alert's info doubles as the activity-log diff (activity_logs derive from the alert feed).
  ctx.sim.raise(r, 'config_change', { changed: Object.keys(body).sort(), diff: { ...body }, source: 'api' });
  // The SDK treats 201/202 as success for router PUT; the spec's PATCH answers 200.
  return { status: ctx.method === 'PUT' ? 202 : 200, body: present(ctx, routerRecord(ctx, r)) };
}

export const routers: Resource = {
  list: (ctx) => {
    const n = ctx.sim.fleet.n;
    return listTable(ctx, {
      size: () => n,
      build: (i) => routerRecord(ctx, i),
      indexOfId: (id) => routerIndex(ctx, id),
      denseIdBase: ROUTER_ID_BASE,
      fastField: (i, f) => routerFastField(ctx, i, f),
    });
  },
  get: (env, id) => {
    const r = routerIndex(env, id);
    return r < 0 ? null : routerRecord(env, r);
  },
  update,
  sub: {
    lans: (ctx, id) => {
      const r = routerIndex(ctx, id);
      if (r < 0) throw notFound();
      const out: Json[] = [];
      for (const i of [r * 2, r * 2 + 1]) {
        const lan = lanRecord(ctx, i);
        if (lan) out.push(present(ctx, lan));
      }
      return out; // NCM answers this sub-resource with a bare array
    },
    configuration_manager: (ctx, id) => {
      const r = routerIndex(ctx, id);
      if (r < 0) throw notFound();
      return present(ctx, configManagerRecord(ctx, r));
    },
  },
};
