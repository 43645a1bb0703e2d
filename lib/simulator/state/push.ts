/**
 * Webhook delivery to alert push destinations: POST the alert JSON with `x-cp-signature` = hex
 * HMAC-SHA256 of the exact body bytes under the destination's secret. Failures are recorded on the
 * destination (last_error_at / last_error_text) and never thrown.
 */
import { createHmac } from 'node:crypto';
import type { Json } from '../http/json';
import type { PushDestination } from './store';

function signature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

export interface DeliveryResult {
  destination: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

export async function deliver(dest: PushDestination, payload: Json, nowMs: () => number): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetch(dest.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-cp-signature': signature(dest.secret, body),
        'user-agent': 'NetCloud-Alert-Push/2.0',
      },
      body,
      signal: AbortSignal.timeout(5000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) {
      dest.lastErrorMs = nowMs();
      dest.lastErrorText = `${res.status} ${res.statusText}`.trim();
      return { destination: dest.destination_config_id, ok: false, status: res.status, error: dest.lastErrorText };
    }
    return { destination: dest.destination_config_id, ok: true, status: res.status, error: null };
  } catch (err) {
    dest.lastErrorMs = nowMs();
    dest.lastErrorText = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { destination: dest.destination_config_id, ok: false, status: null, error: dest.lastErrorText };
  }
}
