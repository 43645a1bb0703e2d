import { HttpError } from '@/lib/dto/errors';
import { errorResponse, ok } from '@/lib/api/respond';
import { searchRecord } from '@/lib/api/search-record';
import { authorize } from '@/lib/auth/session';
import { getUsageCharts } from '@/lib/data/series';

export const dynamic = 'force-dynamic';

/** bytes in/out per modem, at most 2 points per pixel of `width`; `?window=1h|24h|7d` or `?from=…Z&to=…Z`. */
export async function GET(request: Request, ctx: RouteContext<'/api/routers/[id]/usage'>) {
  try {
    await authorize('routers:read');
    const { id } = await ctx.params;
    const answer = await getUsageCharts(id, searchRecord(request.url));
    if (!answer) throw new HttpError(404, 'not_found', 'No such router');
    return ok(answer);
  } catch (err) {
    return errorResponse(err, 'GET /api/routers/[id]/usage');
  }
}
