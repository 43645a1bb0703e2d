/** reboot_activity: POST only ({router: URL} or {group: URL}); GET answers 405 as on real NCM. */
import { GROUP_ID_BASE } from '../fleet/fleet';
import { isoMicro } from '../fleet/time';
import { badRequest } from '../http/errors';
import { bodyObject, denseIndex, relationId, type Resource, url } from './types';
import { routerIndex } from './routers';

export const rebootActivity: Resource = {
  writeOnly: true,
  create: (ctx) => {
    const body = bodyObject(ctx.body);
    const out: Record<string, string | null> = {
      created_at: isoMicro(ctx.nowMs * 1000),
      group: null,
      id: ctx.sim.newUuid(ctx.nowMs),
      router: null,
      status: 'queued',
    };
    if ('router' in body) {
      const id = relationId(body.router, 'routers', 'router');
      if (id === null || routerIndex(ctx, id) < 0) throw badRequest('router: unknown router.');
      out.router = url(ctx, 'routers', id);
    } else if ('group' in body) {
      const id = relationId(body.group, 'groups', 'group');
      if (id === null || denseIndex(id, GROUP_ID_BASE, ctx.sim.fleet.groups.length) < 0)
        throw badRequest('group: unknown group.');
      out.group = url(ctx, 'groups', id);
    } else throw badRequest('A router or group URL is required.');
    return { status: 201, body: out };
  },
};
