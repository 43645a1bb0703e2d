/**
 * `npm run demo`: the whole product on one machine. Builds for production when needed, starts the
 * NCM simulator (unless real NCM keys are configured), writes four demo users, starts the dashboard
 * and prints where to go and how to sign in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createDemoUsersFile } from '../auth/demo-users';
import { authEnv, checkServerEnv, ncmEnv, siteEnv, toolsEnv } from '../env';
import { startSimulator } from '../simulator';
import { buildIsStale } from './build-freshness';

const root = resolve(__dirname, '..', '..');
const dev = process.argv.includes('--dev');
const dataDir = join(root, '.data');

function persistentSecret(): string {
  const configured = authEnv().secret;
  if (configured) return configured;
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** What this run started, so giving up stops it all instead of leaving a server behind. */
const started: Array<() => Promise<void> | void> = [];

async function stopStarted(): Promise<void> {
  for (const stop of started.splice(0).reverse()) await stop();
}

async function main(): Promise<void> {
  const { port, host, simulatorRouters, simulatorSeed } = toolsEnv();
  const { simulatorPort, keys } = ncmEnv();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: persistentSecret(),
    SIMULATOR_PORT: String(simulatorPort),
    // Where NCM (here: the simulator) can deliver alert pushes; real deployments set their public URL.
    ...(siteEnv().publicUrl ? {} : { PUBLIC_URL: `http://${host}:${port}` }),
  };

  // The server's own start-up check, on the environment it will get: a bad setting is reported
  // before anything is built or started.
  checkServerEnv(env, { serving: !dev });

  if (!dev && buildIsStale(root)) {
    console.log('Building Fleet Console for production (first run or sources changed)…');
    const build = spawnSync(join(root, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('next build failed');
  }

  if (keys) {
    console.log('NCM keys are configured: using real NCM, not the simulator.');
  } else {
    const simulator = await startSimulator({
      port: simulatorPort,
      routers: simulatorRouters,
      seed: simulatorSeed,
    });
    started.push(() => simulator.close());
    console.log(`NCM simulator: ${simulator.baseUrl}`);
  }

  const users = authEnv();
  const usersFile = resolve(root, users.usersFile);
  env.USERS_FILE = usersFile;
  let logins: Array<{ username: string; password: string; role: string }> = [];
  if (users.usersFileConfigured) {
    console.log(`Users come from ${usersFile}.`);
  } else {
    mkdirSync(dirname(usersFile), { recursive: true });
    logins = await createDemoUsersFile(usersFile);
  }

  const next = spawn(
    join(root, 'node_modules', '.bin', 'next'),
    [dev ? 'dev' : 'start', '-H', host, '-p', String(port)],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  started.push(() => {
    if (next.exitCode === null) next.kill('SIGTERM');
  });
  const stop = async (code: number) => {
    await stopStarted();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  next.on('exit', (code) => void stop(code ?? 1));

  await waitFor(`http://${host}:${port}/login`, dev ? 120_000 : 60_000);
  console.log('');
  console.log(`Fleet Console is running: http://${host}:${port}`);
  for (const login of logins) console.log(`login: ${login.username} ${login.password} ${login.role}`);
  const sso = authEnv(env).oidc;
  if (sso) {
    console.log(
      `Single sign-on: register ${sso.publicOrigin}/api/auth/callback/oidc (redirect URI) and ${sso.publicOrigin}/login (post-logout URI) at the provider.`,
    );
  }
  console.log('Press Ctrl+C to stop.');
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await stopStarted();
  process.exit(1);
});
