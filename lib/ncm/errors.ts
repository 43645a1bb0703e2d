/**
 * The one error type the NCM client throws. It separates what operators need (kind, upstream status,
 * attempts, method and path, in `message`/`detail`) from what a browser may see (`safeMessage`,
 * `status`). Nothing here ever holds a header value or an upstream body: NCM error bodies can echo
 * keys, so they are dropped at the HTTP layer.
 */
import type { FieldProblem } from '@/lib/dto/errors';
import type { FieldMessage } from './field-messages';

export type NcmErrorKind =
  | 'timeout'
  | 'unreachable'
  | 'rate_limited'
  | 'upstream_error'
  | 'bad_upstream'
  | 'not_found'
  | 'bad_request'
  | 'upstream_auth'
  | 'forbidden'
  | 'redirect_refused'
  | 'next_refused'
  | 'config';

/** Where the failure happened; logged, never shown to a browser. */
export interface NcmErrorDetail {
  method?: string;
  /** Path (and query) relative to the configured base: never includes an origin or a key. */
  path?: string;
  attempts?: number;
}

/**
 * What our BFF should answer for each kind. NCM 401/403 mean *our* keys are wrong or lack a role,
 * which is an upstream outage from the user's point of view: a 401 here would sign the user out.
 */
const STATUS_BY_KIND: Record<NcmErrorKind, number> = {
  timeout: 504,
  unreachable: 502,
  rate_limited: 503,
  upstream_error: 502,
  bad_upstream: 502,
  not_found: 404,
  bad_request: 400,
  upstream_auth: 502,
  forbidden: 502,
  redirect_refused: 502,
  next_refused: 502,
  config: 500,
};

const SAFE_MESSAGE_BY_KIND: Record<NcmErrorKind, string> = {
  timeout: 'NetCloud Manager did not answer in time.',
  unreachable: 'NetCloud Manager is unreachable.',
  rate_limited: 'NetCloud Manager is rate limiting requests; try again later.',
  upstream_error: 'NetCloud Manager reported an error.',
  bad_upstream: 'NetCloud Manager sent a response that could not be read.',
  not_found: 'Not found.',
  bad_request: 'The request was not valid.',
  upstream_auth: 'NetCloud Manager refused the dashboard\u2019s API keys.',
  forbidden: 'NetCloud Manager does not allow this operation for the configured API key.',
  redirect_refused: 'NetCloud Manager answered with a redirect, which was refused.',
  next_refused: 'NetCloud Manager sent a pagination link to an unexpected location.',
  config: 'The NetCloud Manager connection is not configured correctly.',
};

export interface NcmErrorOptions {
  upstreamStatus?: number;
  retryAfterSeconds?: number;
  /** Overrides the default browser-safe text; must itself be safe (no URLs, keys or upstream text). */
  safeMessage?: string;
  /** Overrides the default BFF status for this kind (e.g. 503 for an upstream 503). */
  status?: number;
  detail?: NcmErrorDetail;
  /** What NCM said about the request's fields, in NCM's names (lib/ncm/field-messages.ts). */
  fields?: FieldMessage[];
  /** The same, in the names of the request the browser made, for the form to show beside each field. */
  details?: FieldProblem[];
  cause?: unknown;
}

/**
 * Next bundles route handlers, pages and server actions separately, and process-wide objects (the
 * call budget, the fleet sync) live on globalThis: an NcmError may come from another copy of this
 * module. The brand makes `instanceof NcmError` true for every copy, so such an error still becomes
 * a 503 with Retry-After instead of an "unexpected" 500.
 */
const NCM_ERROR_BRAND = Symbol.for('fleet-console.ncm-error');

export class NcmError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [NCM_ERROR_BRAND]?: unknown })[NCM_ERROR_BRAND] === true
    );
  }

  readonly [NCM_ERROR_BRAND] = true;
  override readonly name = 'NcmError';
  readonly kind: NcmErrorKind;
  readonly status: number;
  readonly safeMessage: string;
  readonly retryAfterSeconds?: number;
  readonly upstreamStatus?: number;
  readonly detail: NcmErrorDetail;
  readonly fields: FieldMessage[];
  readonly details?: FieldProblem[];

  constructor(kind: NcmErrorKind, message: string, options: NcmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status ?? STATUS_BY_KIND[kind];
    this.safeMessage = options.safeMessage ?? SAFE_MESSAGE_BY_KIND[kind];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.upstreamStatus = options.upstreamStatus;
    this.detail = { ...options.detail };
    this.fields = options.fields ?? [];
    this.details = options.details;
  }

  /** A copy carrying request context added by an outer layer (the HTTP module knows method/path). */
  withDetail(detail: NcmErrorDetail): NcmError {
    return new NcmError(this.kind, this.message, {
      upstreamStatus: this.upstreamStatus,
      retryAfterSeconds: this.retryAfterSeconds,
      safeMessage: this.safeMessage,
      status: this.status,
      detail: { ...this.detail, ...detail },
      fields: this.fields,
      details: this.details,
      cause: this.cause,
    });
  }
}

/** Writes operator details to the server log: kind, method, path, upstream status, attempts. */
export function logNcmError(err: unknown, context: string): void {
  if (!(err instanceof NcmError)) {
    console.error(`[ncm] ${context}: unexpected error`, err instanceof Error ? err.message : String(err));
    return;
  }
  const fields: Record<string, string | number> = { kind: err.kind, status: err.status };
  if (err.detail.method) fields.method = err.detail.method;
  if (err.detail.path) fields.path = err.detail.path;
  if (err.upstreamStatus !== undefined) fields.upstreamStatus = err.upstreamStatus;
  if (err.detail.attempts !== undefined) fields.attempts = err.detail.attempts;
  if (err.retryAfterSeconds !== undefined) fields.retryAfterSeconds = err.retryAfterSeconds;
  console.error(`[ncm] ${context}: ${err.message}`, fields);
}
