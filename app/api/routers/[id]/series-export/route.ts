import { HttpError } from '@/lib/dto/errors';
import { errorResponse, PRIVATE_NO_STORE } from '@/lib/api/respond';
import { searchRecord } from '@/lib/api/search-record';
import { authorize } from '@/lib/auth/session';
import { streamSeriesCsv } from '@/lib/data/series-csv';
import { EXPORT_COST, getUserRateLimiter } from '@/lib/fleet/user-rate-limit';

export const dynamic = 'force-dynamic';

/** Every sample of the shown window, full resolution: `?kind=signal|usage|track|states&window=…` or `from`/`to`. */
export async function GET(request: Request, ctx: RouteContext<'/api/routers/[id]/series-export'>) {
  try {
    const user = await authorize('routers:export');
    getUserRateLimiter().take(user.id, EXPORT_COST);
    const { id } = await ctx.params;
    const csv = await streamSeriesCsv(id, searchRecord(request.url));
    if (!csv) throw new HttpError(404, 'not_found', 'No such router');
    return new Response(csv.stream, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csv.filename}"`,
        'Cache-Control': PRIVATE_NO_STORE,
        'X-Content-Type-Options': 'nosniff',
        'X-Total-Rows': String(csv.totalRows),
        'X-Complete': csv.complete ? 'yes' : 'no',
      },
    });
  } catch (err) {
    return errorResponse(err, 'GET /api/routers/[id]/series-export');
  }
}
