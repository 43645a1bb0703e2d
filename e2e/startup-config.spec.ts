/**
 * The production server refuses to start on a bad configuration and says which variable is wrong.
 * Each case starts the real built app (`next start`) on a spare port and expects it to exit.
 */
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { PORT } from './test-env';

const KEYS = {
  NCM_CP_API_ID: 'cp-id-startup-test',
  NCM_CP_API_KEY: 'cp-key-startup-test',
  NCM_ECM_API_ID: 'ecm-id-startup-test',
  NCM_ECM_API_KEY: 'ecm-key-startup-test',
};
const SECRET = 'startup-test-secret-0123456789abcdef';
const SSO = {
  OIDC_ISSUER: 'https://idp.example.com',
  OIDC_CLIENT_ID: 'fleet',
  OIDC_CLIENT_SECRET: 'sso-secret-startup-test',
};

const SPARE_PORT = PORT + 7;
const nextStart = () => ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(SPARE_PORT)];

/** Starts `next start` with exactly `env` (plus PATH), returns its exit code and output. */
function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nextStart(), {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: 'pipe',
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A server that starts despite the bad setting would run forever: that is the failure.
    const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
    child.on('exit', (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const CASES: Array<[string, Record<string, string>, RegExp]> = [
  ['a missing AUTH_SECRET', {}, /AUTH_SECRET must be set in production/],
  ['an AUTH_SECRET too short to be safe', { AUTH_SECRET: 'short' }, /AUTH_SECRET must be at least/],
  [
    'an incomplete NCM key set',
    { AUTH_SECRET: SECRET, NCM_CP_API_ID: 'x', NCM_CP_API_KEY: 'y' },
    /missing: NCM_ECM_API_ID, NCM_ECM_API_KEY/,
  ],
  [
    'a malformed NCM key',
    { AUTH_SECRET: SECRET, ...KEYS, NCM_ECM_API_KEY: 'two words' },
    /NCM_ECM_API_KEY is malformed/,
  ],
  [
    'an NCM base URL without https on a public host',
    { AUTH_SECRET: SECRET, ...KEYS, NCM_BASE_URL: 'http://www.cradlepointecm.com/api/v2' },
    /NCM_BASE_URL must use https/,
  ],
  [
    'an NCM base URL that is not a URL',
    { AUTH_SECRET: SECRET, NCM_BASE_URL: 'cradlepointecm' },
    /NCM_BASE_URL is not a valid URL/,
  ],
  [
    "single sign-on without PUBLIC_URL (the redirect URI would follow each request's host)",
    { AUTH_SECRET: SECRET, ...SSO },
    /PUBLIC_URL must be set when single sign-on is configured.*\/api\/auth\/callback\/oidc/,
  ],
  [
    'a role map naming a role that does not exist',
    { AUTH_SECRET: SECRET, ...SSO, PUBLIC_URL: 'https://fleet.example.com', OIDC_ROLE_MAP: '{"noc":"Superuser"}' },
    /OIDC_ROLE_MAP\["noc"\] must be one of: Administrator, Full Access, Read Only, Diagnostic/,
  ],
  [
    'half a single sign-on configuration',
    { AUTH_SECRET: SECRET, OIDC_ISSUER: 'https://idp.example.com' },
    /missing: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/,
  ],
];

test.describe('start-up with a bad configuration', () => {
  for (const [what, env, message] of CASES) {
    test(`stops on ${what}, naming the variable`, async () => {
      const { code, output } = await startWith(env);
      expect(code, output).not.toBe(0);
      expect(code, output).not.toBeNull();
      expect(output).toMatch(message);
      for (const value of [...Object.values(KEYS), SSO.OIDC_CLIENT_SECRET]) expect(output).not.toContain(value);
    });
  }

  test('starts with a good one (the control)', async () => {
    const child = spawn(process.execPath, nextStart(), {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        AUTH_SECRET: SECRET,
        ...KEYS,
        NCM_BASE_URL: 'https://www.cradlepointecm.com/api/v2',
      },
      stdio: 'ignore',
    });
    try {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${SPARE_PORT}/login`).catch(() => null))?.status ?? 0, {
          timeout: 20_000,
        })
        .toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
