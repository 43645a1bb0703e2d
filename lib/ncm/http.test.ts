import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from './backoff';
import { NcmError } from './errors';
import { ncmRequest, NCM_USER_AGENT } from './http';
import { readCappedText } from './read-body';
import type { NcmPath } from './request-url';
import { setupMockNcm } from './test-support/harness';
import { TEST_KEYS, wireRouter } from './test-support/mock-ncm';

const h = setupMockNcm();

async function expectNcmError(promise: Promise<unknown>): Promise<NcmError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NcmError);
  return err as NcmError;
}

/** Headers Node's fetch adds on its own; everything else must be ours. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'accept-language',
  'sec-fetch-mode',
]);

function appHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)));
}

describe('outbound headers', () => {
  it('sends exactly Accept, User-Agent and the four keys on a GET', async () => {
    h.mock.setSequence([{ body: wireRouter('1') }]);
    await ncmRequest({ path: ['routers', '1'] });
    expect(appHeaders(h.mock.requests[0]!.headers)).toEqual({
      accept: 'application/json',
      'user-agent': NCM_USER_AGENT,
      'x-cp-api-id': TEST_KEYS.NCM_CP_API_ID,
      'x-cp-api-key': TEST_KEYS.NCM_CP_API_KEY,
      'x-ecm-api-id': TEST_KEYS.NCM_ECM_API_ID,
      'x-ecm-api-key': TEST_KEYS.NCM_ECM_API_KEY,
    });
  });

  it('adds only Content-Type on a write and ignores any smuggled headers option', async () => {
    h.mock.setSequence([{ body: wireRouter('1') }]);
    const smuggled = {
      method: 'PATCH',
      path: ['routers', '1'],
      body: { name: 'x' },
      headers: {
        cookie: 'session=abc',
        authorization: 'Bearer x',
        'x-cp-api-id': 'attacker',
        'x-forwarded-for': '1.2.3.4',
      },
    } as Parameters<typeof ncmRequest>[0];
    await ncmRequest(smuggled);
    const headers = appHeaders(h.mock.requests[0]!.headers);
    expect(Object.keys(headers).sort()).toEqual(
      ['accept', 'content-type', 'user-agent', 'x-cp-api-id', 'x-cp-api-key', 'x-ecm-api-id', 'x-ecm-api-key'].sort(),
    );
    expect(headers['x-cp-api-id']).toBe(TEST_KEYS.NCM_CP_API_ID);
    expect(headers['content-type']).toBe('application/json');
  });

  it('only ever fetches the configured origin', async () => {
    h.mock.setSequence([{ body: wireRouter('1') }]);
    await ncmRequest({ path: ['routers', '1'] });
    expect(h.fetched.map((u) => u.origin)).toEqual([h.mock.origin]);
    expect(h.canary.requests).toHaveLength(0);
  });
});

describe('URL building', () => {
  it.each([['..'], ['%2e%2e'], ['a/b'], [''], ['//canary'], ['\\\\canary'], ['1?x=1'], ['http:']])(
    'refuses path segment %j without a request',
    async (segment) => {
      const err = await expectNcmError(ncmRequest({ path: ['routers', segment] }));
      expect(err.kind).toBe('bad_request');
      expect(h.mock.requests).toHaveLength(0);
    },
  );

  it('refuses a resource outside the allowlist', async () => {
    const err = await expectNcmError(ncmRequest({ path: ['api_keys'] as unknown as NcmPath }));
    expect(err.kind).toBe('bad_request');
    expect(h.mock.requests).toHaveLength(0);
  });

  it('refuses CRLF in query values and odd query names', async () => {
    expect((await expectNcmError(ncmRequest({ path: ['routers'], query: { name: 'a\r\nX-Injected: 1' } }))).kind).toBe(
      'bad_request',
    );
    expect((await expectNcmError(ncmRequest({ path: ['routers'], query: { __proto__x: '1' } }))).kind).toBe(
      'bad_request',
    );
    expect(h.mock.requests).toHaveLength(0);
  });

  it('always adds the trailing slash and encodes lists as one comma value', async () => {
    h.mock.setSequence([{ body: { data: [], meta: { limit: 1, offset: 0, next: null, previous: null } } }]);
    await ncmRequest({ path: ['routers'], query: { id__in: ['1', '2'], created_at__gt: '2026-01-01T00:00:00+00:00' } });
    const url = new URL(h.mock.requests[0]!.url, h.mock.origin);
    expect(url.pathname).toBe('/api/v2/routers/');
    expect(url.searchParams.getAll('id__in')).toEqual(['1,2']);
    expect(url.searchParams.get('created_at__gt')).toBe('2026-01-01T00:00:00+00:00');
    expect(h.mock.requests[0]!.url).toContain('%2B00%3A00');
  });

  it('refuses an __in list longer than 100 on a single request', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => String(i));
    expect((await expectNcmError(ncmRequest({ path: ['routers'], query: { id__in: ids } }))).kind).toBe('bad_request');
  });
});

describe('retries', () => {
  it('retries a GET through 503, 502 to 200 with jittered, growing backoff', async () => {
    h.mock.setSequence([{ status: 503 }, { status: 502 }, { body: wireRouter('1') }]);
    const res = await ncmRequest({ path: ['routers', '1'] });
    expect(res.attempts).toBe(3);
    expect(h.mock.requests).toHaveLength(3);
    expect(h.sleeps).toEqual([125, 250]); // random() = 0.5 of 250·2^n
    for (const ms of h.sleeps) expect(ms).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });

  it('retries the shard-router 500', async () => {
    h.mock.setSequence([{ status: 500, body: 'cp internal error shard-router-3' }, { body: wireRouter('1') }]);
    const res = await ncmRequest({ path: ['routers', '1'] });
    expect(res.attempts).toBe(2);
  });

  it('gives up after maxRetries and reports the attempt count', async () => {
    h.mock.setSequence([{ status: 503 }]);
    const err = await expectNcmError(ncmRequest({ path: ['routers', '1'] }));
    expect(h.mock.requests).toHaveLength(4);
    expect(err.kind).toBe('upstream_error');
    expect(err.status).toBe(503);
    expect(err.detail.attempts).toBe(4);
  });

  it('never retries a PATCH (exactly one call) and says the outcome is unknown', async () => {
    h.mock.setSequence([{ status: 503 }, { body: wireRouter('1') }]);
    const err = await expectNcmError(ncmRequest({ method: 'PATCH', path: ['routers', '1'], body: { name: 'x' } }));
    expect(h.mock.requests).toHaveLength(1);
    expect(err.status).toBe(503);
    expect(err.safeMessage).toMatch(/refresh/i);
  });

  it('retries network errors on GETs, then reports unreachable', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}/api/v2`;
    h.env({ NCM_BASE_URL: dead, NCM_MAX_RETRIES: '2' });
    const err = await expectNcmError(ncmRequest({ path: ['routers'] }));
    expect(err.kind).toBe('unreachable');
    expect(err.status).toBe(502);
    expect(h.fetched).toHaveLength(3);
  });
});

async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Retry-After', () => {
  it('honours delta-seconds', async () => {
    h.mock.setSequence([{ status: 429, headers: { 'retry-after': '2' } }, { body: wireRouter('1') }]);
    await ncmRequest({ path: ['routers', '1'] });
    expect(h.sleeps).toEqual([2000]);
  });

  it('honours an HTTP-date', async () => {
    h.mock.setSequence([
      { status: 503, headers: { 'retry-after': new Date(Date.now() + 3000).toUTCString() } },
      { body: wireRouter('1') },
    ]);
    await ncmRequest({ path: ['routers', '1'] });
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThan(1000);
    expect(h.sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it('fails fast on a long Retry-After, and keeps other requests off NCM meanwhile', async () => {
    h.mock.setSequence([{ status: 429, headers: { 'retry-after': '3600' } }]);
    const err = await expectNcmError(ncmRequest({ path: ['routers'] }));
    expect(err.kind).toBe('rate_limited');
    expect(err.status).toBe(503);
    expect(err.retryAfterSeconds).toBe(3600);
    expect(h.mock.requests).toHaveLength(1);
    const second = await expectNcmError(ncmRequest({ path: ['groups'] }));
    expect(second.kind).toBe('rate_limited');
    expect(h.mock.requests).toHaveLength(1);
  });
});

describe('timeouts and redirects', () => {
  it('times out a slow upstream as kind timeout / 504, without retrying', async () => {
    h.env({ NCM_TIMEOUT_MS: '150' });
    h.mock.setSequence([{ delayMs: 1500, body: wireRouter('1') }]);
    const err = await expectNcmError(ncmRequest({ path: ['routers', '1'] }));
    expect(err.kind).toBe('timeout');
    expect(err.status).toBe(504);
    expect(h.mock.requests).toHaveLength(1);
  });

  it.each([301, 302, 307, 308])('refuses a %i redirect and never contacts the Location', async (status) => {
    h.mock.setSequence([{ status, headers: { location: `${h.canary.origin}/steal` } }]);
    const err = await expectNcmError(ncmRequest({ path: ['routers'] }));
    expect(err.kind).toBe('redirect_refused');
    expect(err.status).toBe(502);
    expect(h.mock.requests).toHaveLength(1);
    expect(h.canary.requests).toHaveLength(0);
  });

  it('refuses a redirect on a write too', async () => {
    h.mock.setSequence([{ status: 307, headers: { location: `${h.canary.origin}/steal` } }]);
    const err = await expectNcmError(ncmRequest({ method: 'PUT', path: ['routers', '1'], body: { name: 'x' } }));
    expect(err.kind).toBe('redirect_refused');
    expect(h.canary.requests).toHaveLength(0);
  });
});

describe('upstream status mapping', () => {
  it('maps NCM 401 to upstream_auth with BFF status 502, not retried', async () => {
    h.mock.setSequence([
      { status: 401, body: { exception: 'unauthorized', message: `bad key ${TEST_KEYS.NCM_CP_API_KEY}` } },
    ]);
    const err = await expectNcmError(ncmRequest({ path: ['routers'] }));
    expect(err.kind).toBe('upstream_auth');
    expect(err.status).toBe(502);
    expect(err.upstreamStatus).toBe(401);
    expect(h.mock.requests).toHaveLength(1);
    expect(`${err.message} ${err.safeMessage}`).not.toContain(TEST_KEYS.NCM_CP_API_KEY);
  });

  it('maps NCM 403 to forbidden with 502, and 404 to not_found', async () => {
    h.mock.setSequence([{ status: 403 }]);
    expect(await expectNcmError(ncmRequest({ path: ['routers'] }))).toMatchObject({ kind: 'forbidden', status: 502 });
    h.mock.setSequence([{ status: 404 }]);
    expect(await expectNcmError(ncmRequest({ path: ['routers', '9'] }))).toMatchObject({
      kind: 'not_found',
      status: 404,
    });
  });
});

describe('bodies', () => {
  it.each([
    ['invalid JSON', '{"data": ['],
    ['an HTML maintenance page', '<html><body>Maintenance</body></html>'],
  ])('turns %s into bad_upstream / 502', async (_label, body) => {
    h.mock.setSequence([{ body, headers: { 'content-type': 'text/html' } }]);
    const err = await expectNcmError(ncmRequest({ path: ['routers', '1'] }));
    expect(err).toMatchObject({ kind: 'bad_upstream', status: 502 });
  });

  it('turns a truncated body into bad_upstream', async () => {
    h.mock.setSequence([
      { body: { data: Array.from({ length: 50 }, (_, i) => wireRouter(String(i))) }, truncateAfterBytes: 100 },
    ]);
    const err = await expectNcmError(ncmRequest({ path: ['routers'] }));
    expect(err.kind).toBe('bad_upstream');
  });

  it('caps the body size before parsing', async () => {
    const big = new Response('x'.repeat(5000));
    await expect(readCappedText(big, 1000)).rejects.toMatchObject({ kind: 'bad_upstream' });
    const declared = new Response('small', { headers: { 'content-length': '999999999' } });
    await expect(readCappedText(declared, 1000)).rejects.toMatchObject({ kind: 'bad_upstream' });
  });

  it('returns null for an empty 204', async () => {
    h.mock.setSequence([{ status: 204 }]);
    const res = await ncmRequest({ method: 'DELETE', path: ['routers', '1'] });
    expect(res.body).toBeNull();
  });
});
