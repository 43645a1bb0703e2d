/**
 * Starts the NCM simulator for the benchmarks in a child process, so it has its own core the way real
 * NCM is another machine: in-process, its single-threaded record building (≈0.4 ms per router record)
 * would be charged to our sync. It lives in lib/simulator once merged; until then the main checkout's
 * copy is used (FLEET_SIMULATOR_PATH overrides). Stats and faults go through its /_sim control API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SimFaults {
  latencyMs?: number;
  latencyJitterMs?: number;
}

export interface SimKeys {
  cpApiId: string;
  cpApiKey: string;
  ecmApiId: string;
  ecmApiKey: string;
}

export interface SimStats {
  requests: number;
  byPath: Record<string, number>;
  status: Record<string, number>;
}

export interface BenchSimulator {
  baseUrl: string;
  port: number;
  keys: SimKeys;
  stats(): Promise<SimStats>;
  close(): Promise<void>;
}

export interface SimOptions {
  routers: number;
  seed?: number;
  rateLimitPerMinute?: number;
  faults?: SimFaults;
  /** Listening port; 0 (the default) picks a free one. */
  port?: number;
}

const root = join(__dirname, '..', '..');

function simulatorMain(): string {
  const candidates = [process.env.FLEET_SIMULATOR_PATH, join(root, 'lib/simulator/index.ts'), join(root, '..', 'main/lib/simulator/index.ts')];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return join(dirname(candidate), 'main.ts');
  }
  throw new Error('NCM simulator not found: set FLEET_SIMULATOR_PATH to lib/simulator/index.ts');
}

export async function startSimulator(options: SimOptions): Promise<BenchSimulator> {
  const args = ['--import', 'tsx', simulatorMain(), '--port', String(options.port ?? 0), '--routers', String(options.routers), '--seed', String(options.seed ?? 42), '--control'];
  if (options.rateLimitPerMinute !== undefined) args.push('--rate-limit', String(options.rateLimitPerMinute));
  const env = { ...process.env, SIMULATOR_FAULTS: options.faults ? JSON.stringify(options.faults) : '' };
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const banner = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/X-ECM-API-KEY=\S+/.test(out)) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(out);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
  });
  const value = (name: string) => new RegExp(`^${name}=(\\S+)$`, 'm').exec(banner)?.[1] ?? '';
  const baseUrl = /listening on (\S+)/.exec(banner)![1]!;
  const origin = new URL(baseUrl).origin;
  return {
    baseUrl,
    port: Number(new URL(baseUrl).port),
    keys: { cpApiId: value('X-CP-API-ID'), cpApiKey: value('X-CP-API-KEY'), ecmApiId: value('X-ECM-API-ID'), ecmApiKey: value('X-ECM-API-KEY') },
    async stats() {
      return (await (await fetch(`${origin}/_sim/stats`)).json()) as SimStats;
    },
    close() {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
