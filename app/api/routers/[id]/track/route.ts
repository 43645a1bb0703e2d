import { HttpError } from '@/lib/dto/errors';
import { errorResponse, ok } from '@/lib/api/respond';
import { searchRecord } from '@/lib/api/search-record';
import { authorize } from '@/lib/auth/session';
import { getLocationTrack } from '@/lib/data/series';

export const dynamic = 'force-dynamic';

/** the router's track simplified for a map at `zoom`, `width` pixels wide; `?window=1h|24h|7d` or `?from=…Z&to=…Z`. */
export async function GET(request: Request, ctx: RouteContext<'/api/routers/[id]/track'>) {
  try {
    await authorize('routers:read');
    const { id } = await ctx.params;
    const answer = await getLocationTrack(id, searchRecord(request.url));
    if (!answer) throw new HttpError(404, 'not_found', 'No such router');
    return ok(answer);
  } catch (err) {
    return errorResponse(err, 'GET /api/routers/[id]/track');
  }
}
