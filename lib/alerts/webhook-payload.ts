import 'server-only';
/**
 * What NCM POSTs to our webhook: one alert record (as the simulator and NCM's docs show), or — to be
 * lenient with batching — an array or a `{data: [...]}` list of them. Records go through the same
 * wire schema and normaliser as /alerts/ results, so pushed and polled alerts look identical.
 */
import { z } from 'zod';
import type { Alert } from '@/lib/domain/types';
import { NcmError } from '@/lib/ncm/errors';
import { toAlert } from '@/lib/ncm/normalize';

export const MAX_WEBHOOK_BYTES = 256 * 1024;
const MAX_ALERTS_PER_DELIVERY = 500;

const record = z.looseObject({ type: z.string(), created_at: z.string() });
const payloadSchema = z.union([
  record,
  z.array(record).max(MAX_ALERTS_PER_DELIVERY),
  z.looseObject({ data: z.array(record).max(MAX_ALERTS_PER_DELIVERY) }),
]);

/** The alerts in a delivery, or null when it is not an alert delivery at all. */
export function parseWebhookAlerts(json: unknown): Alert[] | null {
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const value = parsed.data;
  const records: unknown[] = Array.isArray(value) ? value : 'data' in value && Array.isArray(value.data) ? value.data : [value];
  const alerts: Alert[] = [];
  for (const raw of records) {
    try {
      alerts.push(toAlert(raw));
    } catch (err) {
      if (!(err instanceof NcmError)) throw err;
    }
  }
  return alerts.length > 0 ? alerts : null;
}

/** Reads at most `maxBytes` of the body; null when it is larger (the rest is not read). */
export async function readRawBody(request: Request, maxBytes = MAX_WEBHOOK_BYTES): Promise<Buffer | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
