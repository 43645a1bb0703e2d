import 'server-only';
/**
 * The only place the NCM base URL and the four API keys live. Read from the environment once, on first
 * use (so importing this module during `next build` needs no secrets), and cached. With no keys set the
 * client talks to the embedded simulator with its public demo keys, so the demo runs with zero setup.
 * lib/env-check.cjs enforces the same rules at build/start so a bad key set fails early.
 */
import { z } from 'zod';
import { processSingleton, resetProcessSingleton } from '@/lib/process-state';
import { NcmError } from './errors';

export const NCM_KEY_VARS = ['NCM_CP_API_ID', 'NCM_CP_API_KEY', 'NCM_ECM_API_ID', 'NCM_ECM_API_KEY'] as const;

const REAL_NCM_BASE_URL = 'https://www.cradlepointecm.com/api/v2';
const DEFAULT_SIMULATOR_PORT = 8787;

/** The simulator's demo Administrator key pair: public by design, worthless against real NCM. */
const SIMULATOR_KEYS: NcmKeys = {
  cpApiId: 'demo-cp-api-id',
  cpApiKey: 'demo-cp-api-key-5f0c',
  ecmApiId: 'demo-ecm-admin-id',
  ecmApiKey: 'demo-ecm-admin-key-9b1e',
};

export type NcmMode = 'ncm' | 'simulator';

export interface NcmConfig {
  /** Absolute http(s) base, e.g. `https://www.cradlepointecm.com/api/v2`, never a trailing slash. */
  baseUrl: string;
  mode: NcmMode;
  timeoutMs: number;
  maxRetries: number;
}

interface NcmKeys {
  cpApiId: string;
  cpApiKey: string;
  ecmApiId: string;
  ecmApiKey: string;
}

/** Blank values count as unset: `.env` templates often carry `NCM_CP_API_ID=`. */
const optionalString = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

const envSchema = z.object({
  NCM_BASE_URL: optionalString,
  NCM_CP_API_ID: optionalString,
  NCM_CP_API_KEY: optionalString,
  NCM_ECM_API_ID: optionalString,
  NCM_ECM_API_KEY: optionalString,
  NCM_TIMEOUT_MS: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : v),
    z.coerce.number().int().min(100).max(120_000).default(10_000),
  ),
  NCM_MAX_RETRIES: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : v),
    z.coerce.number().int().min(0).max(10).default(3),
  ),
  SIMULATOR_PORT: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(65_535).default(DEFAULT_SIMULATOR_PORT),
  ),
});

const breakerEnvSchema = z.object({
  NCM_BREAKER_FAILURES: z.preprocess((v) => (v === undefined || v === '' ? undefined : v), z.coerce.number().int().min(1).max(1_000).default(5)),
  NCM_BREAKER_COOLDOWN_SECONDS: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(3_600).default(30),
  ),
});

/** The circuit breaker's settings (lib/ncm/circuit-breaker.ts), validated like the rest of the NCM env. */
export function ncmBreakerSettings(): { failures: number; cooldownMs: number } {
  const parsed = breakerEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw configError(`${String(issue?.path[0] ?? 'NCM_BREAKER_*')} is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  return { failures: parsed.data.NCM_BREAKER_FAILURES, cooldownMs: parsed.data.NCM_BREAKER_COOLDOWN_SECONDS * 1000 };
}

interface ResolvedConfig {
  config: NcmConfig;
  keys: NcmKeys;
}

function configError(message: string): NcmError {
  return new NcmError('config', message);
}

/** Validates an http(s) base URL and returns it without trailing slash; credentials/query/hash refused. */
function normaliseBaseUrl(raw: string, variable: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw configError(`${variable} is not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw configError(`${variable} must be an http(s) URL`);
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw configError(`${variable} must not contain credentials, a query or a fragment`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

function resolve(env: NodeJS.ProcessEnv): ResolvedConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw configError(`Invalid NCM environment variable(s): ${names.join(', ')}`);
  }
  const e = parsed.data;
  const present = NCM_KEY_VARS.filter((name) => e[name] !== undefined);
  if (present.length > 0 && present.length < NCM_KEY_VARS.length) {
    const missing = NCM_KEY_VARS.filter((name) => e[name] === undefined);
    throw configError(`NCM API keys must be set all together or not at all; missing: ${missing.join(', ')}`);
  }
  const mode: NcmMode = present.length === NCM_KEY_VARS.length ? 'ncm' : 'simulator';
  const fallbackBase = mode === 'ncm' ? REAL_NCM_BASE_URL : `http://127.0.0.1:${e.SIMULATOR_PORT}/api/v2`;
  const baseUrl = normaliseBaseUrl(e.NCM_BASE_URL ?? fallbackBase, 'NCM_BASE_URL');
  const keys: NcmKeys =
    mode === 'ncm'
      ? {
          cpApiId: e.NCM_CP_API_ID!,
          cpApiKey: e.NCM_CP_API_KEY!,
          ecmApiId: e.NCM_ECM_API_ID!,
          ecmApiKey: e.NCM_ECM_API_KEY!,
        }
      : SIMULATOR_KEYS;
  return { config: { baseUrl, mode, timeoutMs: e.NCM_TIMEOUT_MS, maxRetries: e.NCM_MAX_RETRIES }, keys };
}

function resolved(): ResolvedConfig {
  return processSingleton('ncm-config', () => resolve(process.env));
}

export function getNcmConfig(): NcmConfig {
  return { ...resolved().config };
}

/**
 * The four key headers. For lib/ncm/http.ts only: every other module goes through ncmRequest, so the
 * keys are attached in one place and only to URLs built from the configured base.
 */
export function ncmAuthHeadersForHttpModule(): Record<string, string> {
  const { keys } = resolved();
  return {
    'X-CP-API-ID': keys.cpApiId,
    'X-CP-API-KEY': keys.cpApiKey,
    'X-ECM-API-ID': keys.ecmApiId,
    'X-ECM-API-KEY': keys.ecmApiKey,
  };
}

/** Safe to log or show: origin and mode, no path secrets, no keys. */
export function describeNcmTarget(): string {
  const { baseUrl, mode } = resolved().config;
  return `${new URL(baseUrl).origin} (${mode === 'ncm' ? 'NetCloud Manager' : 'simulator'})`;
}

/** Forget the cached environment so the next call re-reads it. Tests only. */
export function resetNcmConfigForTests(): void {
  resetProcessSingleton('ncm-config');
}
