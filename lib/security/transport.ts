/**
 * Whether the browser reaches us over HTTPS: then cookies get `Secure` and `__Host-` names and
 * responses carry HSTS. Known from PUBLIC_URL (the address users type), or, per request, from a
 * trusted reverse proxy's `X-Forwarded-Proto` (only with TRUST_PROXY=1: anyone else can send the
 * header). Edge-safe and pure.
 */
import { authEnv, type EnvSource, siteEnv } from '@/lib/env';

export function publicUrlIsHttps(env: EnvSource = process.env): boolean {
  return siteEnv(env).publicUrl?.protocol === 'https:';
}

export function servedOverHttps(headers: Headers, env: EnvSource = process.env): boolean {
  if (publicUrlIsHttps(env)) return true;
  if (!authEnv(env).trustProxy) return false;
  // A chain of proxies appends; the last value is the one our own proxy set.
  const proto = (headers.get('x-forwarded-proto') ?? '').split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}
