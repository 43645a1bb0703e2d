/** Public types of the simulator (re-exported by index.ts). */
export type SimRole = 'Administrator' | 'Full Access' | 'Read Only' | 'Diagnostic';

export interface SimKeySet {
  cpApiId: string;
  cpApiKey: string;
  ecmApiId: string;
  ecmApiKey: string;
  role: SimRole;
}

export interface FaultConfig {
  latencyMs?: number;
  latencyJitterMs?: number;
  /** 0..1 */
  errorRate?: number;
  /** default [500, 503]; 500 answers with "cp internal error shard-router-3" */
  errorStatuses?: number[];
  /** every call answers 429 */
  rateLimitStorm?: boolean;
  /** fraction of calls that never answer */
  hangRate?: number;
  /** fraction answered with a Content-Length larger than what is sent, then a reset */
  truncateRate?: number;
  /** fraction answered with invalid JSON */
  malformedRate?: number;
  /** regex; faults apply only to matching paths */
  paths?: string;
}

export interface SimulatorOptions {
  /** 0 = ephemeral */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default 1000 */
  routers?: number;
  /** default 42 */
  seed?: number;
  keySets?: SimKeySet[];
  /** default 500 */
  rateLimitPerMinute?: number;
  faults?: FaultConfig;
  controlEnabled?: boolean;
  /** ms clock, default Date.now */
  now?: () => number;
  /** push-delivery tick, default 5000 */
  alertIntervalMs?: number;
}

export interface SimStats {
  requests: number;
  byPath: Record<string, number>;
  status: Record<string, number>;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT/api/v2 */
  baseUrl: string;
  port: number;
  keySets: SimKeySet[];
  close(): Promise<void>;
  setFaults(f: FaultConfig): void;
  stats(): SimStats;
}
