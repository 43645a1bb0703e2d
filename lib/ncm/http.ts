import 'server-only';
/**
 * The single function that talks to NCM. It owns everything a request must get right: the header
 * allowlist (nothing from the browser can reach here: there is no headers parameter), the four keys
 * attached only to URLs built from the configured base, no redirect following (Node's fetch would
 * re-send custom X-CP/X-ECM headers cross-origin), a timeout on every attempt, retries only for GETs,
 * and a size cap before JSON parsing.
 */
import { processSingleton, resetProcessSingleton } from '@/lib/process-state';
import { MAX_RETRY_AFTER_MS, backoffDelayMs, parseRetryAfterMs } from './backoff';
import { acquireNcmCall } from './budget';
import { countsAsOutage, getNcmCircuit, setNcmCircuit } from './circuit-breaker';
import { getNcmConfig, ncmAuthHeadersForHttpModule } from './config';
import { NcmError, type NcmErrorDetail } from './errors';
import { type FieldMessage, fieldMessages } from './field-messages';
import { noteNcmAnswer, resetNcmKeyRefusal } from './key-refusal';
import { discardBody, readCappedText } from './read-body';
import { buildNcmUrl, type NcmPath, type NcmQuery } from './request-url';

type NcmMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface NcmRequestOptions {
  method?: NcmMethod;
  path: NcmPath;
  query?: NcmQuery;
  /** Serialised as JSON. Callers build it from allowlisted fields; it is never a browser body passed through. */
  body?: unknown;
  /** Lets a caller (e.g. a route handler whose client went away) cancel; the timeout applies regardless. */
  signal?: AbortSignal;
}

export interface NcmResponse {
  status: number;
  /** Parsed JSON, or null for an empty body (e.g. 204). */
  body: unknown;
  attempts: number;
}

/** Seams for tests: no real sleeping, deterministic jitter, a recording fetch. */
export interface NcmHttpDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

const defaultDeps: NcmHttpDeps = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/**
 * The seams in use (tests replace them) and, when NCM last asked us to back off, the time before which
 * every request (not only the one that got the 429) waits: retrying other calls straight into a rate
 * limit only extends it. One per process: a back-off seen by the fleet sync must hold for the pages'
 * calls too, whichever bundle they run in.
 */
const httpState = () => processSingleton('ncm-http', () => ({ deps: defaultDeps, notBeforeMs: 0 }));

export function setNcmHttpDepsForTests(overrides: Partial<NcmHttpDeps>): void {
  httpState().deps = { ...defaultDeps, ...overrides };
}

export function resetNcmHttpDepsForTests(): void {
  resetProcessSingleton('ncm-http');
  resetNcmKeyRefusal();
  setNcmCircuit(undefined);
}

export const NCM_USER_AGENT = 'FleetConsole/0.1';
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const WRITE_OUTCOME_UNKNOWN =
  'NetCloud Manager did not confirm the change; refresh to check whether it was applied before trying again.';

function retryAfterSeconds(ms: number | null): number | undefined {
  return ms === null ? undefined : Math.ceil(ms / 1000);
}

/** Maps a final (non-retried) upstream status onto our error kinds and BFF statuses. */
function errorForStatus(
  status: number,
  retryAfterMs: number | null,
  detail: NcmErrorDetail,
  { fields, ...extra }: { safeMessage?: string; fields: FieldMessage[] },
): NcmError {
  const common = { upstreamStatus: status, detail, retryAfterSeconds: retryAfterSeconds(retryAfterMs), fields };
  const serverFailure = { ...common, ...extra };
  const message = `NCM answered ${status}`;
  if (status === 401) return new NcmError('upstream_auth', message, common);
  if (status === 403) return new NcmError('forbidden', message, common);
  if (status === 404) return new NcmError('not_found', message, common);
  if (status === 400 || status === 422) return new NcmError('bad_request', message, common);
  if (status === 429) return new NcmError('rate_limited', message, common);
  if (status === 408 || status === 504) return new NcmError('timeout', message, serverFailure);
  if (status === 503) return new NcmError('upstream_error', message, { ...serverFailure, status: 503 });
  return new NcmError('upstream_error', message, status >= 500 ? serverFailure : common);
}

const REFUSED_REQUEST = new Set([400, 422]);
const MAX_REFUSAL_BYTES = 64 * 1024;

/** The field messages of a refused request's body; nothing when it is unreadable or too large. */
async function refusedFields(response: Response): Promise<FieldMessage[]> {
  try {
    const body: unknown = JSON.parse(await readCappedText(response, MAX_REFUSAL_BYTES));
    return fieldMessages(body, Object.values(ncmAuthHeadersForHttpModule()));
  } catch {
    await discardBody(response);
    return [];
  }
}

function parseJson(text: string, detail: NcmErrorDetail): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new NcmError('bad_upstream', 'NCM body is not valid JSON', { detail, cause });
  }
}

/** Waits out a shared back-off window, or fails fast when it is too long to wait inside a request. */
async function respectSharedBackoff(detail: NcmErrorDetail): Promise<void> {
  const { deps, notBeforeMs } = httpState();
  const remaining = notBeforeMs - deps.now();
  if (remaining <= 0) return;
  if (remaining > MAX_RETRY_AFTER_MS) {
    throw new NcmError('rate_limited', 'NCM back-off window still open', {
      retryAfterSeconds: Math.ceil(remaining / 1000),
      detail,
    });
  }
  await deps.sleep(remaining);
}

