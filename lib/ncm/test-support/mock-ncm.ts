/**
 * A scriptable NCM stand-in on loopback for unit tests, plus a "canary" listener that must never be
 * called (it plays the attacker host in SSRF cases). Records every request: method, url, headers, body.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface MockReply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings verbatim. */
  body?: unknown;
  delayMs?: number;
  /** Send headers with this Content-Length, write the first bytes of the body, then drop the socket. */
  truncateAfterBytes?: number;
}

type MockHandler = (req: RecordedRequest) => MockReply;

export interface MockServer {
  origin: string;
  requests: RecordedRequest[];
  setHandler(handler: MockHandler): void;
  /** Replies in order; the last one repeats. */
  setSequence(replies: MockReply[]): void;
  close(): Promise<void>;
}

export async function startMockServer(): Promise<MockServer> {
  const requests: RecordedRequest[] = [];
  let handler: MockHandler = () => ({ status: 404, body: { exception: { message: 'not found' } } });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = handler(recorded);
      const send = () => {
        if (res.destroyed) return;
        const text =
          typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
        const headers: Record<string, string> = { 'content-type': 'application/json', ...reply.headers };
        if (reply.truncateAfterBytes !== undefined) {
          res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
          res.write(text.slice(0, reply.truncateAfterBytes));
          setTimeout(() => res.socket?.destroy(), 10);
          return;
        }
        res.writeHead(reply.status ?? 200, headers);
        res.end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    setHandler(next) {
      handler = next;
    },
    setSequence(replies) {
      let i = 0;
      handler = () => replies[Math.min(i++, replies.length - 1)]!;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A list envelope the way NCM sends it (absolute `next` on the same host unless given). */
export function listBody(data: unknown[], meta: { limit?: number; offset?: number; next?: string | null } = {}) {
  return {
    data,
    meta: { limit: meta.limit ?? 20, offset: meta.offset ?? 0, next: meta.next ?? null, previous: null },
  };
}

export const TEST_KEYS = {
  NCM_CP_API_ID: 'test-cp-id-1111',
  NCM_CP_API_KEY: 'test-cp-key-2222',
  NCM_ECM_API_ID: 'test-ecm-id-3333',
  NCM_ECM_API_KEY: 'test-ecm-key-4444',
} as const;

const ENV_VARS = [
  'NCM_BASE_URL',
  'NCM_CP_API_ID',
  'NCM_CP_API_KEY',
  'NCM_ECM_API_ID',
  'NCM_ECM_API_KEY',
  'NCM_TIMEOUT_MS',
  'NCM_MAX_RETRIES',
  'SIMULATOR_PORT',
] as const;

/** Replaces the NCM variables in process.env; returns a restore function. */
export function setNcmEnv(values: Partial<Record<(typeof ENV_VARS)[number], string>>): () => void {
  const saved = Object.fromEntries(ENV_VARS.map((name) => [name, process.env[name]]));
  for (const name of ENV_VARS) delete process.env[name];
  Object.assign(process.env, values);
  return () => {
    for (const name of ENV_VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  };
}

/** Wire fixtures in real NCM shape (string ids, absolute relation URLs). */
export function wireRouter(id: string, overrides: Record<string, unknown> = {}) {
  const base = 'https://www.cradlepointecm.com/api/v2';
  return {
    id,
    name: `router-${id}`,
    description: null,
    state: 'online',
    state_updated_at: '2026-11-01T10:00:00.000000+00:00',
    account: `${base}/accounts/100/`,
    group: `${base}/groups/200/`,
    product: `${base}/products/46/`,
    full_product_name: 'IBR1700-600M',
    actual_firmware: `${base}/firmwares/3000/`,
    target_firmware: `${base}/firmwares/3001/`,
    serial_number: `SN${id}`,
    mac: '00:30:44:1C:38:D0',
    ipv4_address: '166.241.162.156',
    config_status: 'synched',
    upgrade_pending: false,
    reboot_required: false,
    last_known_location: null,
    resource_url: `${base}/routers/${id}/`,
    ...overrides,
  };
}
