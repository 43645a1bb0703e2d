import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './index';
import { ADMIN, type Api, api, asList, DIAGNOSTIC, headersFor, READ_ONLY, start } from './test-helpers';

let sim: RunningSimulator;
let a: Api;

beforeAll(async () => {
  sim = await start({ routers: 300 });
  a = api(sim);
});
afterAll(() => sim.close());

describe('auth', () => {
  it('answers 401 with a string exception when keys are missing or wrong', async () => {
    const res = await fetch(`${sim.baseUrl}/routers/`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.exception).toBe('unauthorized');
    expect(body.success).toBe(false);
    expect(typeof body.message).toBe('string');
    const wrong = await fetch(`${sim.baseUrl}/routers/`, {
      headers: { ...headersFor(ADMIN), 'X-ECM-API-KEY': 'nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('accepts header names in any case', async () => {
    const h = Object.fromEntries(Object.entries(headersFor(ADMIN)).map(([k, v]) => [k.toLowerCase(), v]));
    expect((await fetch(`${sim.baseUrl}/accounts/`, { headers: h })).status).toBe(200);
  });

  it('forbids writes for Read Only and Diagnostic keys with an object exception, but allows reads', async () => {
    for (const keys of [READ_ONLY, DIAGNOSTIC]) {
      expect((await a.get('routers/?limit=1', keys)).status).toBe(200);
      const res = await a.send('PATCH', 'routers/1000001/', { name: 'x' }, keys);
      expect(res.status).toBe(403);
      const body = res.body as { exception: { type: string; message: string }; errors: unknown[] };
      expect(body.exception.type).toBe('forbidden');
      expect(body.errors).toEqual([]);
    }
  });

  it('serves /healthz without auth', async () => {
    const res = await fetch(sim.baseUrl.replace('/api/v2', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});

describe('urls', () => {
  it('redirects a slash-less path with 301, keeping the query, for any method', async () => {
    for (const method of ['GET', 'DELETE', 'PUT']) {
      const res = await fetch(`${sim.baseUrl}/routers?limit=5&state=online`, {
        method,
        headers: headersFor(ADMIN),
        redirect: 'manual',
      });
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(`${sim.baseUrl}/routers/?limit=5&state=online`);
    }
  });

  it('answers unknown resources with 404 and reboot_activity GET with 405', async () => {
    expect((await a.get('nope/')).status).toBe(404);
    expect((await a.get('routers/999/')).status).toBe(404);
    const r = await a.get('reboot_activity/');
    expect(r.status).toBe(405);
    expect((r.body as { exception: { type: string } }).exception.type).toBeTruthy();
  });
});

describe('pagination', () => {
  it('defaults to 20 and builds next/previous from the request host with every parameter', async () => {
    const first = asList((await a.get('routers/?state=online&fields=id,name')).body);
    expect(first.data).toHaveLength(20);
    expect(first.meta.limit).toBe(20);
    expect(first.meta.previous).toBeNull();
    const next = new URL(first.meta.next!);
    expect(`${next.origin}/api/v2`).toBe(sim.baseUrl);
    expect(next.searchParams.get('state')).toBe('online');
    expect(next.searchParams.get('fields')).toBe('id,name');
    expect(next.searchParams.get('offset')).toBe('20');
    const res = await fetch(first.meta.next!, { headers: headersFor(ADMIN) });
    const second = asList(await res.json());
    expect(second.meta.offset).toBe(20);
    expect(second.data[0]!.id).not.toBe(first.data[0]!.id);
    expect(new URL(second.meta.previous!).searchParams.get('offset')).toBe('0');
  });

  it('clamps limit above 500 and echoes the clamped value; next is null on the last page', async () => {
    const page = asList((await a.get('routers/?limit=1000000')).body);
    expect(page.meta.limit).toBe(500);
    expect(page.data).toHaveLength(300);
    expect(page.meta.next).toBeNull();
    const last = asList((await a.get('routers/?limit=100&offset=200')).body);
    expect(last.data).toHaveLength(100);
    expect(last.meta.next).toBeNull();
  });

  it('rejects invalid limit and offset with 400', async () => {
    for (const q of ['limit=abc', 'limit=-1', 'offset=x', 'offset=-5']) {
      const res = await a.get(`routers/?${q}`);
      expect(res.status).toBe(400);
      expect((res.body as { exception: { type: string } }).exception.type).toBe('bad_request');
    }
  });

  it('tolerates repeated query keys (last wins)', async () => {
    const page = asList((await a.get('routers/?limit=5&limit=3')).body);
    expect(page.meta.limit).toBe(3);
    expect(page.data).toHaveLength(3);
  });
});

describe('filters', () => {
  it('filters exact, __in (max 100) and ignores unknown params', async () => {
    const one = asList((await a.get('routers/?id=1000007')).body);
    expect(one.data.map((r) => r.id)).toEqual(['1000007']);
    const some = asList((await a.get('routers/?id__in=1000003,1000001,1000002')).body);
    expect(some.data.map((r) => r.id)).toEqual(['1000001', '1000002', '1000003']);
    const ids = Array.from({ length: 101 }, (_, i) => 1000001 + i).join(',');
    expect((await a.get(`routers/?id__in=${ids}`)).status).toBe(400);
    expect((await a.get(`routers/?id__in=${ids.split(',').slice(0, 100).join(',')}&limit=500`)).status).toBe(200);
    const lenient = asList((await a.get('routers/?limit=2&no_such_field=1')).body);
    expect(lenient.data).toHaveLength(2);
  });

  it('compares ids numerically with __gt/__gte/__lt/__lte', async () => {
    const page = asList((await a.get('routers/?id__gt=1000290&id__lte=1000295')).body);
    expect(page.data.map((r) => r.id)).toEqual(['1000291', '1000292', '1000293', '1000294', '1000295']);
    const lt = asList((await a.get('net_devices/?id__lt=5000003')).body);
    expect(lt.data.map((r) => r.id)).toEqual(['5000001', '5000002']);
  });

  it('filters timestamps with __gt/__lt', async () => {
    const all = asList((await a.get('routers/?limit=500&fields=id,created_at')).body).data;
    const pivot = [...all].map((r) => String(r.created_at)).sort()[150]!;
    const later = asList((await a.get(`routers/?limit=500&created_at__gt=${encodeURIComponent(pivot)}`)).body).data;
    expect(later.length).toBe(149);
    expect(later.every((r) => String(r.created_at) > pivot)).toBe(true);
  });

  it('filters relations by integer id, dotted router.id, and relation __in', async () => {
    const groups = asList((await a.get('groups/?limit=1')).body).data;
    const gid = String(groups[0]!.id);
    const inGroup = asList((await a.get(`routers/?group=${gid}&limit=500`)).body).data;
    expect(inGroup.length).toBeGreaterThan(0);
    expect(inGroup.every((r) => String(r.group).endsWith(`/groups/${gid}/`))).toBe(true);
    const cm = asList((await a.get('configuration_managers/?router.id=1000042&fields=id')).body).data;
    expect(cm).toEqual([{ id: '3000042' }]);
    const nds = asList((await a.get('net_devices/?router__in=1000001,1000002&limit=50')).body).data;
    expect(new Set(nds.map((n) => n.router as string)).size).toBe(2);
  });

  it('accepts MACs with or without colons and booleans as true/false', async () => {
    const r = (await a.get('routers/1000010/')).body as { mac: string };
    for (const mac of [r.mac, r.mac.replace(/:/g, ''), r.mac.toLowerCase()]) {
      expect(asList((await a.get(`routers/?mac=${encodeURIComponent(mac)}`)).body).data.map((x) => x.id)).toEqual([
        '1000010',
      ]);
    }
    const assets = asList((await a.get('net_devices/?is_asset=false&limit=500')).body).data;
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.every((n) => n.is_asset === false && n.type === 'ethernet')).toBe(true);
  });

  it('returns only the requested fields', async () => {
    const page = asList((await a.get('routers/?fields=id,state&limit=3')).body);
    for (const r of page.data) expect(Object.keys(r)).toEqual(['id', 'state']);
  });

  it('expands one level; nested relations stay URLs and null stays null', async () => {
    const r = (await a.get('routers/1000001/?expand=group,account')).body as Record<string, Record<string, unknown>>;
    expect(r.group!.id).toBeTruthy();
    expect(typeof r.group!.account).toBe('string');
    expect(r.account!.name).toBeTruthy();
    await a.send('PUT', 'routers/1000002/', { group: null });
    const none = (await a.get('routers/1000002/?expand=group')).body as Record<string, unknown>;
    expect(none.group).toBeNull();
    const nd = asList((await a.get('net_devices/?limit=1&expand=router')).body).data[0]!;
    expect((nd.router as Record<string, unknown>).id).toBe('1000001');
  });

  it('orders with order_by (comma list, -desc)', async () => {
    const page = asList((await a.get('routers/?order_by=-id&limit=3&fields=id')).body);
    expect(page.data.map((r) => r.id)).toEqual(['1000300', '1000299', '1000298']);
    const byName = asList((await a.get('routers/?order_by=name,id&limit=500&fields=name')).body).data.map((r) =>
      String(r.name),
    );
    expect(byName).toEqual([...byName].sort());
  });

  it('answers /alerts/ order_by with 409 Invalid ordering field specified', async () => {
    const res = await a.get('alerts/?order_by=created_at');
    expect(res.status).toBe(409);
    expect((res.body as { exception: { message: string } }).exception.message).toContain(
      'Invalid ordering field specified',
    );
  });

  it('keeps keys in alphabetical order', async () => {
    const r = (await a.get('routers/1000001/')).body as Record<string, unknown>;
    const keys = Object.keys(r);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('total_count (published spec only)', () => {
  it('is sent where the count is known, and matches what paging finds', async () => {
    const first = asList((await a.get('routers/?limit=500')).body);
    expect(first.meta.total_count).toBe(300);
    const offline = asList((await a.get('routers/?state=offline&order_by=name&limit=500')).body);
    expect(offline.meta.total_count).toBe(offline.data.length);
  });
});
