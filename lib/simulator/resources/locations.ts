/** locations: the current position record of each router with GPS (or a client-written one). */
import { ACCOUNT_ID_BASE, LOCATION_ID_BASE, ROUTER_ID_BASE } from '../fleet/fleet';
import { positionAt } from '../fleet/motion';
import { isoZ, MINUTE_MS } from '../fleet/time';
import type { Env, RequestContext } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import type { Rec } from '../http/json';
import { listTable, present } from '../http/listing';
import { locationIdOf, routerAccountIndex, routerIndex } from './routers';
import { bodyObject, relationId, type Resource, url, type WriteResult } from './types';

function locationRecord(env: Env, r: number): Rec | null {
  const { fleet, store } = env.sim;
  const id = locationIdOf(env, r);
  if (id === null) return null;
  const edit = store.locations.get(r);
  const common = {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + routerAccountIndex(env, r)),
    id: String(id),
    resource_url: url(env, 'locations', id),
    router: url(env, 'routers', ROUTER_ID_BASE + r),
  };
  if (edit) {
    return {
      ...common,
      accuracy: edit.accuracy,
      altitude_meters: null,
      latitude: edit.latitude,
      longitude: edit.longitude,
      method: edit.method,
      updated_at: isoZ(edit.updatedMs),
    };
  }
  const vehicle = fleet.isVehicle(r);
  const at = Math.floor(env.nowMs / (vehicle ? MINUTE_MS : 60 * MINUTE_MS)) * (vehicle ? MINUTE_MS : 60 * MINUTE_MS);
  const p = positionAt(fleet, r, at);
  return {
    ...common,
    accuracy: vehicle ? 5 : 10,
    altitude_meters: null,
    latitude: p.lat,
    longitude: p.lon,
    method: 'gps',
    updated_at: isoZ(at),
  };
}

/** Router index owning a location id, or -1. */
function locationRouter(env: Env, id: string): number {
  if (!/^\d+$/.test(id)) return -1;
  const n = Number(id);
  const r = n - LOCATION_ID_BASE;
  if (r >= 0 && r < env.sim.fleet.n && locationIdOf(env, r) === n) return r;
  for (const [router, edit] of env.sim.store.locations) if (edit && edit.id === n) return router;
  return -1;
}

function number(body: Rec, key: string, lo: number, hi: number): number {
  const v = body[key];
  if (typeof v !== 'number' || v < lo || v > hi) throw badRequest(`${key}: expected a number in [${lo}, ${hi}].`);
  return v;
}

function write(ctx: RequestContext, r: number, body: Rec, keepId: number | null): WriteResult {
  const existing = ctx.sim.store.locations.get(r);
  const current = locationRecord(ctx, r);
  const latitude = 'latitude' in body ? number(body, 'latitude', -90, 90) : (current?.latitude as number | undefined);
  const longitude =
    'longitude' in body ? number(body, 'longitude', -180, 180) : (current?.longitude as number | undefined);
  if (latitude === undefined || longitude === undefined) throw badRequest('latitude and longitude are required.');
  const accuracy = 'accuracy' in body ? number(body, 'accuracy', 0, 1e6) : 0;
  const method = typeof body.method === 'string' ? body.method : 'manual';
  const id = keepId ?? existing?.id ?? ctx.sim.store.nextLocationId++;
  ctx.sim.store.locations.set(r, { id, latitude, longitude, accuracy, method, updatedMs: ctx.nowMs });
  return { status: keepId === null ? 201 : 200, body: present(ctx, locationRecord(ctx, r)!) };
}

export const locations: Resource = {
  list: (ctx) => {
    const n = ctx.sim.fleet.n;
    return listTable(ctx, {
      size: () => n,
      build: (r) => locationRecord(ctx, r),
      indexOfId: (id) => locationRouter(ctx, id),
      holes: () => true,
    });
  },
  get: (env, id) => {
    const r = locationRouter(env, id);
    return r < 0 ? null : locationRecord(env, r);
  },
  create: (ctx) => {
    const body = bodyObject(ctx.body);
    const rid = relationId(body.router, 'routers', 'router');
    const r = rid === null ? -1 : routerIndex(ctx, rid);
    if (r < 0) throw badRequest('router: a valid router URL is required.');
    return write(ctx, r, body, null);
  },
  update: (ctx, id) => {
    const r = locationRouter(ctx, id);
    if (r < 0) throw notFound();
    const body = bodyObject(ctx.body);
    for (const k of Object.keys(body))
      if (!['latitude', 'longitude', 'accuracy', 'method', 'router', 'account'].includes(k))
        throw badRequest(`Field "${k}" is unknown or read-only.`);
    return write(ctx, r, body, Number(id));
  },
  remove: (ctx, id) => {
    const r = locationRouter(ctx, id);
    if (r < 0) throw notFound();
    ctx.sim.store.locations.set(r, null);
    return { status: 204, body: null };
  },
};
