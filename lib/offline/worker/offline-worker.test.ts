import { beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE_COPY_META, STORED_AT_HEADER } from '../kept-copy';
import type { WorkerToPage } from '../messages';
import { OFFLINE_OWNER_HEADER } from '../owner';
import { OfflineWorker, type FetchEventLike } from './offline-worker';
import { FakeCacheStorage, FakeNetwork } from './test-support/fake-caches';

const ORIGIN = 'https://fleet.example';
const ALICE = `${'a'.repeat(32)}; expires=4102444800`;
const BOB = `${'b'.repeat(32)}; expires=4102444800`;
const T0 = Date.UTC(2026, 11, 3, 10, 42, 7);

interface Setup {
  worker: OfflineWorker;
  caches: FakeCacheStorage;
  network: FakeNetwork;
  told: Array<{ clientId: string; message: WorkerToPage }>;
  clock: { now: number };
}

function setup(keepDelayMs = 0): Setup {
  const caches = new FakeCacheStorage();
  const network = new FakeNetwork();
  const told: Setup['told'] = [];
  const clock = { now: T0 };
  const worker = new OfflineWorker({
    caches: caches.asCacheStorage(),
    fetch: network.fetch,
    origin: ORIGIN,
    now: () => clock.now,
    tell: (clientId, message) => told.push({ clientId, message }),
    pageTimeoutMs: 200,
    keepDelayMs,
  });
  return { worker, caches, network, told, clock };
}

function page(html: string, owner: string | null = ALICE, status = 200): Response {
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "script-src 'nonce-n1'",
  });
  if (owner) headers.set(OFFLINE_OWNER_HEADER, owner);
  return new Response(html, { status, headers });
}

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });

