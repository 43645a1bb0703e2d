import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './index';
import { type Api, api, asList, FIXED_NOW, start } from './test-helpers';

let sim: RunningSimulator;
let a: Api;
let clock = FIXED_NOW;

beforeAll(async () => {
  sim = await start({ routers: 120, now: () => clock });
  a = api(sim);
});
afterAll(() => sim.close());

type Obj = Record<string, unknown>;

describe('router writes', () => {
  it('PUT and PATCH accept partial bodies, return the updated object, persist, and bump updated_at', async () => {
    const before = (await a.get('routers/1000010/')).body as Obj;
    clock += 60_000;
    const put = await a.send('PUT', 'routers/1000010/', { name: 'BUS-DEN-RENAMED', custom1: 'x'.repeat(255) });
    expect(put.status).toBe(202);
    expect((put.body as Obj).name).toBe('BUS-DEN-RENAMED');
    expect((put.body as Obj).description).toBe(before.description);
    expect(String((put.body as Obj).updated_at) > String(before.updated_at)).toBe(true);
    const patch = await a.send('PATCH', 'routers/1000010/', {
      description: 'front door',
      asset_id: 'A-1',
      custom2: null,
    });
    expect(patch.status).toBe(200);
    const after = (await a.get('routers/1000010/')).body as Obj;
    expect(after).toMatchObject({
      name: 'BUS-DEN-RENAMED',
      description: 'front door',
      asset_id: 'A-1',
      custom1: 'x'.repeat(255),
      custom2: null,
    });
    expect(asList((await a.get('routers/?name=BUS-DEN-RENAMED')).body).data.map((r) => r.id)).toEqual(['1000010']);
  });

  it('order_by sees writes (cached sort orders are invalidated)', async () => {
    const before = asList((await a.get('routers/?order_by=name&limit=1&fields=id,name')).body).data[0]!;
    await a.send('PATCH', 'routers/1000050/', { name: '0000-first' });
    const after = asList((await a.get('routers/?order_by=name&limit=1&fields=id,name')).body).data[0]!;
    expect(before.id).not.toBe('1000050');
    expect(after).toEqual({ id: '1000050', name: '0000-first' });
  });

  it('accepts group as full URL, /api/v1/ and /api/v2/ paths, or null; account as URL', async () => {
    const groups = asList((await a.get('groups/?limit=3')).body).data.map((g) => String(g.id));
    const forms = [
      `${sim.baseUrl}/groups/${groups[0]}/`,
      `https://www.cradlepointecm.com/api/v2/groups/${groups[1]}/`,
      `/api/v1/groups/${groups[2]}/`,
      `/api/v2/groups/${groups[0]}/`,
    ];
    for (const form of forms) {
      const res = await a.send('PUT', 'routers/1000011/', { group: form });
      expect(res.status).toBe(202);
      expect(String((res.body as Obj).group)).toBe(`${sim.baseUrl}/groups/${form.match(/groups\/(\d+)/)![1]}/`);
    }
    expect(((await a.send('PUT', 'routers/1000011/', { group: null })).body as Obj).group).toBeNull();
    const acct = await a.send('PUT', 'routers/1000011/', { account: '/api/v1/accounts/10002/' });
    expect(String((acct.body as Obj).account)).toMatch(/\/accounts\/10002\/$/);
  });

  it('rejects unknown or read-only fields, over-long custom fields and bad relations with 400', async () => {
    for (const body of [
      { state: 'offline' },
      { id: '1' },
      { bogus: 1 },
      { custom1: 'y'.repeat(256) },
      { group: 'not-a-url' },
      { group: '/api/v2/groups/1/' },
      { name: 42 },
    ]) {
      const res = await a.send('PATCH', 'routers/1000012/', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as { exception: { type: string } }).exception.type).toBe('bad_request');
    }
    expect((await a.send('PATCH', 'routers/1000012/', 'not json')).status).toBe(400);
    expect((await a.send('PATCH', 'routers/9999999/', { name: 'x' })).status).toBe(404);
  });

  it('raises a config_change alert after a client write', async () => {
    clock += 1000;
    await a.send('PUT', 'routers/1000013/', { description: 'changed' });
    const alerts = asList((await a.get('alerts/?router=1000013&type=config_change')).body).data;
    expect(alerts.length).toBe(1);
    const activity = asList((await a.get('activity_logs/?limit=5')).body).data;
    expect(activity.some((x) => (x.object as Obj).id === '1000013')).toBe(true);
  });
});

