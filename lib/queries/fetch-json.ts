/**
 * Browser-side fetch for our own BFF: same-origin, JSON, and one error type for the UI to show — the
 * HttpError the server threw, read back from its envelope (lib/dto/errors.ts).
 */
import { type ErrorBody, HttpError } from '@/lib/dto/errors';

const UNREACHABLE = 'Fleet Console cannot be reached. Check your connection.';

/**
 * The response of a successful call (2xx, or a status in `accept`, e.g. 304 to a conditional poll);
 * anything else becomes the HttpError its envelope describes. A request the caller aborted rejects
 * with the abort itself.
 */
export async function fetchApi(
  input: string,
  init: RequestInit = {},
  accept: readonly number[] = [],
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, {
      ...init,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new HttpError(0, 'network', UNREACHABLE);
  }
  if (response.ok || accept.includes(response.status)) return response;
  const error = ((await response.json().catch(() => null)) as Partial<ErrorBody> | null)?.error;
  const retryAfter = response.headers.get('Retry-After');
  throw new HttpError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `Request failed (${response.status})`,
    {
      details: error?.details,
      headers: retryAfter ? { 'Retry-After': retryAfter } : {},
    },
  );
}

export async function fetchJson<T>(input: string, init: RequestInit = {}): Promise<T> {
  const response = await fetchApi(input, init);
  return (await response.json().catch(() => null)) as T;
}
