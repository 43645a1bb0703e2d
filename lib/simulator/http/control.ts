/**
 * /_sim control endpoint for tests and demos (only when enabled): faults, immediate alerts, stats,
 * reset. Never subject to auth, rate limits or faults.
 */
import type { ServerResponse } from 'node:http';
import { ROUTER_ID_BASE } from '../fleet/fleet';
import type { FaultConfig } from '../types';
import { errorBody } from './errors';
import { isRec, type Json } from './json';
import { type ServerDeps, sendJson } from './server';

function parse(raw: string): unknown {
  try {
    return raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export async function handleControl(
  deps: ServerDeps,
  method: string,
  path: string,
  raw: string,
  res: ServerResponse,
  origin: string,
): Promise<void> {
  const route = `${method} ${path.replace(/\/$/, '')}`;
  const body = parse(raw);
  if (body === undefined) return sendJson(res, 400, errorBody('bad_request', 'Body is not valid JSON.'));
  switch (route) {
    case 'GET /_sim/faults':
      return sendJson(res, 200, deps.faults.get() as Json);
    case 'PUT /_sim/faults':
    case 'POST /_sim/faults': {
      if (!isRec(body)) return sendJson(res, 400, errorBody('bad_request', 'Expected a FaultConfig object.'));
      try {
        deps.faults.set(body as FaultConfig);
      } catch (err) {
        return sendJson(res, 400, errorBody('bad_request', err instanceof Error ? err.message : 'invalid faults'));
      }
      return sendJson(res, 200, deps.faults.get() as Json);
    }
    case 'GET /_sim/stats':
      return sendJson(res, 200, deps.stats as unknown as Json);
    case 'POST /_sim/reset':
      deps.sim.reset();
      deps.faults.set({});
      deps.limiter.reset();
      deps.stats.requests = 0;
      deps.stats.byPath = {};
      deps.stats.status = {};
      return sendJson(res, 200, { ok: true });
    case 'POST /_sim/alerts': {
      if (!isRec(body)) return sendJson(res, 400, errorBody('bad_request', 'Expected {router_id, type?}.'));
      const r = Number(body.router_id) - ROUTER_ID_BASE;
      if (!Number.isInteger(r) || r < 0 || r >= deps.sim.fleet.n)
        return sendJson(res, 400, errorBody('bad_request', 'router_id: unknown router.'));
      const type = typeof body.type === 'string' && body.type !== '' ? body.type : 'signal_degraded';
      const item = deps.sim.raise(r, type, isRec(body.info) ? body.info : undefined);
      const deliveries = await deps.pusher.pushNow(item);
      return sendJson(res, 201, {
        alert: deps.pusher.payload(item, deps.sim.now()),
        deliveries: deliveries as unknown as Json,
        origin,
      });
    }
    default:
      return sendJson(res, 404, errorBody('not_found', 'Not found.'));
  }
}
