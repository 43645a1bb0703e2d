/**
 * Next 16 proxy (formerly middleware): sends anonymous page loads to /login. A convenience only —
 * every handler and page still calls authorize() from lib/auth/session.ts, because proxy checks have
 * been bypassed before (CVE-2025-29927). API routes are left out: each answers 401 itself, and a
 * second session decode per call cost the busiest routes (the table's) a few milliseconds each.
 */
export { proxyAuth as proxy } from '@/lib/auth/proxy-auth';

export const config = {
  // Pages only: not the API (handlers authorize themselves), the login page, Next's assets or public static files.
  matcher: ['/((?!api/|login|_next/static|_next/image|favicon\\.ico|icon\\.svg|.*\\.(?:png|jpe?g|gif|svg|webp|ico|txt|geojson|woff2?)$).*)'],
};
