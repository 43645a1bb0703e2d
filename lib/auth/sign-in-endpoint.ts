import 'server-only';
/**
 * Auth.js's own credentials endpoint (`POST /api/auth/callback/credentials`) turns every refusal into
 * a redirect. A throttled attempt is answered here first, as what it is: 429 with Retry-After.
 */
import { checkSignInAttempt } from './credentials';

const CREDENTIALS_CALLBACK = '/api/auth/callback/credentials';

export function withSignInThrottle(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    if (new URL(request.url).pathname !== CREDENTIALS_CALLBACK) return handler(request);
    let input: Record<string, unknown> = {};
    try {
      input = Object.fromEntries(await request.clone().formData());
    } catch {
      // Not a form: Auth.js refuses it itself.
    }
    const verdict = checkSignInAttempt(input, request.headers);
    if (verdict.allowed) return handler(request);
    return Response.json(
      {
        error: {
          code: 'throttled',
          message: 'Too many failed sign-in attempts',
          retryAfterSeconds: verdict.retryAfterSeconds,
        },
      },
      {
        status: 429,
        headers: { 'Retry-After': String(verdict.retryAfterSeconds), 'Cache-Control': 'private, no-store' },
      },
    );
  };
}