describe('alert rules and push destinations', () => {
  it('create (201), update (PATCH/PUT), delete (204)', async () => {
    const created = await a.send('POST', 'alert_push_destinations/', {
      name: 'ops',
      endpoint: { url: 'http://127.0.0.1:9/a' },
      authentication: { secret: 'abc' },
    });
    expect(created.status).toBe(201);
    const id = String((created.body as Obj).destination_config_id);
    expect((created.body as Obj).authentication).toEqual({ secret: '*' });
    const patched = await a.send('PATCH', `alert_push_destinations/${id}/`, { enabled: false });
    expect((patched.body as Obj).enabled).toBe(false);
    expect(((await a.get(`alert_push_destinations/${id}/`)).body as Obj).enabled).toBe(false);
    expect((await a.send('PATCH', `alert_push_destinations/${id}/`, { nope: 1 })).status).toBe(400);
    const rule = await a.send('POST', 'alert_rules/', {
      filter_criteria: { alert_type__in: ['router_offline'] },
      http_destinations: [id],
      schedule: null,
    });
    expect(rule.status).toBe(201);
    const rid = String((rule.body as Obj).alert_config_id);
    const put = await a.send('PUT', `alert_rules/${rid}/`, { schedule: 'daily' });
    expect(put.status).toBe(200);
    expect((put.body as Obj).schedule).toBe('daily');
    expect((put.body as Obj).http_destinations).toEqual([]); // PUT replaces
    expect((await a.send('DELETE', `alert_rules/${rid}/`, undefined)).status).toBe(204);
    expect((await a.get(`alert_rules/${rid}/`)).status).toBe(404);
    expect((await a.send('DELETE', `alert_push_destinations/${id}/`, undefined)).status).toBe(204);
    expect(
      asList((await a.get('alert_push_destinations/')).body).data.find((d) => d.destination_config_id === id),
    ).toBeUndefined();
  });
});

describe('locations, reboots, configuration managers', () => {
  it('locations POST/PUT/DELETE update the router last_known_location', async () => {
    const router = `${sim.baseUrl}/routers/1000020/`;
    const created = await a.send('POST', 'locations/', {
      router,
      account: '/api/v1/accounts/10001/',
      latitude: 39.5,
      longitude: -105.1,
      accuracy: 0,
      method: 'manual',
    });
    expect(created.status).toBe(201);
    const id = String((created.body as Obj).id);
    expect(((await a.get('routers/1000020/')).body as Obj).last_known_location).toBe(`${sim.baseUrl}/locations/${id}/`);
    const put = await a.send('PUT', `locations/${id}/`, { latitude: 40 });
    expect((put.body as Obj).latitude).toBe(40);
    expect((await a.send('DELETE', `locations/${id}/`, undefined)).status).toBe(204);
    expect(((await a.get('routers/1000020/')).body as Obj).last_known_location).toBeNull();
    expect((await a.get(`locations/${id}/`)).status).toBe(404);
  });

  it('reboot_activity accepts a router or group URL (201) and nothing else', async () => {
    const r = await a.send('POST', 'reboot_activity/', { router: `${sim.baseUrl}/routers/1000001/` });
    expect(r.status).toBe(201);
    expect((r.body as Obj).router).toBe(`${sim.baseUrl}/routers/1000001/`);
    expect((await a.send('POST', 'reboot_activity/', { group: '/api/v1/groups/20001/' })).status).toBe(201);
    expect((await a.send('POST', 'reboot_activity/', {})).status).toBe(400);
  });

  it('configuration_managers PATCH merges and answers 202; PUT replaces', async () => {
    const first = await a.send('PATCH', 'configuration_managers/3000030/', {
      configuration: [{ system: { system_id: 'A' } }, []],
    });
    expect(first.status).toBe(202);
    const second = await a.send('PATCH', 'configuration_managers/3000030/', {
      configuration: [{ lan: { 0: { name: 'x' } } }, []],
    });
    expect((second.body as Obj).configuration).toEqual([{ system: { system_id: 'A' }, lan: { 0: { name: 'x' } } }, []]);
    expect((second.body as Obj).version_number).toBe(((first.body as Obj).version_number as number) + 1);
    const put = await a.send('PUT', 'configuration_managers/3000030/', { configuration: [{}, ['system']] });
    expect(put.status).toBe(202);
    expect((put.body as Obj).configuration).toEqual([{}, ['system']]);
    expect((await a.send('PATCH', 'configuration_managers/3000030/', { configuration: 'x' })).status).toBe(400);
  });

  it('GET-only resources reject writes with 405', async () => {
    expect((await a.send('POST', 'routers/', { name: 'x' })).status).toBe(405);
    expect((await a.send('DELETE', 'alerts/', undefined)).status).toBe(405);
    expect((await a.send('PUT', 'net_devices/5000001/', { name: 'x' })).status).toBe(405);
  });
});
