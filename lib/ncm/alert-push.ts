import 'server-only';
/**
 * NCM's alert push, as it arrives at our webhook. NCM signs each delivery with `x-cp-signature` = hex
 * HMAC-SHA256 of the exact body bytes under the destination's secret; we recompute over the raw bytes
 * (never a re-serialised JSON, which would differ in key order or spacing) and compare in constant
 * time. The body is one alert record (as the simulator and NCM's docs show), or — to be lenient with
 * batching — an array or a `{data: [...]}` list of them; records go through the same wire schema and
 * normaliser as /alerts/ results, so pushed and polled alerts look identical.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Alert } from '@/lib/domain/types';
import { NcmError } from './errors';
import { toAlert } from './normalize';

export const ALERT_PUSH_SIGNATURE_HEADER = 'x-cp-signature';
export const MAX_ALERT_PUSH_BYTES = 256 * 1024;
const MAX_ALERTS_PER_DELIVERY = 500;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function signAlertPush(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function isSignedAlertPush(secret: string, body: Buffer | string, header: string | null | undefined): boolean {
  if (!secret || typeof header !== 'string') return false;
  const given = header.trim();
  // Length and alphabet first: timingSafeEqual throws on unequal lengths, and the shape is public.
  if (!HEX_SHA256.test(given)) return false;
  const expected = Buffer.from(signAlertPush(secret, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

const record = z.looseObject({ type: z.string(), created_at: z.string() });
const payloadSchema = z.union([
  record,
  z.array(record).max(MAX_ALERTS_PER_DELIVERY),
  z.looseObject({ data: z.array(record).max(MAX_ALERTS_PER_DELIVERY) }),
]);

/** The alerts in a delivery, or null when it is not an alert delivery at all. */
export function parseAlertPush(json: unknown): Alert[] | null {
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const value = parsed.data;
  const records: unknown[] = Array.isArray(value)
    ? value
    : 'data' in value && Array.isArray(value.data)
      ? value.data
      : [value];
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
