import { describe, expect, it } from 'vitest';
import { clientKeyFromHeaders, LoginThrottle, UNKNOWN_CLIENT } from './login-throttle';

const MINUTE = 60_000;

function throttleWithClock(start = 1_000_000) {
  const clock = { now: start };
  const throttle = new LoginThrottle({ now: () => clock.now });
  return { throttle, clock };
}

const anonymous = (account: string) => ({ account, address: UNKNOWN_CLIENT });

describe('LoginThrottle', () => {
  it('doubles the wait of an (account, client) pair with each failure past the free ones, up to its cap', () => {
    const { throttle, clock } = throttleWithClock();
    const pair = { account: 'admin', address: 'ip:192.0.2.7' };
    for (let i = 0; i < 5; i++) throttle.recordFailure(pair);
    expect(throttle.check(pair)).toEqual({ allowed: true, delayMs: 0 });
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      throttle.recordFailure(pair);
      const verdict = throttle.check(pair);
      expect(verdict.allowed).toBe(false);
      if (!verdict.allowed) waits.push(verdict.retryAfterSeconds);
      clock.now += 1000 * (verdict.allowed ? 0 : verdict.retryAfterSeconds);
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(15 * 60);
  });

  it('waits on one client do not touch the same account from another client', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 20; i++) throttle.recordFailure({ account: 'admin', address: 'ip:192.0.2.7' });
    expect(throttle.check({ account: 'admin', address: 'ip:192.0.2.7' }).allowed).toBe(false);
    expect(throttle.check({ account: 'admin', address: 'ip:198.51.100.4' }).allowed).toBe(true);
  });

  it('an account hammered by unidentified clients is slowed down, never locked for long', () => {
    const { throttle, clock } = throttleWithClock();
    for (let i = 0; i < 200; i++) throttle.recordFailure(anonymous('admin'));
    const verdict = throttle.check(anonymous('admin'));
    expect(verdict).toMatchObject({ allowed: false, scope: 'pair' });
    expect(verdict.allowed === false && verdict.retryAfterSeconds).toBeLessThanOrEqual(30);
    clock.now += 30_000;
    expect(throttle.check(anonymous('admin')).allowed).toBe(true);
  });

  it('a browser that signed in to the account before is not held back by failures from elsewhere', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 200; i++) throttle.recordFailure(anonymous('admin'));
    expect(throttle.check(anonymous('admin')).allowed).toBe(false);
    expect(throttle.check({ account: 'admin', address: UNKNOWN_CLIENT, device: 'dev-1' }).allowed).toBe(true);
  });

  it('a flood of random usernames delays everyone a little and refuses no one', () => {
    const { throttle } = throttleWithClock();
    // The probe that found the defect: ~190 failures with random usernames from one client.
    for (let i = 0; i < 190; i++) throttle.recordFailure(anonymous(`random-${i}`));
    const verdict = throttle.check(anonymous('admin'));
    expect(verdict.allowed).toBe(true);
    expect(verdict.allowed && verdict.delayMs).toBeGreaterThan(0);
    expect(verdict.allowed && verdict.delayMs).toBeLessThanOrEqual(5_000);
  });

  it('the global delay goes away as the budget refills', () => {
    const { throttle, clock } = throttleWithClock();
    for (let i = 0; i < 100; i++) throttle.recordFailure(anonymous(`u${i}`));
    expect(throttle.check(anonymous('admin'))).toMatchObject({ allowed: true, delayMs: 1_000 });
    clock.now += 2 * MINUTE;
    expect(throttle.check(anonymous('admin'))).toEqual({ allowed: true, delayMs: 0 });
  });

  it('stops one trusted client address spraying passwords across accounts', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 50; i++) throttle.recordFailure({ account: `user${i}`, address: 'ip:192.0.2.7' });
    expect(throttle.check({ account: 'fresh', address: 'ip:192.0.2.7' })).toMatchObject({
      allowed: false,
      scope: 'client',
    });
    expect(throttle.check({ account: 'fresh', address: 'ip:192.0.2.8' }).allowed).toBe(true);
  });

  it('clears only the pair on success, not the client address count', () => {
    const { throttle } = throttleWithClock();
    const pair = { account: 'admin', address: 'ip:c' };
    for (let i = 0; i < 8; i++) throttle.recordFailure(pair);
    throttle.recordSuccess(pair);
    expect(throttle.check(pair).allowed).toBe(true);
    for (let i = 0; i < 42; i++) throttle.recordFailure({ account: `u${i}`, address: 'ip:c' });
    expect(throttle.check({ account: 'someone', address: 'ip:c' })).toMatchObject({ allowed: false, scope: 'client' });
  });

  it('forgets a pair after a quiet period', () => {
    const { throttle, clock } = throttleWithClock();
    for (let i = 0; i < 9; i++) throttle.recordFailure(anonymous('admin'));
    clock.now += 16 * MINUTE;
    throttle.recordFailure(anonymous('admin'));
    expect(throttle.check(anonymous('admin')).allowed).toBe(true);
  });

  it('bounds memory by evicting the least recently failed key', () => {
    const throttle = new LoginThrottle({
      identified: { freeFailures: 0, baseMs: MINUTE, capMs: MINUTE, forgetAfterMs: MINUTE },
      maxTrackedKeys: 2,
    });
    throttle.recordFailure({ account: 'a', address: 'ip:x' });
    throttle.recordFailure({ account: 'b', address: 'ip:y' });
    throttle.recordFailure({ account: 'c', address: 'ip:z' });
    expect(throttle.check({ account: 'a', address: 'ip:x' }).allowed).toBe(true);
    expect(throttle.check({ account: 'c', address: 'ip:z' }).allowed).toBe(false);
  });
});

describe('clientKeyFromHeaders', () => {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.9, 198.51.100.4', 'x-real-ip': '203.0.113.9' });

  it('ignores X-Forwarded-For unless TRUST_PROXY=1', () => {
    expect(clientKeyFromHeaders(headers, {})).toBe(UNKNOWN_CLIENT);
    // Anything but 1 or 0 is a mistake that stops start-up rather than being read as either.
    expect(() => clientKeyFromHeaders(headers, { TRUST_PROXY: 'true' })).toThrow(/^TRUST_PROXY/);
  });

  it('takes the hop our proxy appended (right-most), not the spoofable left-most', () => {
    expect(clientKeyFromHeaders(headers, { TRUST_PROXY: '1' })).toBe('ip:198.51.100.4');
  });

  it('falls back to unknown when the header is missing', () => {
    expect(clientKeyFromHeaders(new Headers(), { TRUST_PROXY: '1' })).toBe(UNKNOWN_CLIENT);
  });

  it('rotating spoofed X-Forwarded-For values cannot buy fresh budgets without a trusted proxy', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 30; i++) {
      const spoofed = new Headers({ 'x-forwarded-for': `10.1.${i}.1` });
      throttle.recordFailure({ account: 'admin', address: clientKeyFromHeaders(spoofed, {}) });
    }
    const next = clientKeyFromHeaders(new Headers({ 'x-forwarded-for': '10.9.9.9' }), {});
    expect(throttle.check({ account: 'admin', address: next })).toMatchObject({ allowed: false, scope: 'pair' });
  });
});
