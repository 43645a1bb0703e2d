import { request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFetchForbiddenMethodGuard } from './fetch-forbidden-methods';

/** A real HTTP server whose handler builds a fetch Request, as Next does, so TRACE would throw there. */
class GuardedServer extends Server {}
installFetchForbiddenMethodGuard(GuardedServer);

let server: GuardedServer;
let origin: string;

beforeAll(async () => {
  server = new GuardedServer((req, res) => {
    try {
      new Request(`http://x${req.url}`, { method: req.method });
      res.writeHead(200).end('handled');
    } catch {
      res.writeHead(500).end('framework error');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('installFetchForbiddenMethodGuard', () => {
  it('answers TRACE on an API route with 405 and the route’s Allow', async () => {
    expect(await send('TRACE', '/api/groups')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS' });
    expect(await send('TRACE', '/api/routers/7?x=1')).toMatchObject({
      status: 405,
      allow: 'GET, PATCH, HEAD, OPTIONS',
    });
  });

  it('answers TRACE on a page with 405 and the page methods', async () => {
    expect(await send('TRACE', '/routers')).toMatchObject({ status: 405, allow: 'GET, HEAD, POST' });
  });

  it('leaves every other method to the application', async () => {
    expect(await send('GET', '/api/groups')).toMatchObject({ status: 200, body: 'handled' });
    expect(await send('DELETE', '/api/groups')).toMatchObject({ status: 200, body: 'handled' });
  });
});
