import { describe, expect, it } from 'vitest';
import { CircuitBreaker, countsAsOutage } from './circuit-breaker';
import { NcmError } from './errors';
import { ncmRequest } from './http';
import { setupMockNcm } from './test-support/harness';
import { wireRouter } from './test-support/mock-ncm';

function breaker() {
  const clock = { t: 0 };
  const log: string[] = [];
  const circuit = new CircuitBreaker({ threshold: 3, cooldownMs: 10_000, now: () => clock.t, log: (m) => log.push(m) });
  return { circuit, clock, log };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and fails fast with a Retry-After', () => {
    const { circuit, clock, log } = breaker();
    for (let i = 0; i < 3; i++) circuit.failed(circuit.admit().probe, 'HTTP 503');
    expect(circuit.current).toBe('open');
    clock.t = 4_000;
    const err = (() => {
      try {
        circuit.admit();
      } catch (e) {
        return e;
      }
    })() as NcmError;
    expect(err).toBeInstanceOf(NcmError);
    expect(err.status).toBe(503);
    expect(err.retryAfterSeconds).toBe(6);
    expect(log).toEqual(['[ncm] circuit closed → open: 3 consecutive failures, last: HTTP 503']);
  });

  it('a success in between resets the count', () => {
    const { circuit } = breaker();
    circuit.failed(false, 'x');
    circuit.failed(false, 'x');
    circuit.succeeded(false);
    circuit.failed(false, 'x');
    circuit.failed(false, 'x');
    expect(circuit.current).toBe('closed');
  });

  it('after the cool-down lets exactly one probe through; its success closes the circuit', () => {
    const { circuit, clock, log } = breaker();
    for (let i = 0; i < 3; i++) circuit.failed(false, 'timeout');
    clock.t = 10_000;
    const first = circuit.admit();
    expect(first.probe).toBe(true);
    expect(circuit.current).toBe('half-open');
    expect(() => circuit.admit()).toThrow(NcmError);
    circuit.succeeded(first.probe);
    expect(circuit.current).toBe('closed');
    expect(circuit.admit().probe).toBe(false);
    expect(log.slice(1)).toEqual([
      '[ncm] circuit open → half-open: cool-down over; one probe call',
      '[ncm] circuit half-open → closed: NCM answered',
    ]);
  });

  it('a failed probe opens it again for a full cool-down; a released probe lets another try', () => {
    const { circuit, clock } = breaker();
    for (let i = 0; i < 3; i++) circuit.failed(false, 'timeout');
    clock.t = 10_000;
    circuit.released(circuit.admit().probe);
    const probe = circuit.admit();
    expect(probe.probe).toBe(true);
    circuit.failed(probe.probe, 'HTTP 502');
    expect(circuit.current).toBe('open');
    clock.t = 19_999;
    expect(() => circuit.admit()).toThrow(NcmError);
    clock.t = 20_000;
    expect(circuit.admit().probe).toBe(true);
  });

  it('counts outages, not answers that show NCM is up', () => {
    expect([null, 500, 502, 503, 504, 401, 408].every(countsAsOutage)).toBe(true);
    expect([200, 204, 400, 403, 404, 409, 429].some(countsAsOutage)).toBe(false);
  });
});

describe('ncmRequest behind the circuit', () => {
  const h = setupMockNcm();

  it('after 5 failing calls makes no upstream call until the cool-down, then one probe closes it', async () => {
    h.mock.setSequence(Array.from({ length: 10 }, () => ({ status: 503 })));
    for (let i = 0; i < 5; i++) await ncmRequest({ path: ['routers', '1'] }).catch(() => undefined);
    const upstreamCalls = h.mock.requests.length;
    // Each call made its attempts (first try and retries) before the circuit opened.
    expect(upstreamCalls).toBeGreaterThanOrEqual(5);

    const started = performance.now();
    const fast = await ncmRequest({ path: ['routers', '1'] }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(50);
    expect(fast).toBeInstanceOf(NcmError);
    expect((fast as NcmError).status).toBe(503);
    expect((fast as NcmError).retryAfterSeconds).toBeGreaterThan(0);
    expect(h.mock.requests.length).toBe(upstreamCalls);

    h.advance(30_000);
    h.mock.setSequence([{ body: wireRouter('1') }]);
    const probe = await ncmRequest({ path: ['routers', '1'] });
    expect(probe.status).toBe(200);
    expect(h.mock.requests.length).toBe(upstreamCalls + 1);
    h.mock.setSequence([{ body: wireRouter('1') }]);
    await ncmRequest({ path: ['routers', '1'] });
    expect(h.mock.requests.length).toBe(upstreamCalls + 2);
  });

  it('revoked keys (401 on every call) open it too, and the browser never sees a 401', async () => {
    h.mock.setSequence(Array.from({ length: 10 }, () => ({ status: 401 })));
    const errors: NcmError[] = [];
    for (let i = 0; i < 6; i++)
      errors.push((await ncmRequest({ path: ['routers', '1'] }).catch((e: unknown) => e)) as NcmError);
    expect(h.mock.requests).toHaveLength(5);
    expect(errors.every((e) => e instanceof NcmError && e.status !== 401)).toBe(true);
  });

  it('404s do not open it: NCM answered', async () => {
    h.mock.setSequence(Array.from({ length: 8 }, () => ({ status: 404 })));
    for (let i = 0; i < 8; i++) await ncmRequest({ path: ['routers', '1'] }).catch(() => undefined);
    expect(h.mock.requests).toHaveLength(8);
  });
});

describe('circuit settings from the environment', () => {
  it('default to 5 failures and 30 s, and refuse a bad value with a config error naming it', async () => {
    const { ncmBreakerSettings } = await import('./config');
    const saved = { f: process.env.NCM_BREAKER_FAILURES, c: process.env.NCM_BREAKER_COOLDOWN_SECONDS };
    try {
      delete process.env.NCM_BREAKER_FAILURES;
      delete process.env.NCM_BREAKER_COOLDOWN_SECONDS;
      expect(ncmBreakerSettings()).toEqual({ failures: 5, cooldownMs: 30_000 });
      process.env.NCM_BREAKER_COOLDOWN_SECONDS = '0';
      const err = (() => {
        try {
          ncmBreakerSettings();
        } catch (e) {
          return e;
        }
      })() as NcmError;
      expect(err).toBeInstanceOf(NcmError);
      expect(err.kind).toBe('config');
      expect(err.message).toContain('NCM_BREAKER_COOLDOWN_SECONDS');
    } finally {
      for (const [name, value] of [
        ['NCM_BREAKER_FAILURES', saved.f],
        ['NCM_BREAKER_COOLDOWN_SECONDS', saved.c],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
