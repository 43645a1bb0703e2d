import { describe, expect, it } from 'vitest';
import { formatAsOf, offlineNotice } from './as-of';
import { offlineFallbackHtml } from './fallback-page';
import { keptPage, pageTitle, STORED_AT_HEADER, storedAtOf, titleOf, withOfflineMeta } from './kept-copy';

const T = Date.UTC(2026, 11, 3, 10, 42, 7);

describe('kept copies', () => {
  it('carry their time in a header and, for pages, in a meta element right after <head>', async () => {
    const response = new Response('x', {
      headers: { 'Content-Type': 'text/html', 'Content-Encoding': 'br', 'Content-Length': '1' },
    });
    const html =
      '<!DOCTYPE html><html><head><title>Router bus-7 &amp; co · Fleet Console</title></head><body>x</body></html>';
    const kept = keptPage(response, html, T);
    expect(storedAtOf(kept)).toBe(T);
    expect(kept.headers.get(STORED_AT_HEADER)).toBe(String(T));
    // The body is kept decoded: the wire's encoding and length no longer describe it.
    expect(kept.headers.get('content-encoding')).toBeNull();
    expect(kept.headers.get('content-length')).toBeNull();
    expect(titleOf(kept)).toBe('Router bus-7 & co · Fleet Console');
    expect(await kept.text()).toContain(`<head><meta name="offline-copy" content="${T}"><title>`);
  });

  it('find the title and the head whatever their attributes', () => {
    expect(pageTitle('<title data-x="1">A</title>')).toBe('A');
    expect(pageTitle('<p>no title</p>')).toBeNull();
    expect(withOfflineMeta('<head lang="en">', 5)).toBe('<head lang="en"><meta name="offline-copy" content="5">');
    expect(withOfflineMeta('<header>', 5)).toBe('<header>');
  });
});

describe('offline times', () => {
  it('say the time to the second in UTC, and the date when it is not today', () => {
    expect(offlineNotice(T, { now: T + 60_000 })).toBe('Offline — showing data as of 10:42:07 UTC');
    expect(offlineNotice(T, { now: T + 60_000, browserOnline: true })).toBe(
      'Fleet Console is not answering — showing data as of 10:42:07 UTC',
    );
    expect(formatAsOf(T, T + 86_400_000)).toBe('3 Dec, 10:42:07 UTC');
  });
});

describe('offline page', () => {
  it('lists kept pages newest first, escaped, and only those of this origin', () => {
    const html = offlineFallbackHtml({
      requested: 'http://a.test/alerts?x="><script>',
      origin: 'http://a.test',
      now: T,
      pages: [
        { url: 'http://a.test/field/7', title: 'Field <b>7</b>', storedAt: T - 60_000 },
        { url: 'http://a.test/routers/7', title: null, storedAt: T - 1_000 },
        { url: 'http://evil.test/x', title: 'x', storedAt: T },
      ],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>7</b>');
    expect(html).not.toContain('evil.test');
    expect(html.indexOf('/routers/7')).toBeLessThan(html.indexOf('/field/7'));
    expect(html).toContain('as of 10:41:07 UTC');
  });

  it('says when nothing has been kept yet', () => {
    expect(offlineFallbackHtml({ requested: 'http://a.test/', origin: 'http://a.test', now: T, pages: [] })).toContain(
      'No page has been kept on this device yet',
    );
  });
});
