import { assertSameOriginJson, parseWith, readJsonBody } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { acknowledgeAlert } from '@/lib/data/alerts';
import { ackInputSchema } from '@/lib/dto/alerts';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, ctx: RouteContext<'/api/alerts/[id]/ack'>) {
  try {
    await authorize('alerts:acknowledge');
    assertSameOriginJson(request);
    const input = parseWith(ackInputSchema, await readJsonBody(request, 4 * 1024));
    const { id } = await ctx.params;
    const { ack, created } = await acknowledgeAlert(id, input);
    return ok({ alertId: id, ack, created }, { status: created ? 201 : 200 });
  } catch (err) {
    return errorResponse(err, 'POST /api/alerts/[id]/ack');
  }
}
