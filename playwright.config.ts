import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { hashSync } from 'bcryptjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/testing/chromium';
import { BASE_URL, NCM_KEYS, PORT, SIMULATOR_PORT, SIMULATOR_URL, USERS, USERS_FILE } from './e2e/test-env';

const STORE_PATH = `${process.cwd()}/reports/e2e-store.db`;

// The users file must exist before the dashboard starts; workers re-load this config, so write once.
if (!process.env.E2E_USERS_WRITTEN) {
  mkdirSync(dirname(USERS_FILE), { recursive: true });
  const users = Object.values(USERS).map((u) => ({
    username: u.username,
    name: `${u.role} (e2e)`,
    role: u.role,
    passwordHash: hashSync(u.password, 8),
  }));
  writeFileSync(USERS_FILE, JSON.stringify(users, null, 2));
  // Alerts/activity: every run starts with an empty store (acks, audit, webhook secret).
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${STORE_PATH}${suffix}`, { force: true });
  process.env.E2E_USERS_WRITTEN = '1';
}

const simulatorKeys = JSON.stringify([{ ...NCM_KEYS, role: 'Administrator' }]);

const serverEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: '1',
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-0123456789abcdef0123456789abcdef',
  NCM_BASE_URL: `${SIMULATOR_URL}/api/v2`,
  NCM_CP_API_ID: NCM_KEYS.cpApiId,
  NCM_CP_API_KEY: NCM_KEYS.cpApiKey,
  NCM_ECM_API_ID: NCM_KEYS.ecmApiId,
  NCM_ECM_API_KEY: NCM_KEYS.ecmApiKey,
  USERS_FILE,
  PORT: String(PORT),
  // The suite packs many users' page loads into minutes; at the production budget (400/min) the
  // alert feed's windows can starve an interactive call for tens of seconds. The simulator's own
  // rate limit is raised alike (--rate-limit), so the budget, not a 429, remains the limit.
  NCM_CALLS_PER_MINUTE: '1200',
  // Short intervals so the resilience spec sees an outage within seconds, not minutes.
  FLEET_POLL_SECONDS: '4',
  NCM_TIMEOUT_MS: '3000',
  NCM_MAX_RETRIES: '1',
  // The circuit opens during the fault specs; a short cool-down lets them see the recovery too.
  NCM_BREAKER_COOLDOWN_SECONDS: '5',
  // Alerts: NCM (the simulator) pushes to this dashboard's webhook; acks and audit go to this file.
  PUBLIC_URL: BASE_URL,
  STORE_PATH,
};

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts/,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs lib/simulator/main.ts --port ${SIMULATOR_PORT} --routers 1000 --seed 42 --control --rate-limit 2000`,
      url: `${SIMULATOR_URL}/healthz`,
      reuseExistingServer: false,
      env: { SIMULATOR_KEYS: simulatorKeys, SIMULATOR_CONTROL: '1' },
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${PORT}`,
      url: `${BASE_URL}/login`,
      reuseExistingServer: false,
      env: serverEnv,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
});
