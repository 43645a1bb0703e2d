/**
 * TRACE and TRACK cannot be represented as a fetch `Request` (the Fetch standard forbids them), and
 * Next builds one for the proxy before any code of ours runs, so it answers them with a 500. This
 * answers them first, at the Node HTTP server, with 405 and the `Allow` the route would have. Node's
 * parser already refuses unknown methods with 400, and CONNECT never reaches a request handler.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { allowedMethods, PAGE_METHODS } from '@/lib/api/route-methods';

const FORBIDDEN_BY_FETCH = new Set(['TRACE', 'TRACK']);

function allowHeaderFor(url: string | undefined): string {
  const pathname = (url ?? '/').split(/[?#]/)[0] ?? '/';
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  return (isApi ? allowedMethods(pathname) : null)?.join(', ') ?? PAGE_METHODS.join(', ');
}

/** True when the request was answered here. */
function answerFetchForbiddenMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (!FORBIDDEN_BY_FETCH.has((req.method ?? '').toUpperCase())) return false;
  const body = JSON.stringify({ error: { code: 'method_not_allowed', message: `${req.method} is not supported` } });
  res.writeHead(405, {
    Allow: allowHeaderFor(req.url),
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'private, no-store',
  });
  res.end(body);
  return true;
}

const INSTALLED = Symbol.for('fleet-console.fetch-forbidden-methods');

/** Wraps `emit` of every HTTP server in this process (Next's included, which exists already). */
export function installFetchForbiddenMethodGuard(serverClass: { prototype: Server }): void {
  const proto = serverClass.prototype as Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request' && answerFetchForbiddenMethod(args[0] as IncomingMessage, args[1] as ServerResponse))
      return true;
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as Server['emit'];
}
