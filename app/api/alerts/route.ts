import { parseSearchParams } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { getAlertsPage } from '@/lib/data/alerts';
import { alertsQuerySchema } from '@/lib/dto/alerts';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    await authorize('alerts:read');
    const query = parseSearchParams(request.url, alertsQuerySchema);
    return ok(await getAlertsPage(query));
  } catch (err) {
    return errorResponse(err, 'GET /api/alerts');
  }
}
