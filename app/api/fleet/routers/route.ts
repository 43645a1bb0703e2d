import { parseSearchParams } from '@/lib/api/request';
import { errorResponse, PRIVATE_NO_STORE } from '@/lib/api/respond';
import { serverTimer } from '@/lib/api/server-timing';
import { authorize } from '@/lib/auth/session';
import { getFleetRoutersPageTagged } from '@/lib/data/fleet';
import { fleetRoutersQuerySchema } from '@/lib/dto/fleet';
import { getUserRateLimiter } from '@/lib/fleet/user-rate-limit';
import { etagMatches } from '@/lib/fleet/etag';

export const dynamic = 'force-dynamic';

/**
 * The router table. Answers carry a weak ETag of (snapshot version, sync status, query); a poll
 * sending it back in If-None-Match gets an empty 304 while nothing changed. `X-Fleet-As-Of` rides on
 * both so a client keeping its old body still learns how fresh it is.
 */
export async function GET(request: Request) {
  const timer = serverTimer();
  try {
    const user = await authorize('routers:read');
    getUserRateLimiter().take(user.id);
    const query = parseSearchParams(request.url, fleetRoutersQuerySchema);
    timer.mark('auth');
    const tagged = await getFleetRoutersPageTagged(query);
    timer.mark('snapshot');
    const headers: Record<string, string> = { ETag: tagged.etag, 'X-Fleet-As-Of': tagged.asOf ?? '' };
    if (etagMatches(request.headers.get('if-none-match'), tagged.etag)) {
      return new Response(null, {
        status: 304,
        headers: { ...headers, 'Cache-Control': PRIVATE_NO_STORE, 'Server-Timing': timer.header() },
      });
    }
    const page = tagged.page();
    timer.mark('query');
    const body = JSON.stringify(page);
    timer.mark('json');
    return new Response(body, {
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        'Cache-Control': PRIVATE_NO_STORE,
        'Server-Timing': timer.header(),
      },
    });
  } catch (err) {
    return errorResponse(err, 'GET /api/fleet/routers');
  }
}
