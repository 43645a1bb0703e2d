/**
 * Shared vitest wiring: a mock NCM and a canary per test file, env pointing at the mock with test
 * keys, a fake clock so backoff never really waits, and a fetch spy that records every outbound URL.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetNcmConfigForTests } from '../config';
import { CircuitBreaker, setNcmCircuit } from '../circuit-breaker';
import { resetNcmHttpDepsForTests, setNcmHttpDepsForTests } from '../http';
import { type MockServer, setNcmEnv, startMockServer, TEST_KEYS } from './mock-ncm';

export interface Harness {
  /** The fake clock's current time (ms); sleeps advance it. */
  now(): number;
  /** Moves the fake clock on without a sleep (e.g. past the circuit's cool-down). */
  advance(ms: number): void;
  mock: MockServer;
  canary: MockServer;
  /** Every sleep the client asked for, in ms. */
  sleeps: number[];
  /** Every URL the client fetched. */
  fetched: URL[];
  base: string;
  /** Re-point the env (keeps the mock as base unless overridden) and drop cached config. */
  env(extra?: Record<string, string>): void;
}

export function setupMockNcm(): Harness {
  const h = { sleeps: [], fetched: [] } as unknown as Harness;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    h.mock = await startMockServer();
    h.canary = await startMockServer();
    h.base = `${h.mock.origin}/api/v2`;
  });
  afterAll(async () => {
    await h.mock.close();
    await h.canary.close();
  });

  beforeEach(() => {
    h.mock.requests.length = 0;
    h.canary.requests.length = 0;
    h.sleeps.length = 0;
    h.fetched.length = 0;
    let clock = Date.now();
    h.env = (extra = {}) => {
      restoreEnv?.();
      restoreEnv = setNcmEnv({ NCM_BASE_URL: h.base, ...TEST_KEYS, ...extra });
      resetNcmConfigForTests();
    };
    h.env();
    h.now = () => clock;
    h.advance = (ms) => {
      clock += ms;
    };
    // A circuit on the same fake clock, quiet, fresh for every test.
    setNcmCircuit(new CircuitBreaker({ now: () => clock, log: () => undefined }));
    setNcmHttpDepsForTests({
      sleep: async (ms) => {
        h.sleeps.push(ms);
        clock += ms;
      },
      random: () => 0.5,
      now: () => clock,
      fetch: (input, init) => {
        h.fetched.push(new URL(String(input)));
        return fetch(input, init);
      },
    });
  });
  afterEach(() => {
    restoreEnv?.();
    restoreEnv = undefined;
    resetNcmConfigForTests();
    resetNcmHttpDepsForTests();
  });
  return h;
}
