import { getLiveAlerts } from '@/lib/alerts/live';
import { getPushSecret } from '@/lib/alerts/push-registration';
import { ALERT_PUSH_SIGNATURE_HEADER, isSignedAlertPush, MAX_ALERT_PUSH_BYTES, parseAlertPush } from '@/lib/ncm';
import { BodyTooLargeError, readCappedBody } from '@/lib/server/capped-body';

export const dynamic = 'force-dynamic';

/**
 * NCM's alert push. PUBLIC BY DESIGN: NCM has no session, so this route does not call authorize();
 * the HMAC signature over the raw body (secret known only to us and NCM) is the authentication.
 * proxy.ts must exclude this path. Failures say nothing about why: a caller without the secret
 * learns only "no".
 */
function reject(status: 400 | 401 | 413): Response {
  return new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(request: Request) {
  const signature = request.headers.get(ALERT_PUSH_SIGNATURE_HEADER);
  if (!signature) return reject(401);
  let body: Buffer;
  try {
    body = await readCappedBody(request, MAX_ALERT_PUSH_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return reject(413);
    throw err;
  }
  if (!isSignedAlertPush(getPushSecret(), body, signature)) return reject(401);

  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return reject(400);
  }
  const alerts = parseAlertPush(json);
  if (!alerts) return reject(400);
  try {
    const fresh = await getLiveAlerts().receivePush(alerts);
    return Response.json({ received: alerts.length, new: fresh }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    console.error('[alerts] webhook processing failed:', err instanceof Error ? err.message : err);
    // 500 makes NCM retry later; the alert is not lost.
    return new Response(null, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}
