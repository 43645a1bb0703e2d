/** Fault injection decisions, drawn from a seeded PRNG so a failing run can be replayed. */
import { mulberry32 } from '../fleet/hash';
import type { FaultConfig } from '../types';

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'rateLimit' }
  | { kind: 'error'; status: number }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'malformed' };

export class FaultInjector {
  private config: FaultConfig = {};
  private pathRe: RegExp | null = null;
  private readonly random: () => number;

  constructor(seed: number, initial: FaultConfig | undefined) {
    this.random = mulberry32(seed ^ 0x5eed);
    this.set(initial ?? {});
  }

  set(config: FaultConfig): void {
    this.pathRe = config.paths ? new RegExp(config.paths) : null;
    this.config = { ...config };
  }

  get(): FaultConfig {
    return { ...this.config };
  }

  applies(path: string): boolean {
    return this.pathRe === null || this.pathRe.test(path);
  }

  latencyMs(path: string): number {
    const c = this.config;
    if (!this.applies(path) || (!c.latencyMs && !c.latencyJitterMs)) return 0;
    return (c.latencyMs ?? 0) + (c.latencyJitterMs ? this.random() * c.latencyJitterMs : 0);
  }

  decide(path: string): FaultAction {
    const c = this.config;
    if (!this.applies(path)) return { kind: 'none' };
    if (c.rateLimitStorm) return { kind: 'rateLimit' };
    if (c.hangRate && this.random() < c.hangRate) return { kind: 'hang' };
    if (c.errorRate && this.random() < c.errorRate) {
      const statuses = c.errorStatuses?.length ? c.errorStatuses : [500, 503];
      return { kind: 'error', status: statuses[Math.floor(this.random() * statuses.length)]! };
    }
    if (c.truncateRate && this.random() < c.truncateRate) return { kind: 'truncate' };
    if (c.malformedRate && this.random() < c.malformedRate) return { kind: 'malformed' };
    return { kind: 'none' };
  }
}
