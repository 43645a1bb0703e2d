/**
 * Error responses. NCM's 401 carries a string `exception`; every other error an object
 * `{type, message}` plus `errors` (see ncm-api-notes §1.2).
 */
import type { Rec } from './json';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (msg: string) => new HttpError(400, 'bad_request', msg);
export const notFound = (msg = 'Not found.') => new HttpError(404, 'not_found', msg);
export const conflict = (msg: string) => new HttpError(409, 'conflict', msg);
export const methodNotAllowed = (method: string) =>
  new HttpError(405, 'method_not_allowed', `Method "${method}" not allowed.`);

export function errorBody(type: string, message: string): Rec {
  return { errors: [], exception: { message, type } };
}

export function unauthorizedBody(message: string): Rec {
  return { exception: 'unauthorized', message, success: false };
}
