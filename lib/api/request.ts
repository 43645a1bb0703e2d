import 'server-only';
import type { z } from 'zod';
import { HttpError } from '@/lib/dto/errors';
import { BodyTooLargeError, readCappedBody } from '@/lib/server/capped-body';

const MAX_JSON_BODY_BYTES = 16 * 1024;

/** Parses URL search params with a zod schema; repeated keys are refused rather than guessed at. */
export function parseSearchParams<S extends z.ZodType>(url: string | URL, schema: S): z.infer<S> {
  const params = new URL(url).searchParams;
  const record: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in record) throw new HttpError(400, 'bad_request', `Query parameter "${key}" is repeated`);
    record[key] = value;
  }
  return parseWith(schema, record);
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError(400, 'bad_request', details[0]?.message ?? 'Invalid request', { details });
  }
  return result.data;
}

/**
 * A mutation must come from our own pages: JSON only (a cross-site form cannot send it without a
 * preflight) and, when the browser says where it came from, from our origin.
 */
export function assertSameOriginJson(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(403, 'cross_site', 'Cross-site requests are not allowed');
  }
  const origin = request.headers.get('origin');
  if (origin) {
    const host = request.headers.get('host');
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) throw new HttpError(403, 'cross_site', 'Cross-site requests are not allowed');
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
}

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  let body: Buffer;
  try {
    body = await readCappedBody(request, maxBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new HttpError(413, 'too_large', err.message);
    throw err;
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_json', 'The body is not valid JSON');
  }
}
