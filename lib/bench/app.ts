/**
 * The production app for the browser benchmarks (#4, #5) and the mixed workload (#11): makes sure
 * `.next` holds a build of the current sources, then runs the NCM simulator and `next start` side by
 * side, with a bench user. Ports come from the options, else PORT / SIMULATOR_PORT (defaults 3350 / 8850).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { type BenchSimulator, startSimulator } from './simulator';
import { sleep } from './stats';

export const ROOT = join(__dirname, '..', '..');
const REPORTS = join(ROOT, 'reports');

/** Newest modification time of the files the production build is made from (tests and the bench aside). */
function newestSourceMtime(): { mtime: number; file: string } {
  let newest = { mtime: 0, file: '' };
  const visit = (path: string) => {
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(path, name));
      }
      return;
    }
    if (/\.test\.tsx?$/.test(path)) return;
    if (st.mtimeMs > newest.mtime) newest = { mtime: st.mtimeMs, file: path };
  };
  for (const dir of ['app', 'components', 'lib', 'public']) {
    const full = join(ROOT, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) {
      // The bench, the simulator and the demo launcher are not part of the Next build.
      if (dir === 'lib' && ['bench', 'simulator', 'demo', 'testing'].includes(name)) continue;
      visit(join(full, name));
    }
  }
  for (const file of ['next.config.js', 'package.json', 'package-lock.json', 'proxy.ts', 'tsconfig.json']) {
    const full = join(ROOT, file);
    if (existsSync(full)) {
      const m = statSync(full).mtimeMs;
      if (m > newest.mtime) newest = { mtime: m, file: full };
    }
  }
  return newest;
}

/** Builds with `next build` (Turbopack, the default) when .next/BUILD_ID is missing or older than the sources. */
export function ensureBuild(): { built: boolean; reason: string; buildSeconds: number | null } {
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  const newest = newestSourceMtime();
  let reason: string;
  if (!existsSync(buildId)) reason = '.next/BUILD_ID is missing';
  else if (statSync(buildId).mtimeMs < newest.mtime)
    reason = `${newest.file.slice(ROOT.length + 1)} is newer than .next/BUILD_ID`;
  else return { built: false, reason: 'the build in .next is newer than the sources', buildSeconds: null };
  console.log(`building first (next build, Turbopack): ${reason}`);
  const t = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  return { built: true, reason, buildSeconds: Math.round((performance.now() - t) / 100) / 10 };
}

export interface BenchApp {
  baseUrl: string;
  routers: number;
  user: { username: string; password: string };
  sim: BenchSimulator;
  /** The last 20 kB of the server's output (stdout and stderr). */
  logTail(): string;
  /** Environment knobs that differ from production defaults, for the report. */
  settings: Record<string, string | number>;
  close(): Promise<void>;
}

export interface AppOptions {
  routers: number;
  /** NCM calls per minute our server may spend (production default 400). */
  callsPerMinute: number;
  /** The simulator's token bucket per minute (NCM's is ~500). */
  simRateLimit: number;
  port?: number;
  simPort?: number;
  /** More users beside the bench administrator, all with `password` (one bcrypt hash serves them all). */
  extraUsers?: { usernames: string[]; role: 'Read Only' | 'Full Access'; password: string };
  /** Extra environment for `next start` (e.g. FLEET_POLL_SECONDS). */
  env?: Record<string, string>;
  /**
   * Puts something between the app and the simulator (the mixed workload's counting proxy): gets the
   * simulator's base URL, returns the base URL the app is to use and how to stop it.
   */
  ncmInFront?: (simBaseUrl: string) => Promise<{ baseUrl: string; close(): Promise<void> }>;
  /** Sees every chunk of the server's output (the mixed workload counts error lines per window). */
  onOutput?: (text: string) => void;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startApp(options: AppOptions): Promise<BenchApp> {
  const port = options.port ?? Number(process.env.PORT ?? 3350);
  const simPort = options.simPort ?? Number(process.env.SIMULATOR_PORT ?? 8850);
  const sim = await startSimulator({
    routers: options.routers,
    seed: 42,
    rateLimitPerMinute: options.simRateLimit,
    port: simPort,
  });
  let inFront: { baseUrl: string; close(): Promise<void> } | null = null;
  try {
    inFront = options.ncmInFront ? await options.ncmInFront(sim.baseUrl) : null;
  } catch (err) {
    await sim.close();
    throw err;
  }
  mkdirSync(REPORTS, { recursive: true });
  const user = { username: 'bench', password: randomBytes(9).toString('base64url') };
  const usersFile = join(REPORTS, 'bench-users.json');
  const users = [
    { username: user.username, name: 'Bench', role: 'Administrator', passwordHash: hashSync(user.password, 8) },
  ];
  if (options.extraUsers) {
    const { usernames, role, password } = options.extraUsers;
    const passwordHash = hashSync(password, 8);
    users.push(...usernames.map((username) => ({ username, name: username, role, passwordHash })));
  }
  writeFileSync(usersFile, JSON.stringify(users));
  const storePath = join(REPORTS, 'bench-store.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${storePath}${suffix}`, { force: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    NCM_BASE_URL: inFront?.baseUrl ?? sim.baseUrl,
    NCM_CP_API_ID: sim.keys.cpApiId,
    NCM_CP_API_KEY: sim.keys.cpApiKey,
    NCM_ECM_API_ID: sim.keys.ecmApiId,
    NCM_ECM_API_KEY: sim.keys.ecmApiKey,
    NCM_CALLS_PER_MINUTE: String(options.callsPerMinute),
    FLEET_USER_REQUESTS_PER_10S: '10000',
    USERS_FILE: usersFile,
    STORE_PATH: storePath,
    PORT: String(port),
    ...options.env,
  };
  delete env.PUBLIC_URL;
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NEXT_TRACE_GC ? ['--trace-gc'] : []),
      join(ROOT, 'node_modules/next/dist/bin/next'),
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  // BENCH_NEXT_LOG=<file> keeps the server's whole output (e.g. with NODE_OPTIONS=--trace-gc).
  const logFile = process.env.BENCH_NEXT_LOG;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    log = (log + text).slice(-20_000);
    options.onOutput?.(text);
    if (logFile) appendFileSync(logFile, chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const close = async () => {
    await stopChild(child);
    await inFront?.close();
    await sim.close();
  };
  try {
    const deadline = performance.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
      try {
        const response = await fetch(`${baseUrl}/login`);
        await response.arrayBuffer();
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (performance.now() > deadline) throw new Error(`next start did not answer /login within 60 s:\n${log}`);
      await sleep(250);
    }
  } catch (err) {
    await close();
    throw err;
  }
  return {
    baseUrl,
    routers: options.routers,
    user,
    sim,
    logTail: () => log,
    settings: {
      NCM_CALLS_PER_MINUTE: options.callsPerMinute,
      SIMULATOR_RATE_LIMIT: options.simRateLimit,
      FLEET_USER_REQUESTS_PER_10S: 10_000,
    },
    close,
  };
}
