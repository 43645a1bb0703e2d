/**
 * Starts the NCM simulator for the benchmarks in a child process, so it has its own core the way real
 * NCM is another machine: in-process, its single-threaded record building (≈0.4 ms per router record)
 * would be charged to our sync. It serves its demo key sets; stats and faults go through its /_sim
 * control API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_KEY_SETS } from '../simulator/keys';

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

const simulatorMain = () => join(root, 'lib', 'simulator', 'main.ts');

export async function startSimulator(options: SimOptions): Promise<BenchSimulator> {
  const args = [
    '--import',
    'tsx',
    simulatorMain(),
    '--port',
    String(options.port ?? 0),
    '--routers',
    String(options.routers),
    '--seed',
    String(options.seed ?? 42),
    '--control',
  ];
  if (options.rateLimitPerMinute !== undefined) args.push('--rate-limit', String(options.rateLimitPerMinute));
  // The simulator then serves its demo key sets, whose Administrator set the bench uses.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SIMULATOR_FAULTS: options.faults ? JSON.stringify(options.faults) : '',
  };
  delete env.SIMULATOR_KEYS;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const banner = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/listening on \S+\n/.test(out)) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(out);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
  });
  const baseUrl = /listening on (\S+)/.exec(banner)![1]!;
  const origin = new URL(baseUrl).origin;
  return {
    baseUrl,
    port: Number(new URL(baseUrl).port),
    keys: DEMO_KEY_SETS[0]!,
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
