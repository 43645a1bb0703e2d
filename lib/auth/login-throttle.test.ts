import { describe, expect, it } from 'vitest';
import { clientKeyFromHeaders, LoginThrottle, SHARED_CLIENT_FACTOR, UNKNOWN_CLIENT } from './login-throttle';

const MINUTE = 60_000;

function throttleWithClock(start = 1_000_000) {
  const clock = { now: start };
  const throttle = new LoginThrottle({
    perAccount: { maxFailures: 5, windowMs: 15 * MINUTE },
    perClient: { maxFailures: 20, windowMs: 15 * MINUTE },
    now: () => clock.now,
  });
  return { throttle, clock };
}

describe('LoginThrottle', () => {
  it('locks an account after 5 failures, from any client', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 4; i++) throttle.recordFailure('admin', `10.0.0.${i}`);
    expect(throttle.check('admin', '10.0.0.9')).toEqual({ allowed: true });
    throttle.recordFailure('admin', '10.0.0.4');
    expect(throttle.check('admin', '10.0.0.9')).toEqual({
      allowed: false,
      scope: 'account',
      retryAfterSeconds: 15 * 60,
    });
    expect(throttle.check('viewer', '10.0.0.9').allowed).toBe(true);
  });

  it('locks a client after 20 failures across accounts (password spraying)', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 20; i++) throttle.recordFailure(`user${i}`, '192.0.2.7');
    const verdict = throttle.check('fresh-account', '192.0.2.7');
    expect(verdict).toMatchObject({ allowed: false, scope: 'client' });
    expect(throttle.check('fresh-account', '192.0.2.8').allowed).toBe(true);
  });

  it('unlocks when the oldest failure leaves the window, and reports the remaining wait', () => {
    const { throttle, clock } = throttleWithClock();
    throttle.recordFailure('admin', 'c');
    clock.now += 5 * MINUTE;
    for (let i = 0; i < 4; i++) throttle.recordFailure('admin', 'c');
    expect(throttle.check('admin', 'c')).toMatchObject({ allowed: false, retryAfterSeconds: 10 * 60 });
    clock.now += 10 * MINUTE - 1000;
    expect(throttle.check('admin', 'c')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1000;
    expect(throttle.check('admin', 'c')).toEqual({ allowed: true });
  });

  it('clears the account count on success but keeps the client count', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 4; i++) throttle.recordFailure('admin', 'c');
    throttle.recordSuccess('admin');
    throttle.recordFailure('admin', 'c');
    expect(throttle.check('admin', 'other').allowed).toBe(true);
    for (let i = 0; i < 15; i++) throttle.recordFailure(`u${i}`, 'c');
    expect(throttle.check('someone', 'c')).toMatchObject({ allowed: false, scope: 'client' });
  });

  it('bounds memory by evicting the least recently failed key', () => {
    const throttle = new LoginThrottle({ perAccount: { maxFailures: 1, windowMs: MINUTE }, maxTrackedKeys: 2 });
    throttle.recordFailure('a', 'x');
    throttle.recordFailure('b', 'y');
    throttle.recordFailure('c', 'z');
    expect(throttle.check('a', 'new').allowed).toBe(true);
    expect(throttle.check('c', 'new').allowed).toBe(false);
  });
});

describe('clientKeyFromHeaders', () => {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.9, 198.51.100.4', 'x-real-ip': '203.0.113.9' });

  it('ignores X-Forwarded-For unless TRUST_PROXY=1', () => {
    expect(clientKeyFromHeaders(headers, {})).toBe(UNKNOWN_CLIENT);
    expect(clientKeyFromHeaders(headers, { TRUST_PROXY: 'true' })).toBe(UNKNOWN_CLIENT);
  });

  it('takes the hop our proxy appended (right-most), not the spoofable left-most', () => {
    expect(clientKeyFromHeaders(headers, { TRUST_PROXY: '1' })).toBe('198.51.100.4');
  });

  it('falls back to unknown when the header is missing', () => {
    expect(clientKeyFromHeaders(new Headers(), { TRUST_PROXY: '1' })).toBe(UNKNOWN_CLIENT);
  });

  it('rotating spoofed X-Forwarded-For values share one budget without a trusted proxy', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 20 * SHARED_CLIENT_FACTOR; i++) {
      const spoofed = new Headers({ 'x-forwarded-for': `10.1.${i}.1` });
      throttle.recordFailure(`user${i}`, clientKeyFromHeaders(spoofed, {}));
    }
    const next = clientKeyFromHeaders(new Headers({ 'x-forwarded-for': '10.9.9.9' }), {});
    expect(throttle.check('another', next)).toMatchObject({ allowed: false, scope: 'client' });
  });

  it('without a trusted proxy, 20 typos across the office do not lock everybody out', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 20; i++) throttle.recordFailure(`user${i}`, UNKNOWN_CLIENT);
    expect(throttle.check('someone-else', UNKNOWN_CLIENT)).toEqual({ allowed: true });
    for (let i = 20; i < 20 * SHARED_CLIENT_FACTOR; i++) throttle.recordFailure(`user${i}`, UNKNOWN_CLIENT);
    expect(throttle.check('someone-else', UNKNOWN_CLIENT)).toMatchObject({ allowed: false, scope: 'client' });
  });
});
