/**
 * Next 16 proxy (formerly middleware), in front of every page and API route:
 * - malformed URLs get 400 and unsupported methods 405 with `Allow`, before any route runs;
 * - pages get a fresh CSP nonce (Next reads it from the request's CSP header and puts it on its own
 *   scripts), and anonymous page loads are sent to /login. That redirect is a convenience only:
 *   every handler and page still calls authorize() from lib/auth/session.ts, because proxy checks
 *   have been bypassed before (the forged x-middleware-subrequest header of 2025);
 * - HSTS when the app is served over HTTPS (lib/security/response-headers.ts);
 * - pages of a signed-in session say whose they are (lib/offline/owner.ts): the offline worker keeps
 *   copies for one sign-in at a time and never shows them to the next.
 * API routes skip the session decode: each answers 401 itself, and a second decode per call cost
 * the busiest routes (the table's) a few milliseconds each.
 */
import { type NextRequest, NextResponse } from 'next/server';
import { refuseMalformedRequest } from '@/lib/api/request-sanity';
import { parseSessionClaims, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/claims';
import { proxyAuth } from '@/lib/auth/proxy-auth';
import { OFFLINE_OWNER_HEADER, offlineOwnerHeader } from '@/lib/offline/owner';
import { contentSecurityPolicy, newNonce } from '@/lib/security/content-security-policy';
import { REQUEST_PATH_HEADER } from '@/lib/security/request-path';
import { secureResponse } from '@/lib/security/response-headers';
import { servedOverHttps } from '@/lib/security/transport';

function isApi(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

export async function proxy(request: NextRequest): Promise<Response> {
  const https = servedOverHttps(request.headers);
  const refusal = refuseMalformedRequest(request, request.nextUrl.pathname);
  if (refusal) return secureResponse(refusal, { https });
  if (isApi(request.nextUrl.pathname)) return secureResponse(NextResponse.next(), { https });

  const csp = contentSecurityPolicy({ nonce: newNonce(), development: process.env.NODE_ENV === 'development', https });
  const page = proxyAuth(async (authed) => {
    const headers = new Headers(authed.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
    const response = NextResponse.next({ request: { headers } });
    const claims = parseSessionClaims(authed.auth?.user);
    if (claims) response.headers.set(OFFLINE_OWNER_HEADER, await offlineOwnerHeader(claims, SESSION_MAX_AGE_SECONDS));
    return response;
  });
  // Auth.js's wrapper has a route handler's signature; pages have no route params to pass.
  const response = (await page(request, { params: Promise.resolve({}) })) ?? NextResponse.next();
  return secureResponse(response, { csp, https });
}

export const config = {
  // Everything but Next's static assets and public files: those carry no script of ours to protect.
  // The offline worker script (sw.js) is public too: it holds no data, and the browser checks it for
  // updates even when the session has ended.
  matcher: [
    '/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|sw\\.js$|.*\\.(?:png|jpe?g|gif|svg|webp|ico|txt|geojson|woff2?)$).*)',
  ],
};
