import { parseSearchParams } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { getRoutersPage } from '@/lib/data/routers';
import { routersQuerySchema } from '@/lib/dto/routers';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    await authorize('routers:read');
    const query = parseSearchParams(request.url, routersQuerySchema);
    return ok(await getRoutersPage(query));
  } catch (err) {
    return errorResponse(err, 'GET /api/routers');
  }
}
