import { parseSearchParams } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { getAuditPage } from '@/lib/data/activity';
import { auditQuerySchema } from '@/lib/dto/alerts';

export const dynamic = 'force-dynamic';

/** The dashboard's own audit entries (NCM's activity log is rendered by the /activity page itself). */
export async function GET(request: Request) {
  try {
    await authorize('activity:read');
    const query = parseSearchParams(request.url, auditQuerySchema);
    return ok(await getAuditPage(query));
  } catch (err) {
    return errorResponse(err, 'GET /api/activity');
  }
}
