import { parseSearchParams } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { getFleetMap } from '@/lib/data/fleet';
import { fleetMapQuerySchema } from '@/lib/dto/fleet-map';
import { getUserRateLimiter } from '@/lib/fleet/user-rate-limit';

export const dynamic = 'force-dynamic';

/** The fleet map's clusters and routers for one viewport; filters are the router table's. */
export async function GET(request: Request) {
  try {
    const user = await authorize('routers:read');
    getUserRateLimiter().take(user.id);
    const query = parseSearchParams(request.url, fleetMapQuerySchema);
    return ok(await getFleetMap(query));
  } catch (err) {
    return errorResponse(err, 'GET /api/fleet/map');
  }
}
