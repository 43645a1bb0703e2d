/**
 * NetCloud Manager: where it is, the four API keys, how long and how often to try, the circuit breaker
 * and the one per-minute call budget. With no keys the dashboard talks to the simulator on
 * SIMULATOR_PORT.
 */
import { z } from 'zod';
import { envSection, integer, parseEnv, positive, text } from './read';

const NCM_KEY_VARS = ['NCM_CP_API_ID', 'NCM_CP_API_KEY', 'NCM_ECM_API_ID', 'NCM_ECM_API_KEY'] as const;

/** Printable ASCII without spaces: anything else would be refused as a header value, or split one. */
const KEY_PATTERN = /^[\x21-\x7e]{1,256}$/;

const key = () =>
  text().pipe(
    z.string().regex(KEY_PATTERN, 'is malformed: expected up to 256 printable characters without spaces').optional(),
  );

/**
 * Loopback and private (RFC 1918, unique local) hosts: a simulator or a test double on this machine
 * or network may speak plain http. Anywhere else the keys would cross the internet in clear text.
 */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  if (/^fc|^fd/.test(host) && host.includes(':')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

const baseUrl = () =>
  text().superRefine((raw, ctx) => {
    if (raw === undefined) return;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not a valid URL' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    else if (url.username || url.password || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'must not contain credentials, a query or a fragment' });
    } else if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
      ctx.addIssue({ code: 'custom', message: 'must use https unless it points at this machine or a private network' });
    }
  });

const schema = z
  .object({
    NCM_CP_API_ID: key(),
    NCM_CP_API_KEY: key(),
    NCM_ECM_API_ID: key(),
    NCM_ECM_API_KEY: key(),
    NCM_BASE_URL: baseUrl(),
    NCM_TIMEOUT_MS: integer(100, 120_000),
    NCM_MAX_RETRIES: integer(0, 10),
    NCM_BREAKER_FAILURES: integer(1, 1_000),
    NCM_BREAKER_COOLDOWN_SECONDS: integer(1, 3_600),
    NCM_CALLS_PER_MINUTE: positive().pipe(z.number().min(1, 'must be at least 1').optional()),
    SIMULATOR_PORT: integer(1, 65_535),
  })
  .superRefine((e, ctx) => {
    const missing = NCM_KEY_VARS.filter((name) => e[name] === undefined);
    if (missing.length > 0 && missing.length < NCM_KEY_VARS.length) {
      ctx.addIssue({
        code: 'custom',
        message: `NCM API keys must be set all together or not at all; missing: ${missing.join(', ')}`,
      });
    }
  });

export interface NcmKeys {
  cpApiId: string;
  cpApiKey: string;
  ecmApiId: string;
  ecmApiKey: string;
}

export interface NcmEnv {
  /** As configured (validated, not normalised); unset means NCM itself with keys, else the simulator. */
  baseUrl: string | undefined;
  /** Null: no keys, so the simulator with its demo keys. */
  keys: NcmKeys | null;
  timeoutMs: number;
  maxRetries: number;
  breakerFailures: number;
  breakerCooldownMs: number;
  /** The one upstream budget every NCM call waits for (NCM allows about 500 a minute). */
  callsPerMinute: number;
  simulatorPort: number;
}

export const ncmEnv = envSection('ncm', [...Object.keys(schema.shape)], (env): NcmEnv => {
  const e = parseEnv(schema, env);
  const keys =
    e.NCM_CP_API_ID && e.NCM_CP_API_KEY && e.NCM_ECM_API_ID && e.NCM_ECM_API_KEY
      ? {
          cpApiId: e.NCM_CP_API_ID,
          cpApiKey: e.NCM_CP_API_KEY,
          ecmApiId: e.NCM_ECM_API_ID,
          ecmApiKey: e.NCM_ECM_API_KEY,
        }
      : null;
  return {
    baseUrl: e.NCM_BASE_URL,
    keys,
    timeoutMs: e.NCM_TIMEOUT_MS ?? 10_000,
    maxRetries: e.NCM_MAX_RETRIES ?? 3,
    breakerFailures: e.NCM_BREAKER_FAILURES ?? 5,
    breakerCooldownMs: (e.NCM_BREAKER_COOLDOWN_SECONDS ?? 30) * 1000,
    callsPerMinute: e.NCM_CALLS_PER_MINUTE ?? 400,
    simulatorPort: e.SIMULATOR_PORT ?? 8787,
  };
});
