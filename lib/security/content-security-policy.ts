/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next
 * puts it on its own scripts when it finds it in the request's CSP header) or when loaded by such a
 * script ('strict-dynamic'); nothing inline without it. Images may come from ourselves and the map
 * tile host when one is configured; the browser connects only to our own origin (API, SSE).
 * Styles allow 'unsafe-inline': server-rendered `style` attributes cannot carry a nonce, and a style
 * cannot run code. Edge-safe and pure.
 */
import { authEnv, type EnvSource, siteEnv } from '@/lib/env';

export interface CspOptions {
  nonce: string;
  /** `next dev` needs eval for its error overlay; production never does. */
  development: boolean;
  https: boolean;
  env?: EnvSource;
}

/** The origin of a tile URL template such as `https://{s}.tile.example/{z}/{x}/{y}.png`, as a CSP source. */
export function tileSource(template: string | undefined): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template?.trim() ?? '');
  if (!match) return null;
  const host = match[2]!.toLowerCase().replace(/^\{[a-z]\}\./, '*.');
  // Anything left that is not a plain host[:port] would make the whole policy unparsable.
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/.test(host)) return null;
  return `${match[1]!.toLowerCase()}://${host}`;
}

function originOf(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy({ nonce, development, https, env = process.env }: CspOptions): string {
  const tiles = tileSource(siteEnv(env).mapTiles?.url);
  // Without JavaScript, the SSO button is a plain form post that the server answers with a redirect
  // to the identity provider; form-action also governs that redirect.
  const identityProvider = originOf(authEnv(env).oidc?.issuer);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', tiles].filter(Boolean).join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    // Workers from this origin only (the offline worker, /sw.js): said here rather than left to the
    // script-src fallback, whose 'strict-dynamic' admits whatever a trusted script starts.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ['form-action', "'self'", identityProvider].filter(Boolean).join(' '),
    "frame-ancestors 'none'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Two years, the preload list's minimum; only ever sent over HTTPS (browsers ignore it on http). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