function noteRetryAfter(retryAfterMs: number | null): void {
  const state = httpState();
  if (retryAfterMs !== null && retryAfterMs > 0)
    state.notBeforeMs = Math.max(state.notBeforeMs, state.deps.now() + retryAfterMs);
}

export async function ncmRequest(options: NcmRequestOptions): Promise<NcmResponse> {
  const config = getNcmConfig();
  const { deps } = httpState();
  const method = options.method ?? 'GET';
  const url = buildNcmUrl(config.baseUrl, options.path, options.query);
  const basePath = new URL(config.baseUrl).pathname;
  const isWrite = method !== 'GET';
  const hasBody = options.body !== undefined;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': NCM_USER_AGENT,
    ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
    ...ncmAuthHeadersForHttpModule(),
  };
  const body = hasBody ? JSON.stringify(options.body) : undefined;
  const maxAttempts = isWrite ? 1 : config.maxRetries + 1;
  // Writes that may have reached NCM get an "outcome unknown" message: the UI re-reads, never resubmits.
  const writeSafe = isWrite ? { safeMessage: WRITE_OUTCOME_UNKNOWN } : {};

  for (let attempt = 1; ; attempt++) {
    const detail: NcmErrorDetail = {
      method,
      path: url.pathname.slice(basePath.length) + url.search,
      attempts: attempt,
    };
    const canRetry = !isWrite && attempt < maxAttempts;
    const circuit = getNcmCircuit();
    let probe: boolean;
    try {
      // While NCM is known to be down, fail at once: no budget, no timeout to sit through.
      probe = circuit.admit().probe;
    } catch (err) {
      throw err instanceof NcmError ? err.withDetail(detail) : err;
    }
    try {
      // Every attempt, retries included, spends one call of the process-wide per-minute budget.
      await acquireNcmCall();
      await respectSharedBackoff(detail);
    } catch (err) {
      circuit.released(probe);
      throw err instanceof NcmError ? err.withDetail(detail) : err;
    }

    const timeout = AbortSignal.timeout(config.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    let response: Response;
    try {
      // No `cache` option: Next 16 does not cache fetch by default, and 'no-store' would add request headers.
      response = await deps.fetch(url, { method, headers, body, redirect: 'manual', signal });
    } catch (cause) {
      if (options.signal?.aborted) {
        circuit.released(probe);
        throw cause;
      }
      circuit.failed(probe, timeout.aborted ? 'timeout' : 'network error');
      if (timeout.aborted) {
        // A hung upstream is not retried: each retry would cost another full timeout.
        throw new NcmError('timeout', `NCM did not answer within ${config.timeoutMs} ms`, {
          detail,
          cause,
          ...writeSafe,
        });
      }
      if (canRetry) {
        await deps.sleep(backoffDelayMs(attempt - 1, deps.random));
        continue;
      }
      throw new NcmError('unreachable', 'NCM request failed at the network level', { detail, cause, ...writeSafe });
    }

    noteNcmAnswer(response.status, String(options.path[0]), deps.now());
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      circuit.succeeded(probe);
      await discardBody(response);
      throw new NcmError('redirect_refused', `NCM answered ${response.status} redirect; not followed`, {
        upstreamStatus: response.status || undefined,
        detail,
      });
    }

    if (response.ok) {
      let text: string;
      try {
        text = await readCappedText(response);
      } catch (cause) {
        if (options.signal?.aborted) circuit.released(probe);
        else circuit.failed(probe, 'body not received');
        if (cause instanceof NcmError) throw cause.withDetail(detail);
        if (options.signal?.aborted) throw cause;
        if (timeout.aborted)
          throw new NcmError('timeout', 'NCM body did not arrive in time', { detail, cause, ...writeSafe });
        throw new NcmError('bad_upstream', 'NCM body was truncated', { detail, cause });
      }
      let parsed: unknown;
      try {
        parsed = parseJson(text, detail);
      } catch (err) {
        // A 200 maintenance page instead of JSON: NCM is not really answering.
        circuit.failed(probe, 'body is not JSON');
        throw err;
      }
      circuit.succeeded(probe);
      return { status: response.status, body: parsed, attempts: attempt };
    }

    if (countsAsOutage(response.status)) circuit.failed(probe, `HTTP ${response.status}`, response.status === 401);
    else circuit.succeeded(probe);
    // Only a refused request's body is read, for what it says about the fields (never kept whole).
    let fields: FieldMessage[] = [];
    if (REFUSED_REQUEST.has(response.status)) fields = await refusedFields(response);
    else await discardBody(response);
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), deps.now());
    noteRetryAfter(retryAfterMs);
    if (retryAfterMs !== null && retryAfterMs > MAX_RETRY_AFTER_MS && RETRYABLE_STATUSES.has(response.status)) {
      throw new NcmError('rate_limited', `NCM asked to retry after ${Math.ceil(retryAfterMs / 1000)} s`, {
        upstreamStatus: response.status,
        retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
        detail,
      });
    }
    if (canRetry && RETRYABLE_STATUSES.has(response.status)) {
      const wait = retryAfterMs ?? backoffDelayMs(attempt - 1, deps.random);
      await deps.sleep(wait);
      continue;
    }
    throw errorForStatus(response.status, retryAfterMs, detail, { ...writeSafe, fields });
  }
}
