/**
 * The page the service worker answers with when the network is gone and the page asked for was never
 * opened on this device: it says so, and lists the pages that can be read offline, each with its
 * time. Plain HTML with no script, under a policy that allows none. Pure and browser-safe.
 */
import { formatAsOf } from './as-of';

export interface KeptPageLink {
  url: string;
  title: string | null;
  storedAt: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link only to a page of this origin, as a path: nothing kept can point anywhere else. */
function samePath(url: string, origin: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}` : null;
  } catch {
    return null;
  }
}

const FALLBACK_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1b2733}
main{max-width:40rem;margin:0 auto;padding:1.25rem}h1{font-size:1.4rem;margin:.5rem 0}
.banner{padding:.6rem .9rem;border-radius:6px;border:1px solid #f3d3a6;background:#fff5e5;color:#5c3400}
ul{padding:0;list-style:none}li{margin:.4rem 0;padding:.6rem .8rem;background:#fff;border:1px solid #d8dee4;border-radius:6px}
a{color:#0f3d5e;font-weight:600}small{display:block;color:#52606d}`;

export function offlineFallbackHtml(options: {
  requested: string;
  origin: string;
  pages: KeptPageLink[];
  now: number;
}): string {
  const requested = samePath(options.requested, options.origin) ?? '/';
  const links = [...options.pages]
    .sort((a, b) => b.storedAt - a.storedAt)
    .map((page) => {
      const path = samePath(page.url, options.origin);
      if (!path) return '';
      const label = page.title ?? path;
      return `<li><a href="${escapeHtml(path)}">${escapeHtml(label)}</a><small>${escapeHtml(path)} · as of ${escapeHtml(formatAsOf(page.storedAt, options.now))}</small></li>`;
    })
    .filter(Boolean);
  const list =
    links.length > 0
      ? `<h2>Pages kept on this device</h2><ul data-testid="offline-pages">${links.join('')}</ul>`
      : '<p>No page has been kept on this device yet: pages are kept as you open them while signed in and online.</p>';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Fleet Console</title><style>${STYLE}</style></head><body><main>
<p class="banner" role="status" data-testid="offline-fallback">Offline — Fleet Console cannot be reached, and ${escapeHtml(requested)} was not opened on this device while online.</p>
<h1>You are offline</h1>${list}
<p><a href="${escapeHtml(requested)}">Try again</a></p></main></body></html>`;
}

export function offlineFallbackResponse(html: string): Response {
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': FALLBACK_CONTENT_SECURITY_POLICY,
    },
  });
}