function doc(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${title}</title><script src="/_next/static/chunks/main-abc.js" nonce="n1"></script></head><body>${body}</body></html>`;
}

/** A fetch event, with what the browser would give: `mode` is read-only on a constructed Request. */
function event(
  path: string,
  init: { method?: string; mode?: string; headers?: Record<string, string>; clientId?: string; body?: string } = {},
) {
  const request = new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: init.headers,
    body: init.body,
  });
  if (init.mode) Object.defineProperty(request, 'mode', { value: init.mode });
  const pending: Promise<unknown>[] = [];
  const fetchEvent: FetchEventLike = {
    request,
    clientId: init.clientId ?? 'client-1',
    waitUntil: (p) => pending.push(p),
  };
  return {
    fetchEvent,
    settled: async () => {
      // Background work can queue more background work (a navigation's copy, then its assets).
      for (let i = 0; i < pending.length; i++) await pending[i];
    },
  };
}

async function load(s: Setup, path: string, init: Parameters<typeof event>[1] = {}) {
  const e = event(path, { mode: 'navigate', clientId: '', ...init });
  const response = await s.worker.handle(e.fetchEvent);
  await e.settled();
  return response;
}

async function get(s: Setup, path: string, init: Parameters<typeof event>[1] = {}) {
  const e = event(path, init);
  const response = await s.worker.handle(e.fetchEvent);
  await e.settled();
  return response;
}

describe('offline worker', () => {
  let s: Setup;
  beforeEach(() => {
    s = setup();
  });

  it('serves a page opened before from the device when the network is gone, stamped with its time', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', '<h1>bus-7 online</h1>')));
    s.network.answer(
      '/_next/static/chunks/main-abc.js',
      new Response('js', { headers: { 'Content-Type': 'text/javascript' } }),
    );
    const online = await load(s, '/routers/7');
    expect(await online!.text()).toContain('bus-7 online');

    s.network.online = false;
    s.clock.now = T0 + 60_000;
    const offline = await load(s, '/routers/7');
    expect(offline!.status).toBe(200);
    const html = await offline!.text();
    expect(html).toContain('bus-7 online');
    expect(html).toContain(`<meta name="${OFFLINE_COPY_META}" content="${T0}">`);
    expect(offline!.headers.get(STORED_AT_HEADER)).toBe(String(T0));
    // The copy keeps its own policy: the nonce of its scripts is the nonce its policy allows.
    expect(offline!.headers.get('Content-Security-Policy')).toBe("script-src 'nonce-n1'");
    // And the script the page loads is on the device too.
    expect(await (await get(s, '/_next/static/chunks/main-abc.js'))!.text()).toBe('js');
  });

  it('answers a page never opened here with the offline page, listing the kept pages and their times', async () => {
    s.network.answer('/field/7', page(doc('Field view · router 7', 'gauges')));
    await load(s, '/field/7');
    s.network.online = false;
    const response = await load(s, '/alerts');
    expect(response!.status).toBe(503);
    expect(response!.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await response!.text();
    expect(html).toContain('/alerts was not opened on this device');
    expect(html).toContain('<a href="/field/7">Field view · router 7</a>');
    expect(html).toContain('as of 10:42:07 UTC');
  });

  it('shows a kept copy when the network is too slow, and still keeps what arrives later', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'first')));
    await load(s, '/routers/7');
    let release: () => void = () => undefined;
    s.network.answer(
      '/routers/7',
      () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(page(doc('Router 7', 'second')));
        }),
    );
    s.clock.now = T0 + 5_000;
    const e = event('/routers/7', { mode: 'navigate', clientId: '' });
    const shown = await s.worker.handle(e.fetchEvent);
    expect(await shown!.text()).toContain('first');
    release();
    await e.settled();
    s.network.online = false;
    expect(await (await load(s, '/routers/7'))!.text()).toContain('second');
  });

  it('never answers or stores a mutation, whatever the route', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    for (const [method, path] of [
      ['POST', '/api/routers/7/reboot'],
      ['PATCH', '/api/routers/7'],
      ['POST', '/api/alerts/9/ack'],
      ['POST', '/routers/7'],
      ['PUT', '/api/routers/7'],
      ['DELETE', '/api/routers/7'],
    ]) {
      expect(
        s.worker.handle(
          event(path!, { method, body: '{}', headers: { 'Content-Type': 'application/json' } }).fetchEvent,
        ),
      ).toBeNull();
    }
    expect(s.caches.allUrls().filter((url) => /reboot|ack/.test(url))).toEqual([]);
  });

  it('keeps the API answers a page read, serves them offline and tells that page', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    s.network.answer('/api/routers/7/live', json({ asOf: '2026-12-03T10:42:07Z', modems: [{ rsrp: -95 }] }));
    await load(s, '/routers/7');
    expect(await (await get(s, '/api/routers/7/live'))!.json()).toMatchObject({ modems: [{ rsrp: -95 }] });

    s.network.online = false;
    s.clock.now = T0 + 30_000;
    const offline = await get(s, '/api/routers/7/live', { clientId: 'phone' });
    expect(await offline!.json()).toMatchObject({ modems: [{ rsrp: -95 }] });
    expect(s.told).toEqual([
      { clientId: 'phone', message: { type: 'served-from-device', url: `${ORIGIN}/api/routers/7/live`, storedAt: T0 } },
    ]);
    // Nothing kept for this one: the request fails as the network did.
    expect((await get(s, '/api/routers/8/live'))!.type).toBe('error');
  });

  it('keeps no API answer while it does not know whose they are', async () => {
    s.network.answer('/api/routers/7/live', json({ modems: [] }));
    await get(s, '/api/routers/7/live');
    expect(s.caches.allUrls()).toEqual([]);
  });

  it.each([
    ['/api/auth/session', {}],
    ['/api/alerts/stream', { Accept: 'text/event-stream' }],
    ['/api/fleet/routers/export?format=csv', {}],
    ['/api/routers/7/series-export?series=signal', {}],
  ])('leaves %s alone', async (path, headers) => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    expect(s.worker.handle(event(path, { headers }).fetchEvent)).toBeNull();
    expect(s.caches.allUrls().filter((url) => url.includes('/api/'))).toEqual([]);
  });

  it('never shows one sign-in the pages of another: the next owner starts from empty caches', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'alice saw this')));
    s.network.answer('/api/routers/7/live', json({ who: 'alice' }));
    await load(s, '/routers/7');
    await get(s, '/api/routers/7/live');

    s.network.answer('/field', page(doc('Field view', 'bob'), BOB));
    await load(s, '/field');
    expect(s.caches.allUrls().filter((url) => url.includes('/routers/7'))).toEqual([]);

    s.network.online = false;
    const offline = await load(s, '/routers/7');
    expect(offline!.status).toBe(503);
    expect(await offline!.text()).not.toContain('alice saw this');
    expect((await get(s, '/api/routers/7/live'))!.type).toBe('error');
  });

  it('forgets everything on sign-out, including answers still on their way', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    let release: () => void = () => undefined;
    s.network.answer(
      '/api/routers/7/live',
      () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(json({ late: true }));
        }),
    );
    const late = event('/api/routers/7/live');
    const pending = s.worker.handle(late.fetchEvent);
    await s.worker.message({ type: 'forget' });
    expect(s.caches.allUrls().filter((url) => !url.includes('/_next/static/'))).toEqual([]);
    // The next person signs in before the first one's answer arrives: it must not land in their copies.
    s.network.answer('/field', page(doc('Field view', 'bob'), BOB));
    await load(s, '/field');
    release();
    await pending;
    await late.settled();
    expect(s.caches.allUrls().filter((url) => !url.includes('/_next/static/'))).toEqual([`${ORIGIN}/field`]);
  });

  it('does not keep, for the next person, a page the previous one asked to keep just before signing out', async () => {
    s = setup(50);
    // Alice's page asks for its copy; the worker waits a moment so the page's own requests go first.
    const asked = s.worker.message({ type: 'keep-page', url: `${ORIGIN}/field/7` });
    await s.worker.message({ type: 'forget' });
    // Bob signs in on the same device before the wait is over.
    s.network.answer('/', page(doc('Overview', 'bob'), BOB));
    await load(s, '/');
    s.network.answer('/field/7', page(doc('Field view', 'fetched with bob’s session'), BOB));
    await asked;
    expect(s.caches.allUrls().filter((url) => !url.includes('/_next/static/'))).toEqual([`${ORIGIN}/`]);
  });

  it('keeps pages of one sign-in that were on their way while its first page was being kept', async () => {
    let release: () => void = () => undefined;
    s.network.answer(
      '/routers/7',
      () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(page(doc('Router 7', 'slow')));
        }),
    );
    const slow = event('/routers/7', { mode: 'navigate', clientId: '' });
    const pending = s.worker.handle(slow.fetchEvent);
    s.network.answer('/', page(doc('Overview', 'tiles')));
    await s.worker.message({ type: 'keep-page', url: `${ORIGIN}/` });
    release();
    await pending;
    await slow.settled();
    expect(s.caches.allUrls()).toEqual(expect.arrayContaining([`${ORIGIN}/`, `${ORIGIN}/routers/7`]));
  });

  it("never lets a page of the previous sign-in, arriving late, replace the next one's copies", async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    await s.worker.message({ type: 'forget' });
    // Alice's page, asked for after the forget but before her cookie was gone, arrives after Bob's.
    let release: () => void = () => undefined;
    s.network.answer(
      '/routers/8',
      () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(page(doc('Router 8', 'alice late')));
        }),
    );
    const late = event('/routers/8', { mode: 'navigate', clientId: '' });
    const pending = s.worker.handle(late.fetchEvent);
    s.network.answer('/field', page(doc('Field view', 'bob'), BOB));
    await load(s, '/field');
    release();
    await pending;
    await late.settled();
    expect(s.caches.allUrls().filter((url) => !url.includes('/_next/static/'))).toEqual([`${ORIGIN}/field`]);
  });

  it('forgets everything when the login page is loaded, and when the API says the session is gone', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    s.network.answer('/login', page(doc('Sign in', 'form'), null));
    await load(s, '/routers/7');
    await load(s, '/login');
    expect(s.caches.allUrls()).not.toContain(`${ORIGIN}/routers/7`);

    await load(s, '/routers/7');
    expect(s.caches.allUrls()).toContain(`${ORIGIN}/routers/7`);
    s.network.answer('/api/groups', json({ error: { code: 'unauthenticated' } }, 401));
    await get(s, '/api/groups');
    expect(s.caches.allUrls()).not.toContain(`${ORIGIN}/routers/7`);
  });

  it('does not show a copy after the session that fetched it has ended', async () => {
    const soon = `${'c'.repeat(32)}; expires=${Math.floor(T0 / 1000) + 3600}`;
    s.network.answer('/routers/7', page(doc('Router 7', 'x'), soon));
    await load(s, '/routers/7');
    s.network.online = false;
    s.clock.now = T0 + 3_600_000;
    expect((await load(s, '/routers/7'))!.status).toBe(503);
    expect(s.caches.allUrls().filter((url) => url.includes('/routers/7'))).toEqual([]);
  });

  it('passes client-side navigations through and then keeps a copy of the page they opened', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    s.network.answer(
      '/field/7?_rsc=abc',
      new Response('0:rsc', { headers: { 'Content-Type': 'text/x-component', [OFFLINE_OWNER_HEADER]: ALICE } }),
    );
    s.network.answer('/field/7', page(doc('Field view · router 7', 'field')));
    const payload = await get(s, '/field/7?_rsc=abc', { headers: { RSC: '1' } });
    expect(await payload!.text()).toBe('0:rsc');
    expect(s.caches.allUrls()).toContain(`${ORIGIN}/field/7`);
    expect(s.caches.allUrls().some((url) => url.includes('_rsc'))).toBe(false);

    // Offline, the payload is refused so that Next loads the page in full (and gets the copy).
    s.network.online = false;
    const refused = await get(s, '/field/7?_rsc=def', { headers: { RSC: '1' } });
    expect(refused!.status).toBe(503);
    expect(await (await load(s, '/field/7'))!.text()).toContain('field');
  });

  it('ignores prefetches and keeps a page loaded before the worker took over when asked', async () => {
    expect(
      s.worker.handle(event('/map?_rsc=1', { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } }).fetchEvent),
    ).toBeNull();
    s.network.answer('/', page(doc('Overview', 'tiles')));
    await s.worker.message({ type: 'keep-page', url: `${ORIGIN}/` });
    await s.worker.message({ type: 'keep-page', url: 'https://elsewhere.example/' });
    expect(s.caches.allUrls()).toContain(`${ORIGIN}/`);
    expect(s.network.requests.map((r) => r.url)).not.toContain('https://elsewhere.example/');
  });

  it('keeps no redirect and no error page', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    s.network.answer('/routers/404', page(doc('Not found', 'x'), ALICE, 404));
    await load(s, '/routers/404');
    expect(s.caches.allUrls()).not.toContain(`${ORIGIN}/routers/404`);
  });

  it('answers build assets from the device first, since their names change with their content', async () => {
    s.network.answer('/_next/static/chunks/a.js', new Response('v1'));
    expect(await (await get(s, '/_next/static/chunks/a.js'))!.text()).toBe('v1');
    s.network.answer('/_next/static/chunks/a.js', new Response('v2'));
    expect(await (await get(s, '/_next/static/chunks/a.js'))!.text()).toBe('v1');
    expect(s.network.requests.filter((r) => r.url.endsWith('/a.js'))).toHaveLength(1);
  });

  it('drops caches of another format on activation and keeps the current ones', async () => {
    await s.caches.open('fleet-shell:v0');
    await s.caches.open(`fleet-pages:v0:${'a'.repeat(32)}:4102444800`);
    await s.caches.open('someone-elses-cache');
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    await s.worker.activate();
    expect((await s.caches.keys()).sort()).toEqual([
      'fleet-pages:v1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:4102444800',
      'fleet-shell:v1',
      'someone-elses-cache',
    ]);
  });

  it('a worker that restarts knows whose copies it holds from the cache names', async () => {
    s.network.answer('/routers/7', page(doc('Router 7', 'x')));
    await load(s, '/routers/7');
    const restarted = new OfflineWorker({
      caches: s.caches.asCacheStorage(),
      fetch: s.network.fetch,
      origin: ORIGIN,
      now: () => s.clock.now,
      pageTimeoutMs: 200,
    });
    s.network.online = false;
    const e = event('/routers/7', { mode: 'navigate', clientId: '' });
    expect((await restarted.handle(e.fetchEvent))!.status).toBe(200);
  });
});
