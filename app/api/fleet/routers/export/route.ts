import { HttpError } from '@/lib/dto/errors';
import { parseSearchParams } from '@/lib/api/request';
import { errorResponse, PRIVATE_NO_STORE } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { streamFleetCsv } from '@/lib/data/fleet';
import { fleetRoutersQuerySchema } from '@/lib/dto/fleet';
import { parseCsvColumns } from '@/lib/fleet/csv';
import { EXPORT_COST, getUserRateLimiter } from '@/lib/fleet/user-rate-limit';

export const dynamic = 'force-dynamic';

/** CSV of every router matching the table's filters, streamed; `X-Total-Rows` lets the UI show progress. */
export async function GET(request: Request) {
  try {
    const user = await authorize('routers:export');
    getUserRateLimiter().take(user.id, EXPORT_COST);
    const url = new URL(request.url);
    const columns = parseCsvColumns(url.searchParams.get('columns'));
    if (!Array.isArray(columns)) throw new HttpError(400, 'bad_request', columns.error);
    url.searchParams.delete('columns');
    const query = parseSearchParams(url, fleetRoutersQuerySchema);
    const csv = await streamFleetCsv(query, columns);
    return new Response(csv.stream, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csv.filename}"`,
        'Cache-Control': PRIVATE_NO_STORE,
        'X-Content-Type-Options': 'nosniff',
        'X-Total-Rows': String(csv.totalRows),
      },
    });
  } catch (err) {
    return errorResponse(err, 'GET /api/fleet/routers/export');
  }
}
