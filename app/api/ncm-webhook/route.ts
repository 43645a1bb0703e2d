import { getLiveAlerts } from '@/lib/alerts/live';
import { getPushSecret } from '@/lib/alerts/push-registration';
import { isValidSignature } from '@/lib/alerts/signature';
import { parseWebhookAlerts, readRawBody } from '@/lib/alerts/webhook-payload';

export const dynamic = 'force-dynamic';

/**
 * NCM's alert push. PUBLIC BY DESIGN: NCM has no session, so this route does not call authorize();
 * the HMAC signature over the raw body (x-cp-signature, secret known only to us and NCM) is the
 * authentication. proxy.ts must exclude this path. Failures say nothing about why: a caller without
 * the secret learns only "no".
 */
function reject(status: 400 | 401 | 413): Response {
  return new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(request: Request) {
  const signature = request.headers.get('x-cp-signature');
  if (!signature) return reject(401);
  const body = await readRawBody(request);
  if (body === null) return reject(413);
  if (!isValidSignature(getPushSecret(), body, signature)) return reject(401);

  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return reject(400);
  }
  const alerts = parseWebhookAlerts(json);
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
