import { HttpError } from '@/lib/dto/errors';
import { assertSameOriginJson, parseWith, readJsonBody } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { changeRouter, getRouterDetail } from '@/lib/data/routers';
import { routerChangesSchema } from '@/lib/dto/routers';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, ctx: RouteContext<'/api/routers/[id]'>) {
  try {
    await authorize('routers:read');
    const { id } = await ctx.params;
    const router = await getRouterDetail(id);
    if (!router) throw new HttpError(404, 'not_found', 'No such router');
    return ok(router);
  } catch (err) {
    return errorResponse(err, 'GET /api/routers/[id]');
  }
}

export async function PATCH(request: Request, ctx: RouteContext<'/api/routers/[id]'>) {
  try {
    await authorize('routers:update');
    assertSameOriginJson(request);
    const changes = parseWith(routerChangesSchema, await readJsonBody(request));
    const { id } = await ctx.params;
    return ok(await changeRouter(id, changes));
  } catch (err) {
    return errorResponse(err, 'PATCH /api/routers/[id]');
  }
}
