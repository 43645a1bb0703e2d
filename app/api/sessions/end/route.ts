import { z } from 'zod';
import { assertSameOriginJson, parseWith, readJsonBody } from '@/lib/api/request';
import { errorResponse, ok } from '@/lib/api/respond';
import { authorize } from '@/lib/auth/session';
import { endSessionsOf } from '@/lib/data/sessions';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ userId: z.string().regex(/^(credentials|oidc):\S{1,256}$/, 'Not a user id') }).strict();

/** Ends every session of one person (Administrators); the audit records who ended whose. */
export async function POST(request: Request) {
  try {
    await authorize('sessions:manage');
    assertSameOriginJson(request);
    const { userId } = parseWith(bodySchema, await readJsonBody(request));
    return ok({ userId, ended: await endSessionsOf(userId) });
  } catch (err) {
    return errorResponse(err, 'POST /api/sessions/end');
  }
}
