/**
 * Next 16 proxy (formerly middleware): sends anonymous page loads to /login and answers anonymous
 * API calls with 401. A convenience only — every handler still calls authorize() from
 * lib/auth/session.ts, because proxy checks have been bypassed before (CVE-2025-29927).
 */
export { proxyAuth as proxy } from '@/lib/auth/proxy-auth';

export const config = {
  // Everything except Auth.js endpoints, NCM's signed webhook (it verifies x-cp-signature itself), the login page, Next's assets and public static files.
  matcher: [
    '/((?!api/auth|api/ncm-webhook|login|_next/static|_next/image|favicon\\.ico|icon\\.svg|.*\\.(?:png|jpe?g|gif|svg|webp|ico|txt|geojson|woff2?)$).*)',
  ],
};
