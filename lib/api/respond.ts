import 'server-only';
import { randomUUID } from 'node:crypto';
import { AuthorizationError } from '@/lib/auth/session';
import { logNcmError, NcmError } from '@/lib/ncm';
import { type ErrorBody, HttpError } from '@/lib/dto/errors';

/** Every authenticated answer is per-user: no shared cache may keep it. */
export const PRIVATE_NO_STORE = 'private, no-store';

export function ok(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, {
    status: init.status ?? 200,
    headers: { 'Cache-Control': PRIVATE_NO_STORE, ...init.headers },
  });
}

function fail(status: number, body: ErrorBody, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': PRIVATE_NO_STORE, ...headers } });
}

/**
 * The one place that decides what a failure looks like to the browser: our own errors say what was
 * wrong; upstream and unexpected errors say only what the user can act on, with a reference that
 * matches the server log line.
 */
export function errorResponse(err: unknown, context = 'request'): Response {
  if (err instanceof AuthorizationError) {
    const message =
      err.status === 401 ? 'Sign in to continue' : err.status === 503 ? err.message : 'Your role does not allow this';
    return fail(err.status, { error: { code: err.code, message } }, err.status === 503 ? { 'Retry-After': '30' } : {});
  }
  if (err instanceof HttpError) {
    return fail(err.status, { error: { code: err.code, message: err.message, details: err.details } }, err.headers);
  }
  if (err instanceof NcmError) {
    const ref = randomUUID().slice(0, 8);
    logNcmError(err, `${context} ref=${ref}`);
    const headers: Record<string, string> = {};
    if (err.retryAfterSeconds) headers['Retry-After'] = String(Math.ceil(err.retryAfterSeconds));
    return fail(
      err.status,
      { error: { code: err.kind, message: err.safeMessage, details: err.details, ref } },
      headers,
    );
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[bff] unexpected error in ${context} ref=${ref}:`, err instanceof Error ? err.stack : err);
  return fail(500, { error: { code: 'internal', message: 'Something went wrong on our side', ref } });
}
