/**
 * The copies the service worker keeps: the response as it arrived, stamped with the time it was
 * stored. A kept page also carries that time in a `<meta>` element, so the page itself can say how
 * old it is when it is shown offline (React skips unexpected elements in `<head>` when hydrating).
 * Pure and browser-safe.
 */

export const STORED_AT_HEADER = 'x-offline-stored-at';
const TITLE_HEADER = 'x-offline-title';
/** `<meta name="offline-copy" content="<epoch ms>">` in a page served from the device. */
export const OFFLINE_COPY_META = 'offline-copy';

/**
 * Headers that described the bytes on the wire, not the body we keep (which the browser has already
 * decoded); the session cookie is never readable here, and a kept copy must not set one either.
 */
const DROPPED_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding', 'set-cookie'];

function stampedHeaders(from: Headers, storedAt: number): Headers {
  const headers = new Headers(from);
  for (const name of DROPPED_HEADERS) headers.delete(name);
  headers.set(STORED_AT_HEADER, String(storedAt));
  return headers;
}

/** The page's `<title>`, decoded enough to list it on the offline page. */
export function pageTitle(html: string): string | null {
  const match = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html);
  if (!match) return null;
  return match[1]!
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .trim();
}

export function withOfflineMeta(html: string, storedAt: number): string {
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}<meta name="${OFFLINE_COPY_META}" content="${storedAt}">`);
}

export function keptPage(response: Response, html: string, storedAt: number): Response {
  const headers = stampedHeaders(response.headers, storedAt);
  const title = pageTitle(html);
  if (title) headers.set(TITLE_HEADER, encodeURIComponent(title));
  return new Response(withOfflineMeta(html, storedAt), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export function keptData(response: Response, body: ArrayBuffer, storedAt: number): Response {
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: stampedHeaders(response.headers, storedAt),
  });
}

export function storedAtOf(response: Response): number | null {
  const value = Number(response.headers.get(STORED_AT_HEADER));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function titleOf(response: Response): string | null {
  const value = response.headers.get(TITLE_HEADER);
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
