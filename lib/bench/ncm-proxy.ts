/**
 * A counting HTTP proxy between the app and the NCM simulator, for the mixed-workload benchmark.
 * The app's own counters and the simulator's /_sim/stats would do for totals, but neither splits the
 * calls by NCM resource and time window the way a reader of the benchmark wants them, and the app's
 * counters only see calls the code under test chooses to count. Sitting on the wire, the proxy sees
 * every call whatever the app does. It forwards method, path, query, headers and body unchanged and
 * streams the answer back; loopback only.
 */
import {
  Agent,
  type ClientRequest,
  createServer,
  type IncomingMessage,
  request as httpRequest,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NcmCallCounts {
  calls: number;
  /** Calls per normalised NCM path, e.g. `routers/{id}` (method prefixed when not GET). */
  byPath: Record<string, number>;
  /**
   * Upstream status codes; `error` when the simulator could not be reached (the app got a 502),
   * `aborted by app` when the app gave up first (its per-call timeout).
   */
  status: Record<string, number>;
  /** 429 answers per normalised path. */
  http429ByPath: Record<string, number>;
}

export interface NcmProxy {
  /** Base URL to give the app as NCM_BASE_URL (same path prefix as the simulator's). */
  baseUrl: string;
  port: number;
  /** Cumulative counts since the proxy started. */
  counts(): NcmCallCounts;
  /** Calls per 10-second bucket since `sinceMs` (performance.now() clock), for seeing the budget fill. */
  callsPer10s(sinceMs: number, untilMs: number): number[];
  /**
   * How long the simulator took to answer (request sent → response headers), in ms, for calls started
   * in [sinceMs, untilMs): tells a slow upstream from an app that queues its calls (the app's budget
   * wait happens before the call reaches the proxy). Also the most calls in flight at once.
   */
  upstreamLatency(sinceMs: number, untilMs: number): { samples: number[]; peakInFlight: number };
  close(): Promise<void>;
}

/** `/api/v2/routers/123/` → `routers/{id}`: resource names are lower-case words, anything else is an id. */
export function normaliseNcmPath(pathname: string, prefix: string): string {
  let path = pathname;
  if (prefix !== '/' && path.startsWith(prefix)) path = path.slice(prefix.length);
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments.length === 0) return '(root)';
  return segments.map((s) => (/^[a-z_]+$/.test(s) ? s : '{id}')).join('/');
}

export function diffCounts(after: NcmCallCounts, before: NcmCallCounts): NcmCallCounts {
  const sub = (a: Record<string, number>, b: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(a)) {
      const d = v - (b[k] ?? 0);
      if (d !== 0) out[k] = d;
    }
    return out;
  };
  return {
    calls: after.calls - before.calls,
    byPath: sub(after.byPath, before.byPath),
    status: sub(after.status, before.status),
    http429ByPath: sub(after.http429ByPath, before.http429ByPath),
  };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

export async function startNcmProxy(options: { upstreamBaseUrl: string; port: number }): Promise<NcmProxy> {
  const upstream = new URL(options.upstreamBaseUrl);
  const prefix = upstream.pathname.replace(/\/$/, '');
  // Keep-alive towards the simulator, as the app keeps its connections to NCM.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const totals: NcmCallCounts = { calls: 0, byPath: {}, status: {}, http429ByPath: {} };
  const times: number[] = [];
  const answered: Array<{ at: number; ms: number; inFlight: number }> = [];
  let inFlight = 0;
  const bump = (record: Record<string, number>, key: string) => {
    record[key] = (record[key] ?? 0) + 1;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const method = req.method ?? 'GET';
    const key = `${method === 'GET' ? '' : `${method} `}${normaliseNcmPath(url.pathname, prefix)}`;
    totals.calls++;
    bump(totals.byPath, key);
    const sentAt = performance.now();
    times.push(sentAt);
    inFlight++;
    const inFlightAtStart = inFlight;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      inFlight--;
    };
    // Headers unchanged (Host included: the simulator builds meta.next from it, so the next page also
    // comes through here), minus the hop-by-hop ones that belong to each connection.
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    let appGone = false;
    let upstreamReq: ClientRequest | null = null;
    // The app aborting its call (its timeout) must abort ours too, or the simulator would go on
    // building an answer nobody reads; such calls are counted as `aborted by app`, not as errors.
    res.on('close', () => {
      settle();
      if (!res.writableFinished) {
        appGone = true;
        upstreamReq?.destroy();
      }
    });
    const send = (body: Buffer, retried: boolean) => {
      const outgoing = httpRequest(
        {
          protocol: upstream.protocol,
          hostname: upstream.hostname,
          port: upstream.port,
          method,
          path: req.url,
          headers,
          agent,
        },
        (upstreamRes) => {
          const status = upstreamRes.statusCode ?? 0;
          answered.push({ at: sentAt, ms: performance.now() - sentAt, inFlight: inFlightAtStart });
          upstreamRes.once('end', settle);
          upstreamRes.once('close', settle);
          bump(totals.status, String(status));
          if (status === 429) bump(totals.http429ByPath, key);
          const outHeaders: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(upstreamRes.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) outHeaders[name] = value;
          }
          res.writeHead(status, upstreamRes.statusMessage, outHeaders);
          upstreamRes.pipe(res);
          upstreamRes.on('error', () => res.destroy());
        },
      );
      upstreamReq = outgoing;
      outgoing.on('error', (err: NodeJS.ErrnoException) => {
        if (appGone) {
          bump(totals.status, 'aborted by app');
          return;
        }
        // A kept-alive socket the simulator closed just as we reused it: the request never reached it,
        // so sending it once more on a fresh socket is still the one call the app made (Node's advice).
        if (!retried && outgoing.reusedSocket && err.code === 'ECONNRESET') {
          send(body, true);
          return;
        }
        settle();
        bump(totals.status, 'error');
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end('bench proxy: simulator unreachable');
      });
      outgoing.end(body);
    };
    // NCM requests are small: the body is read whole so it can be sent again on that retry.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => send(Buffer.concat(chunks), false));
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}${prefix}`,
    port,
    counts: () => structuredClone(totals),
    callsPer10s(sinceMs, untilMs) {
      const buckets = new Array<number>(Math.max(1, Math.ceil((untilMs - sinceMs) / 10_000))).fill(0);
      for (const t of times) {
        if (t < sinceMs || t >= untilMs) continue;
        const i = Math.floor((t - sinceMs) / 10_000);
        buckets[i] = (buckets[i] ?? 0) + 1;
      }
      return buckets;
    },
    upstreamLatency(sinceMs, untilMs) {
      const inWindow = answered.filter((a) => a.at >= sinceMs && a.at < untilMs);
      return { samples: inWindow.map((a) => a.ms), peakInFlight: Math.max(0, ...inWindow.map((a) => a.inFlight)) };
    },
    close() {
      agent.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
