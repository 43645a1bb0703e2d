import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { getOverview } from '@/lib/data/fleet';
import { getUserRateLimiter } from '@/lib/fleet/user-rate-limit';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const user = await authorize('routers:read');
    getUserRateLimiter().take(user.id);
    return ok(await getOverview());
  } catch (err) {
    return errorResponse(err, 'GET /api/fleet/overview');
  }
}
