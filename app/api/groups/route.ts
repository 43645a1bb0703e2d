import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { listGroupOptions } from '@/lib/data/routers';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await authorize('routers:read');
    return ok({ items: await listGroupOptions() });
  } catch (err) {
    return errorResponse(err, 'GET /api/groups');
  }
}
