import 'server-only';
/**
 * A circuit breaker in front of NCM. After `threshold` consecutive failures that
 * say NCM itself is in trouble (no answer, a timeout, a 5xx, a 401 for our keys), calls fail at once
 * for `cooldownMs` instead of each waiting out its own timeout and spending budget: pages show their
 * last data with the "as of" banner straight away. Then one call is let through as a probe; its
 * success closes the circuit, its failure opens it again. Answers that show NCM is up (2xx, 404, 400,
 * a 403 for one resource, a 429 that the back-off handles) reset the count.
 *
 * One per process (lib/process-state.ts): Next loads this module once per bundle.
 */
import { processSingleton, replaceProcessSingleton } from '@/lib/process-state';
import { ncmBreakerSettings } from './config';
import { NcmError } from './errors';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  threshold?: number;
  cooldownMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  /** The last failure was NCM refusing our keys (a 401), not NCM being down. */
  private refusedKeys = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.threshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.error(message));
  }

  get current(): CircuitState {
    return this.state;
  }

  /**
   * Before a call: throws while the circuit is open (and while a probe is out), otherwise admits it.
   * Returns whether this call is the half-open probe.
   */
  admit(): { probe: boolean } {
    if (this.state === 'closed') return { probe: false };
    const remaining = this.openedAt + this.cooldownMs - this.now();
    if (this.state === 'open' && remaining <= 0) {
      this.transition('half-open', 'cool-down over; one probe call');
    }
    if (this.state === 'half-open' && !this.probing) {
      this.probing = true;
      return { probe: true };
    }
    throw new NcmError(this.refusedKeys ? 'upstream_auth' : 'upstream_error', 'NCM circuit open: call not attempted', {
      status: 503,
      retryAfterSeconds: Math.max(1, Math.ceil(Math.max(remaining, 1_000) / 1000)),
      safeMessage: this.refusedKeys
        ? 'NetCloud Manager refused the dashboard\u2019s API keys; showing the last data we have. Retrying shortly.'
        : 'NetCloud Manager is not answering; showing the last data we have. Retrying shortly.',
    });
  }

  /** After a call that showed NCM is up. */
  succeeded(probe: boolean): void {
    if (probe) this.probing = false;
    this.failures = 0;
    this.refusedKeys = false;
    if (this.state !== 'closed') this.transition('closed', 'NCM answered');
  }

  /** After a call that showed NCM in trouble; `refusedKeys` when it was NCM refusing our keys (401). */
  failed(probe: boolean, reason: string, refusedKeys = false): void {
    if (probe) this.probing = false;
    this.failures++;
    this.refusedKeys = refusedKeys;
    if (this.state === 'half-open' || (this.state === 'closed' && this.failures >= this.threshold)) {
      this.openedAt = this.now();
      this.transition('open', `${this.failures} consecutive failures, last: ${reason}`);
    }
  }

  /** A probe that ended without telling us anything (the caller went away): let another try. */
  released(probe: boolean): void {
    if (probe) this.probing = false;
  }

  private transition(to: CircuitState, why: string): void {
    if (this.state === to) return;
    this.log(`[ncm] circuit ${this.state} → ${to}: ${why}`);
    this.state = to;
  }
}

/** Whether an upstream answer (status) or failure says NCM itself is in trouble. */
export function countsAsOutage(status: number | null): boolean {
  if (status === null) return true; // no answer at all: network error or timeout
  return status >= 500 || status === 401 || status === 408;
}

export function getNcmCircuit(): CircuitBreaker {
  return processSingleton('ncm-circuit', () => {
    const { failures, cooldownMs } = ncmBreakerSettings();
    return new CircuitBreaker({ threshold: failures, cooldownMs });
  });
}

/** Replaces the process circuit (tests); `undefined` re-reads the env on next use. */
export function setNcmCircuit(circuit: CircuitBreaker | undefined): void {
  replaceProcessSingleton('ncm-circuit', circuit);
}
