/**
 * Attack catalogue, part 3: NCM failing rather than attacking. One test per fault, named by what it
 * checks, through the real NCM client (retries, Retry-After, circuit breaker) and the real shared
 * cache, against a loopback NCM on a fake clock. Slow, hung, reset, malformed and unauthorized
 * upstreams are in catalogue-upstream.test.ts; the UI's degradation is e2e/resilience.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { SwrCache } from '@/lib/cache/swr-cache';
import { CircuitBreaker, setNcmCircuit } from '@/lib/ncm/circuit-breaker';
import { NcmError } from '@/lib/ncm/errors';
import { ncmRequest } from '@/lib/ncm/http';
import { setupMockNcm } from '@/lib/ncm/test-support/harness';
import { wireRouter } from '@/lib/ncm/test-support/mock-ncm';

const h = setupMockNcm();

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as NcmError,
  );

describe('attack catalogue: a failing NCM', () => {
  it('transient 5xx on a read are retried with growing, jittered, capped waits, then succeed', async () => {
    h.mock.setSequence([
      { status: 503 },
      { status: 500, body: 'cp internal error shard-router-3' },
      { body: wireRouter('1') },
    ]);
    const response = await ncmRequest({ path: ['routers', '1'] });
    expect(response.attempts).toBe(3);
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[1]!).toBeGreaterThan(h.sleeps[0]!);
  });

  it('a short Retry-After is waited out by every request; a long one is passed to the browser at once', async () => {
    h.mock.setSequence([{ status: 429, headers: { 'retry-after': '2' } }, { body: wireRouter('1') }]);
    expect((await ncmRequest({ path: ['routers', '1'] })).attempts).toBe(2);
    expect(h.sleeps).toContain(2_000);

    h.advance(10_000);
    h.mock.setSequence([{ status: 429, headers: { 'retry-after': '3600' } }]);
    const err = await fail(ncmRequest({ path: ['routers', '1'] }));
    expect(err?.kind).toBe('rate_limited');
    expect(err?.retryAfterSeconds).toBe(3600);
    // Meanwhile no other request goes to NCM before the time.
    const before = h.mock.requests.length;
    expect((await fail(ncmRequest({ path: ['routers', '2'] })))?.kind).toBe('rate_limited');
    expect(h.mock.requests).toHaveLength(before);
  });

  it('after repeated outages the circuit opens: calls fail fast without reaching NCM, then one probe closes it', async () => {
    setNcmCircuit(new CircuitBreaker({ threshold: 3, cooldownMs: 30_000, now: () => h.now(), log: () => undefined }));
    h.env({ NCM_MAX_RETRIES: '0' });
    h.mock.setSequence([{ status: 503 }]);
    for (let i = 0; i < 3; i++) await fail(ncmRequest({ path: ['routers', '1'] }));
    const reached = h.mock.requests.length;
    const err = await fail(ncmRequest({ path: ['routers', '1'] }));
    expect(err?.status).toBe(503);
    expect(h.mock.requests).toHaveLength(reached);
    h.advance(30_000);
    h.mock.setSequence([{ body: wireRouter('1') }]);
    expect((await ncmRequest({ path: ['routers', '1'] })).status).toBe(200);
    expect((await ncmRequest({ path: ['routers', '1'] })).status).toBe(200);
    expect(h.mock.requests).toHaveLength(reached + 2);
  });

  it('fifty identical reads at once cost NCM one call, and a failure reaches all fifty uncached', async () => {
    const cache = new SwrCache<unknown>({ freshMs: 60_000, maxStaleMs: 600_000 });
    h.mock.setSequence([{ delayMs: 50, body: wireRouter('1') }]);
    const load = async () => (await ncmRequest({ path: ['routers', '1'] })).body;
    const hits = await Promise.all(Array.from({ length: 50 }, () => cache.get('router-1', load)));
    expect(h.mock.requests).toHaveLength(1);
    expect(new Set(hits.map((hit) => JSON.stringify(hit.value))).size).toBe(1);

    h.env({ NCM_MAX_RETRIES: '0' });
    h.mock.setSequence([{ delayMs: 50, status: 404 }]);
    const failures = await Promise.all(Array.from({ length: 50 }, () => fail(cache.get('router-2', load))));
    expect(failures.every((e) => e?.kind === 'not_found')).toBe(true);
    h.mock.setSequence([{ body: wireRouter('2') }]);
    expect((await cache.get('router-2', load)).value).toMatchObject({ id: '2' });
  });

  it('while NCM fails, the last data is served marked stale, until the stale limit', async () => {
    let now = 0;
    const cache = new SwrCache<string>({ freshMs: 1_000, maxStaleMs: 10_000, now: () => now });
    expect((await cache.get('k', async () => 'fresh')).value).toBe('fresh');
    now = 5_000;
    const outage = async () => {
      throw new NcmError('upstream_error', 'down');
    };
    expect(await cache.get('k', outage)).toMatchObject({ value: 'fresh', stale: true });
    now = 20_000;
    await expect(cache.get('k', outage)).rejects.toBeInstanceOf(NcmError);
  });
});
