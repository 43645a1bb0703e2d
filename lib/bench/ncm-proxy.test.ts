import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { diffCounts, normaliseNcmPath, type NcmProxy, startNcmProxy } from './ncm-proxy';

describe('normaliseNcmPath', () => {
  it('drops the API prefix and the trailing slash and blurs ids', () => {
    expect(normaliseNcmPath('/api/v2/routers/123/', '/api/v2')).toBe('routers/{id}');
    expect(normaliseNcmPath('/api/v2/net_devices/', '/api/v2')).toBe('net_devices');
    expect(normaliseNcmPath('/api/v2/routers/1000072/lan/', '/api/v2')).toBe('routers/{id}/lan');
    expect(normaliseNcmPath('/api/v2/', '/api/v2')).toBe('(root)');
  });
});

describe('startNcmProxy', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('forwards method, path, query, headers and body unchanged, and counts by path and status', async () => {
    const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];
    const upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        const limited = req.url?.includes('limited');
        res.writeHead(limited ? 429 : 200, { 'Content-Type': 'application/json', 'Retry-After': limited ? '7' : '0' });
        res.end(JSON.stringify({ echo: req.url }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => upstream.close(() => resolve())));
    const port = (upstream.address() as AddressInfo).port;
    const proxy: NcmProxy = await startNcmProxy({ upstreamBaseUrl: `http://127.0.0.1:${port}/api/v2`, port: 0 });
    closers.unshift(() => proxy.close());
    expect(proxy.baseUrl).toBe(`http://127.0.0.1:${proxy.port}/api/v2`);

    const before = proxy.counts();
    const get = await fetch(`${proxy.baseUrl}/routers/?limit=500&offset=0&state__in=online,offline`, {
      headers: { 'X-CP-API-ID': 'abc' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ echo: '/api/v2/routers/?limit=500&offset=0&state__in=online,offline' });
    const put = await fetch(`${proxy.baseUrl}/routers/42/`, {
      method: 'PUT',
      body: '{"name":"x"}',
      headers: { 'Content-Type': 'application/json' },
    });
    await put.arrayBuffer();
    const limited = await fetch(`${proxy.baseUrl}/alerts/?limited=1`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    await limited.arrayBuffer();

    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/v2/routers/?limit=500&offset=0&state__in=online,offline',
      body: '',
    });
    expect(seen[0]!.headers['x-cp-api-id']).toBe('abc');
    expect(seen[0]!.headers.host).toBe(`127.0.0.1:${proxy.port}`);
    expect(seen[1]).toMatchObject({ method: 'PUT', url: '/api/v2/routers/42/', body: '{"name":"x"}' });

    const counted = diffCounts(proxy.counts(), before);
    expect(counted).toEqual({
      calls: 3,
      byPath: { routers: 1, 'PUT routers/{id}': 1, alerts: 1 },
      status: { '200': 2, '429': 1 },
      http429ByPath: { alerts: 1 },
    });
  });
});
