/**
 * Values shared by playwright.config.ts (main process) and the specs (workers). The first process to
 * load this file picks them and puts them into the environment, which workers inherit.
 */
import { randomBytes } from 'node:crypto';
import { ncmEnv, toolsEnv } from '@/lib/env';

function once(name: string, make: () => string): string {
  process.env[name] ??= make();
  return process.env[name]!;
}

const token = () => randomBytes(6).toString('hex');

export const PORT = toolsEnv().port;
export const SIMULATOR_PORT = ncmEnv().simulatorPort;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const SIMULATOR_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;

/** NCM keys used for this run only, so the leak check can search for values nobody else uses. */
export const NCM_KEYS = {
  cpApiId: once('E2E_CP_API_ID', () => `e2e-cp-id-${token()}`),
  cpApiKey: once('E2E_CP_API_KEY', () => `e2e-cp-key-${token()}`),
  ecmApiId: once('E2E_ECM_API_ID', () => `e2e-ecm-id-${token()}`),
  ecmApiKey: once('E2E_ECM_API_KEY', () => `e2e-ecm-key-${token()}`),
};

export const USERS = {
  admin: { username: 'admin', password: once('E2E_PW_ADMIN', token), role: 'Administrator' },
  operator: { username: 'operator', password: once('E2E_PW_OPERATOR', token), role: 'Full Access' },
  viewer: { username: 'viewer', password: once('E2E_PW_VIEWER', token), role: 'Read Only' },
  diag: { username: 'diag', password: once('E2E_PW_DIAG', token), role: 'Diagnostic' },
  // Only the login-throttling tests use it: the waits they cause touch no other test's account.
  probe: { username: 'probe', password: once('E2E_PW_PROBE', token), role: 'Read Only' },
} as const;
export type E2EUser = keyof typeof USERS;

export const USERS_FILE = once('E2E_USERS_FILE', () => `${process.cwd()}/reports/e2e-users.json`);
