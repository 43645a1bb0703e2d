/**
 * A scripted hostile NCM on loopback: it speaks just enough NCM v2 to be believed, then misbehaves
 * in one chosen way per request. Used by the security suite to show that nothing it sends reaches a
 * browser, makes the client loop, or holds a request open past its timeout.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type HostileBehaviour =
  /** A list page whose `meta.next` points at another host (the canary). */
  | { kind: 'foreign-next'; to: string }
  /** A list page whose `meta.next` is the page just served, forever. */
  | { kind: 'next-loop' }
  /** A redirect (302, 307, …) to another host. */
  | { kind: 'redirect'; status: number; to: string }
  /** A valid answer with headers that must never be passed on to a browser. */
  | { kind: 'hostile-headers'; echo: string }
  /** One header far beyond any sane size. */
  | { kind: 'huge-header'; bytes: number }
  /** Declares a Content-Length, sends part of it, then closes the connection (FIN). */
  | { kind: 'truncated' }
  /** Sends part of the body, then resets the connection (TCP RST). */
  | { kind: 'reset-mid-body' }
  /** Sends the headers, then one byte of body at a time, never finishing. */
  | { kind: 'slow-drip'; intervalMs: number };

export interface HostileNcm {
  origin: string;
  base: string;
  /** Every request received (method and URL). */
  requests: Array<{ method: string; url: string }>;
  behave(behaviour: HostileBehaviour): void;
  close(): Promise<void>;
}

const ROUTER = {
  id: '1',
  name: 'hostile-1',
  description: null,
  state: 'online',
  state_updated_at: '2026-11-01T10:00:00.000000+00:00',
  account: 'https://www.cradlepointecm.com/api/v2/accounts/100/',
  group: null,
  product: 'https://www.cradlepointecm.com/api/v2/products/46/',
  full_product_name: 'IBR1700-600M',
  actual_firmware: null,
  target_firmware: null,
  serial_number: 'SN1',
  mac: '00:30:44:1C:38:D0',
  ipv4_address: '166.241.162.156',
  config_status: 'synched',
  upgrade_pending: false,
  reboot_required: false,
  last_known_location: null,
  resource_url: 'https://www.cradlepointecm.com/api/v2/routers/1/',
};

function page(req: IncomingMessage, origin: string, next: string | null): string {
  const url = new URL(req.url ?? '/', origin);
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return JSON.stringify({ data: [ROUTER], meta: { limit, offset, next, previous: null } });
}

function respond(behaviour: HostileBehaviour, req: IncomingMessage, res: ServerResponse, origin: string): void {
  const selfUrl = new URL(req.url ?? '/', origin).href;
  switch (behaviour.kind) {
    case 'foreign-next':
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(page(req, origin, `${behaviour.to}/api/v2/routers/?offset=20`));
      return;
    case 'next-loop':
      res.writeHead(200, { 'content-type': 'application/json' }).end(page(req, origin, selfUrl));
      return;
    case 'redirect':
      res
        .writeHead(behaviour.status, {
          location: `${behaviour.to}/api/v2/routers/`,
          'content-type': 'application/json',
        })
        .end('{}');
      return;
    case 'hostile-headers':
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'set-cookie': ['authjs.session-token=planted; Path=/', '__Host-planted=1; Path=/; Secure'],
          'access-control-allow-origin': '*',
          'access-control-allow-credentials': 'true',
          server: 'hostile-ncm/6.6.6',
          'x-powered-by': 'hostile',
          'content-security-policy': "script-src 'unsafe-inline' *",
          location: 'https://evil.example/',
          refresh: '0; url=https://evil.example/',
          'x-echo': behaviour.echo,
        })
        .end(page(req, origin, null));
      return;
    case 'huge-header':
      res
        .writeHead(200, { 'content-type': 'application/json', 'x-huge': 'a'.repeat(behaviour.bytes) })
        .end(page(req, origin, null));
      return;
    case 'truncated': {
      const body = page(req, origin, null);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length + 500) });
      res.write(body.slice(0, 40), () => res.socket?.end());
      return;
    }
    case 'reset-mid-body': {
      const body = page(req, origin, null);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.write(body.slice(0, 40), () => res.socket?.resetAndDestroy());
      return;
    }
    case 'slow-drip': {
      const body = page(req, origin, null);
      res.writeHead(200, { 'content-type': 'application/json' });
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        // Never the last byte: the body never completes.
        res.write(body[i % (body.length - 1)]!);
        i++;
      }, behaviour.intervalMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
  }
}

export async function startHostileNcm(): Promise<HostileNcm> {
  let behaviour: HostileBehaviour = { kind: 'truncated' };
  const requests: HostileNcm['requests'] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    req.resume();
    req.on('end', () => respond(behaviour, req, res, origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base: `${origin}/api/v2`,
    requests,
    behave(next) {
      behaviour = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
