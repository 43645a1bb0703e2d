/**
 * How every route answers a failure, and the one error class that carries such an answer: thrown by
 * the BFF (lib/api/respond.ts turns it into the envelope, with its headers, e.g. `Retry-After`) and
 * by the browser's fetch helper when it reads one back (lib/queries/fetch-json.ts). Browser-safe.
 */

/** A problem with one field of the request, named as the request named it. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: FieldProblem[]; ref?: string };
}

export interface HttpErrorOptions {
  details?: FieldProblem[];
  /** Response headers the answer must carry (e.g. `Retry-After` on a 429). */
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  override name = 'HttpError';
  readonly details?: FieldProblem[];
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: HttpErrorOptions = {},
  ) {
    super(message);
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}
