import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { getUnackedCount } from '@/lib/data/alerts';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await authorize('alerts:read');
    return ok(await getUnackedCount());
  } catch (err) {
    return errorResponse(err, 'GET /api/alerts/unacked-count');
  }
}
