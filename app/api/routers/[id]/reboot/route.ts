import { assertSameOriginJson } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { rebootFromField } from '@/lib/data/field';

export const dynamic = 'force-dynamic';

/** Reboots the router through NCM (Administrator, Full Access); the audit records who. */
export async function POST(request: Request, ctx: RouteContext<'/api/routers/[id]/reboot'>) {
  try {
    await authorize('routers:reboot');
    assertSameOriginJson(request);
    const { id } = await ctx.params;
    return ok(await rebootFromField(id), { status: 202 });
  } catch (err) {
    return errorResponse(err, 'POST /api/routers/[id]/reboot');
  }
}
