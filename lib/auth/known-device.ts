import 'server-only';
/**
 * Known-device cookies: after a successful password sign-in the browser gets a signed cookie naming
 * the account and a random device id. Later attempts from that browser on that account are throttled
 * on their own (lib/auth/login-throttle.ts), so an attacker hammering the account from elsewhere
 * cannot lock out the people who normally use it. The cookie grants nothing else: the password is
 * still checked. Signed with AUTH_SECRET; without a secret no cookie is issued or trusted.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export function knownDeviceCookieName(secure: boolean): string {
  // `__Host-` makes the browser refuse the cookie unless Secure, Path=/ and host-only.
  return secure ? '__Host-fleet-console.known-device' : 'fleet-console.known-device';
}

interface DevicePayload {
  a: string;
  d: string;
  t: number;
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', `known-device:${secret}`).update(body).digest('base64url');
}

export function issueKnownDevice(account: string, secret: string, nowMs = Date.now()): string {
  const payload: DevicePayload = { a: account, d: randomBytes(12).toString('base64url'), t: Math.floor(nowMs / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/** The device id when `token` is a valid, unexpired cookie issued for `account`, else null. */
export function knownDeviceFor(
  token: string | undefined,
  account: string,
  secret: string,
  nowMs = Date.now(),
): string | null {
  if (!token || token.length > 512 || !secret) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: Partial<DevicePayload>;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<DevicePayload>;
  } catch {
    return null;
  }
  if (payload.a !== account || typeof payload.d !== 'string' || typeof payload.t !== 'number') return null;
  if (nowMs / 1000 - payload.t > KNOWN_DEVICE_MAX_AGE_SECONDS) return null;
  return payload.d;
}

/** Reads one cookie from a raw Cookie header (the credentials provider sees only the request). */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
