import 'server-only';
/**
 * NCM signs each alert push with `x-cp-signature` = hex HMAC-SHA256 of the exact body bytes under
 * the destination's secret. We recompute over the raw bytes (never a re-serialised JSON, which would
 * differ in key order or spacing) and compare in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function signBody(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function isValidSignature(secret: string, body: Buffer | string, header: string | null | undefined): boolean {
  if (!secret || typeof header !== 'string') return false;
  const given = header.trim();
  // Length and alphabet first: timingSafeEqual throws on unequal lengths, and the shape is public.
  if (!HEX_SHA256.test(given)) return false;
  const expected = Buffer.from(signBody(secret, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
