import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { getFieldLive } from '@/lib/data/field';

export const dynamic = 'force-dynamic';

/** A router's modems' latest readings, for the field view's gauges (polled every few seconds). */
export async function GET(_request: Request, ctx: RouteContext<'/api/routers/[id]/live'>) {
  try {
    await authorize('routers:read');
    const { id } = await ctx.params;
    return ok(await getFieldLive(id));
  } catch (err) {
    return errorResponse(err, 'GET /api/routers/[id]/live');
  }
}
