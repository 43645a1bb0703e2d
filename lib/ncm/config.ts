import 'server-only';
/**
 * The only place the NCM base URL and the four API keys are turned into requests' settings. Read
 * from the environment (lib/env) once, on first use (so importing this module during `next build`
 * needs no secrets), and kept. With no keys set the client talks to the embedded simulator with its
 * public demo keys, so the demo runs with zero setup.
 */
import { EnvError, ncmEnv, type NcmKeys } from '@/lib/env';
import { processSingleton, resetProcessSingleton } from '@/lib/process-state';
import { NcmError } from './errors';

const REAL_NCM_BASE_URL = 'https://www.cradlepointecm.com/api/v2';

/** The simulator's demo Administrator key pair: public by design, worthless against real NCM. */
const SIMULATOR_KEYS: NcmKeys = {
  cpApiId: 'demo-cp-api-id',
  cpApiKey: 'demo-cp-api-key-5f0c',
  ecmApiId: 'demo-ecm-admin-id',
  ecmApiKey: 'demo-ecm-admin-key-9b1e',
};

type NcmMode = 'ncm' | 'simulator';

export interface NcmConfig {
  /** Absolute http(s) base, e.g. `https://www.cradlepointecm.com/api/v2`, never a trailing slash. */
  baseUrl: string;
  mode: NcmMode;
  timeoutMs: number;
  maxRetries: number;
}

/** The NCM settings, with a bad value as a config error (a 500 to the browser, named in the log). */
function settings(): ReturnType<typeof ncmEnv> {
  try {
    return ncmEnv();
  } catch (err) {
    if (err instanceof EnvError) throw configError(err.message);
    throw err;
  }
}

/** The circuit breaker's settings (lib/ncm/circuit-breaker.ts). */
export function ncmBreakerSettings(): { failures: number; cooldownMs: number } {
  const { breakerFailures, breakerCooldownMs } = settings();
  return { failures: breakerFailures, cooldownMs: breakerCooldownMs };
}

/** The per-minute budget every NCM call waits for (lib/ncm/budget.ts). */
export function ncmCallsPerMinute(): number {
  return settings().callsPerMinute;
}

interface ResolvedConfig {
  config: NcmConfig;
  keys: NcmKeys;
}

function configError(message: string): NcmError {
  return new NcmError('config', message);
}

/** The base without a trailing slash (lib/env has refused anything but a plain http(s) URL). */
function withoutTrailingSlash(raw: string): string {
  const url = new URL(raw);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function resolve(): ResolvedConfig {
  const e = settings();
  const mode: NcmMode = e.keys ? 'ncm' : 'simulator';
  const fallbackBase = mode === 'ncm' ? REAL_NCM_BASE_URL : `http://127.0.0.1:${e.simulatorPort}/api/v2`;
  const baseUrl = withoutTrailingSlash(e.baseUrl ?? fallbackBase);
  return {
    config: { baseUrl, mode, timeoutMs: e.timeoutMs, maxRetries: e.maxRetries },
    keys: e.keys ?? SIMULATOR_KEYS,
  };
}

function resolved(): ResolvedConfig {
  return processSingleton('ncm-config', resolve);
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

/** Forget the cached environment so the next call re-reads it. Tests only. */
export function resetNcmConfigForTests(): void {
  resetProcessSingleton('ncm-config');
}
