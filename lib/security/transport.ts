/**
 * Whether the browser reaches us over HTTPS: then cookies get `Secure` and `__Host-` names and
 * responses carry HSTS. Known from PUBLIC_URL (the address users type), or, per request, from a
 * trusted reverse proxy's `X-Forwarded-Proto` (only with TRUST_PROXY=1: anyone else can send the
 * header). Edge-safe and pure.
 */
type EnvVars = Readonly<Record<string, string | undefined>>;

export function publicUrlIsHttps(env: EnvVars = process.env): boolean {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return false;
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

export function servedOverHttps(headers: Headers, env: EnvVars = process.env): boolean {
  if (publicUrlIsHttps(env)) return true;
  if (env.TRUST_PROXY !== '1') return false;
  // A chain of proxies appends; the last value is the one our own proxy set.
  const proto = (headers.get('x-forwarded-proto') ?? '').split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}
