/**
 * A second instance of the built dashboard, for specs that need settings the main one does not have
 * (settings are read once at start-up). It talks to the same simulator with the same keys and users,
 * keeps its own store, and is stopped by the spec that started it.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { NCM_KEYS, SIMULATOR_URL, USERS_FILE } from './test-env';

export interface SecondApp {
  url: string;
  /** Everything it printed so far. */
  log(): string;
  stop(): void;
}

export async function startSecondApp(options: {
  port: number;
  /** Its store file, emptied first. */
  storePath: string;
  /** Settings on top of the shared ones (the simulator, keys, users, a raised call budget). */
  env: Record<string, string>;
  /** Names the instance in the message when it does not come up. */
  label: string;
}): Promise<SecondApp> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.storePath}${suffix}`, { force: true });
  const url = `http://127.0.0.1:${options.port}`;
  let output = '';
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(options.port)],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NCM_BASE_URL: `${SIMULATOR_URL}/api/v2`,
        NCM_CP_API_ID: NCM_KEYS.cpApiId,
        NCM_CP_API_KEY: NCM_KEYS.cpApiKey,
        NCM_ECM_API_ID: NCM_KEYS.ecmApiId,
        NCM_ECM_API_KEY: NCM_KEYS.ecmApiKey,
        NCM_CALLS_PER_MINUTE: '1200',
        USERS_FILE,
        STORE_PATH: options.storePath,
        ...options.env,
      },
      stdio: 'pipe',
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while ((await fetch(`${url}/login`).catch(() => null))?.status !== 200) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGTERM');
      throw new Error(`the ${options.label} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, log: () => output, stop: () => child.kill('SIGTERM') };
}
