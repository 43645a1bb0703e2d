/**
 * The HTTP front: /healthz, the optional /_sim control endpoint, then for /api/v2: trailing-slash
 * redirect → auth → rate limit → faults → role check → resource dispatch. Stats count every call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Simulation } from '../state/simulation';
import type { SimKeySet, SimStats } from '../types';
import { handleControl } from './control';
import type { RequestContext } from './context';
import { errorBody, HttpError, methodNotAllowed, notFound, unauthorizedBody } from './errors';
import type { FaultInjector } from './faults';
import type { Json } from './json';
import { presentDetail } from './listing';
import { parseQuery } from './query';
import type { RateLimiter } from './rate-limit';
import { RESOURCES, resolveUrl } from '../resources/registry';
import type { AlertPusher } from '../state/pusher';

export interface ServerDeps {
  sim: Simulation;
  keySets: SimKeySet[];
  limiter: RateLimiter;
  faults: FaultInjector;
  pusher: AlertPusher;
  controlEnabled: boolean;
  stats: SimStats;
}

const API = '/api/v2';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_BODY = 1 << 20;

export function createSimServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, errorBody('server_error', err instanceof Error ? err.message : 'internal error'));
      else res.destroy();
    });
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: Json | null,
  headers: Record<string, string> = {},
): void {
  if (body === null) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new HttpError(413, 'request_too_large', 'Request body too large.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Path template for stats: numeric and UUID segments become {id}. */
function statPath(path: string): string {
  return path.replace(/\/(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=\/)/gi, '/{id}');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function authenticate(deps: ServerDeps, req: IncomingMessage): SimKeySet | null {
  const cpId = header(req, 'x-cp-api-id');
  const cpKey = header(req, 'x-cp-api-key');
  const ecmId = header(req, 'x-ecm-api-id');
  const ecmKey = header(req, 'x-ecm-api-key');
  return (
    deps.keySets.find(
      (k) => k.cpApiId === cpId && k.cpApiKey === cpKey && k.ecmApiId === ecmId && k.ecmApiKey === ecmKey,
    ) ?? null
  );
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const u = new URL(req.url ?? '/', 'http://simulator');
  const path = u.pathname;
  const search = u.search.startsWith('?') ? u.search.slice(1) : '';
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;

  if (path === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  if (path === '/_sim' || path.startsWith('/_sim/')) {
    if (!deps.controlEnabled) return sendJson(res, 404, errorBody('not_found', 'Not found.'));
    const raw = WRITE_METHODS.has(method) ? await readBody(req) : '';
    return handleControl(deps, method, path, raw, res, origin);
  }

  const { stats } = deps;
  stats.requests++;
  const key = statPath(path);
  stats.byPath[key] = (stats.byPath[key] ?? 0) + 1;
  res.on('finish', () => {
    stats.status[String(res.statusCode)] = (stats.status[String(res.statusCode)] ?? 0) + 1;
  });

  if (path !== API && !path.startsWith(`${API}/`)) return sendJson(res, 404, errorBody('not_found', 'Not found.'));
  if (!path.endsWith('/')) {
    // NCM redirects slash-less URLs for every method (the SDK even DELETEs without one).
    res.writeHead(301, { location: `${origin}${path}/${search ? `?${search}` : ''}`, 'content-length': '0' });
    res.end();
    return;
  }
  const keys = authenticate(deps, req);
  if (!keys)
    return sendJson(res, 401, unauthorizedBody('Authentication credentials were not provided or are invalid.'));
  const wait = deps.limiter.take(keys.ecmApiId);
  if (wait !== null)
    return sendJson(res, 429, errorBody('rate_limited', 'Request was throttled.'), { 'retry-after': String(wait) });

  const delay = deps.faults.latencyMs(path);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  const fault = deps.faults.decide(path);
  switch (fault.kind) {
    case 'rateLimit':
      return sendJson(res, 429, errorBody('rate_limited', 'Request was throttled.'), { 'retry-after': '1' });
    case 'error':
      return sendJson(
        res,
        fault.status,
        errorBody(
          'server_error',
          fault.status === 500 ? 'cp internal error shard-router-3' : `Service unavailable (${fault.status}).`,
        ),
      );
    case 'hang':
      return; // never answer; close() tears the socket down
    case 'truncate': {
      const text = JSON.stringify({ data: [], meta: { limit: 20, next: null, offset: 0, previous: null } });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length + 512) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setImmediate(() => res.destroy());
      return;
    }
    case 'malformed': {
      const text = '{"data": [{"id": "1", "name": ';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
      res.end(text);
      return;
    }
    default:
      break;
  }

  try {
    let body: unknown;
    if (WRITE_METHODS.has(method)) {
      const raw = await readBody(req);
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'bad_request', 'Request body is not valid JSON.');
        }
      }
      if (keys.role === 'Read Only' || keys.role === 'Diagnostic') {
        throw new HttpError(403, 'forbidden', `The ${keys.role} role may not ${method} resources.`);
      }
    }
    const ctx: RequestContext = {
      sim: deps.sim,
      method,
      path,
      search,
      query: parseQuery(search),
      origin,
      base: `${origin}${API}`,
      nowMs: deps.sim.now(),
      body,
      role: keys.role,
      resolve: (href) => resolveUrl(ctx, href),
    };
    const out = await dispatch(ctx);
    sendJson(res, out.status, out.body);
  } catch (err) {
    if (err instanceof HttpError) return sendJson(res, err.status, errorBody(err.type, err.message), err.headers);
    throw err;
  }
}

async function dispatch(ctx: RequestContext): Promise<{ status: number; body: Json | null }> {
  const segs = ctx.path
    .slice(API.length)
    .split('/')
    .filter((s) => s !== '');
  if (segs.length === 0)
    return {
      status: 200,
      body: Object.fromEntries(
        Object.keys(RESOURCES)
          .sort()
          .map((k) => [k, `${ctx.base}/${k}/`]),
      ),
    };
  const resource = RESOURCES[segs[0]!];
  if (!resource || segs.length > 3) throw notFound();
  const m = ctx.method;
  if (segs.length === 1) {
    if (m === 'GET') {
      if (!resource.list) throw methodNotAllowed(m);
      return { status: 200, body: await resource.list(ctx) };
    }
    if (m === 'POST' && resource.create) return resource.create(ctx);
    throw methodNotAllowed(m);
  }
  const id = decodeURIComponent(segs[1]!);
  if (segs.length === 3) {
    const sub = resource.sub?.[segs[2]!];
    if (!sub) throw notFound();
    if (m !== 'GET') throw methodNotAllowed(m);
    return { status: 200, body: sub(ctx, id) };
  }
  if (resource.writeOnly) throw methodNotAllowed(m);
  if (m === 'GET') {
    const rec = resource.get?.(ctx, id) ?? null;
    if (!rec) throw notFound();
    return { status: 200, body: presentDetail(ctx, rec) };
  }
  if ((m === 'PUT' || m === 'PATCH') && resource.update) return resource.update(ctx, id);
  if (m === 'DELETE' && resource.remove) return resource.remove(ctx, id);
  throw methodNotAllowed(m);
}
