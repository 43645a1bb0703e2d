import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTimestamp, timeUuidMicros } from './fleet/time';
import type { RunningSimulator } from './index';
import { type Api, api, asList, FIXED_NOW, start } from './test-helpers';

let sim: RunningSimulator;
let small: RunningSimulator;
let a: Api;
let s: Api;
const DAY = 86_400_000;

beforeAll(async () => {
  [sim, small] = await Promise.all([start({ routers: 300 }), start({ routers: 20 })]);
  a = api(sim);
  s = api(small);
});
afterAll(() => Promise.all([sim.close(), small.close()]));

const ms = (iso: unknown) => parseTimestamp(String(iso)) / 1000;

describe('device filters on time series', () => {
  for (const path of ['net_device_signal_samples/', 'net_device_usage_samples/', 'router_state_samples/']) {
    it(`${path} without a device filter answers 409 on a fleet of >100 devices, 200 on a small one`, async () => {
      const big = await a.get(path);
      expect(big.status).toBe(409);
      expect((big.body as { exception: { type: string } }).exception.type).toBe('conflict');
      expect((await s.get(path)).status).toBe(200);
    });
  }

  it('caps net_device__in at 100 values', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => 5000001 + i).join(',');
    expect((await a.get(`net_device_signal_samples/?net_device__in=${ids}`)).status).toBe(400);
  });

  it('historical_locations needs exactly one router', async () => {
    expect((await a.get('historical_locations/')).status).toBe(409);
    expect((await a.get('historical_locations/?router=1000001,1000002')).status).toBe(400);
    expect((await a.get('historical_locations/?router__in=1000001,1000002')).status).toBe(400);
    expect((await a.get('historical_locations/?router=1000001')).status).toBe(200);
  });
});

describe('retention windows', () => {
  const oldest = async (path: string) => {
    const page = asList((await a.get(`${path}${path.includes('?') ? '&' : '?'}order_by=created_at&limit=1`)).body);
    return ms(page.data[0]!.created_at);
  };

  it('signal samples reach back 7 days, every 5 minutes, newest first', async () => {
    const first = asList((await a.get('net_device_signal_samples/?net_device=5000001&limit=3')).body).data;
    const t = first.map((r) => ms(r.created_at));
    expect(t[0]! - t[1]!).toBe(5 * 60_000);
    expect(t[0]!).toBeLessThanOrEqual(FIXED_NOW);
    const old = await oldest('net_device_signal_samples/?net_device=5000001');
    expect(FIXED_NOW - old).toBeLessThanOrEqual(7 * DAY);
    expect(FIXED_NOW - old).toBeGreaterThan(7 * DAY - 5 * 60_000);
  });

  it('usage samples reach back 90 days, every 15 minutes', async () => {
    const old = await oldest('net_device_usage_samples/?net_device=5000001');
    expect(FIXED_NOW - old).toBeLessThanOrEqual(90 * DAY);
    expect(FIXED_NOW - old).toBeGreaterThan(90 * DAY - 15 * 60_000);
  });

  it('historical locations reach back a year', async () => {
    const old = await oldest('historical_locations/?router=1000001');
    expect(FIXED_NOW - old).toBeLessThanOrEqual(365 * DAY);
    expect(FIXED_NOW - old).toBeGreaterThan(364 * DAY);
  });

  it('alerts and router_alerts reach back 90 days, activity logs 30 days', async () => {
    const oldAlerts = asList((await a.get('router_alerts/?order_by=created_at&limit=1')).body).data[0]!;
    expect(FIXED_NOW - ms(oldAlerts.created_at)).toBeLessThanOrEqual(90 * DAY);
    expect(FIXED_NOW - ms(oldAlerts.created_at)).toBeGreaterThan(89 * DAY);
    const none = asList(
      (await a.get(`alerts/?created_at__lt=${encodeURIComponent(new Date(FIXED_NOW - 91 * DAY).toISOString())}`)).body,
    );
    expect(none.data).toHaveLength(0);
    const oldActivity = asList((await a.get('activity_logs/?order_by=created_at&limit=1')).body).data[0]!;
    expect(FIXED_NOW - ms(oldActivity.created_at)).toBeLessThanOrEqual(30 * DAY);
  });

  it('never serves records from the future', async () => {
    const newest = asList((await a.get('alerts/?limit=1')).body).data[0]!;
    expect(ms(newest.created_at)).toBeLessThanOrEqual(FIXED_NOW);
  });
});

describe('created_at and created_at_timeuuid', () => {
  it('formats created_at with microseconds and +00:00, and the timeuuid encodes the same instant', async () => {
    const rows = asList((await a.get('alerts/?limit=50')).body).data;
    for (const r of rows) {
      expect(String(r.created_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
      expect(timeUuidMicros(String(r.created_at_timeuuid))).toBe(parseTimestamp(String(r.created_at)));
      expect(r.id).toBe(r.created_at_timeuuid);
    }
  });

  it('pages by created_at_timeuuid__gt without gaps or repeats', async () => {
    const all = asList(
      (
        await a.get(
          'net_device_signal_samples/?net_device__in=5000001,5000002,5000004&order_by=created_at_timeuuid&limit=500&created_at__gt=2026-06-14T12:00:00%2B00:00',
        )
      ).body,
    ).data;
    const walked: unknown[] = [];
    let cursor = '';
    for (let i = 0; i < 20; i++) {
      const q = `net_device_signal_samples/?net_device__in=5000001,5000002,5000004&order_by=created_at_timeuuid&limit=50&created_at__gt=2026-06-14T12:00:00%2B00:00${cursor ? `&created_at_timeuuid__gt=${cursor}` : ''}`;
      const page = asList((await a.get(q)).body).data;
      if (page.length === 0) break;
      walked.push(...page.map((r) => r.created_at_timeuuid));
      cursor = String(page[page.length - 1]!.created_at_timeuuid);
    }
    expect(walked.length).toBe(576); // 2 modems × 288 five-minute samples in 24 h
    expect(walked.slice(0, all.length)).toEqual(all.map((r) => r.created_at_timeuuid));
    expect(new Set(walked).size).toBe(walked.length);
  });

  it('filters created_at__gt/__lt on alerts and samples', async () => {
    const from = '2026-06-15T06:00:00+00:00';
    const to = '2026-06-15T08:00:00+00:00';
    const rows = asList(
      (
        await a.get(
          `alerts/?created_at__gt=${encodeURIComponent(from)}&created_at__lt=${encodeURIComponent(to)}&limit=500`,
        )
      ).body,
    ).data;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(ms(r.created_at)).toBeGreaterThan(ms(from));
      expect(ms(r.created_at)).toBeLessThan(ms(to));
    }
    const samples = asList(
      (
        await a.get(
          `net_device_usage_samples/?net_device=5000001&created_at__gte=${encodeURIComponent(from)}&created_at__lte=${encodeURIComponent(to)}&limit=500`,
        )
      ).body,
    ).data;
    expect(samples).toHaveLength(8); // 2 h at 15 min
    expect((await a.get('alerts/?created_at__gt=yesterday')).status).toBe(400);
  });

  it('accepts an unencoded + that arrived as a space, and a Z suffix', async () => {
    const a1 = asList((await a.get('alerts/?created_at__gt=2026-06-15T06:00:00 00:00&limit=5')).body).data;
    const a2 = asList((await a.get('alerts/?created_at__gt=2026-06-15T06:00:00Z&limit=5')).body).data;
    expect(a1).toEqual(a2);
  });
});

describe('alert feed', () => {
  it('is newest first and filters by type, type__in, router, router__in and account', async () => {
    const page = asList((await a.get('alerts/?limit=200')).body).data;
    const times = page.map((r) => ms(r.created_at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const offline = asList((await a.get('alerts/?type=router_offline&limit=50')).body).data;
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.every((r) => r.type === 'router_offline' && r.severity === 'critical')).toBe(true);
    const two = asList((await a.get('alerts/?type__in=router_online,wan_failover&limit=100')).body).data;
    expect(new Set(two.map((r) => r.type))).toEqual(new Set(['router_online', 'wan_failover']));
    const rid = String(offline[0]!.router).match(/routers\/(\d+)\//)![1]!;
    const mine = asList((await a.get(`alerts/?router=${rid}&limit=100`)).body).data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => String(r.router).endsWith(`/routers/${rid}/`))).toBe(true);
    // Most router alerts carry no account, as on real NCM; account filters match only those that do.
    const sample = asList((await a.get('alerts/?limit=400')).body).data;
    expect(sample.some((r) => r.account === null)).toBe(true);
    const withAccount = sample.find((r) => typeof r.account === 'string')!;
    const acct = String(withAccount.account).match(/accounts\/(\d+)\//)![1]!;
    const byAccount = asList((await a.get(`alerts/?account=${acct}&limit=100`)).body).data;
    expect(byAccount.length).toBeGreaterThan(0);
    expect(byAccount.every((r) => String(r.account).endsWith(`/accounts/${acct}/`))).toBe(true);
  });

  it('carries both NCM and spec names: friendly_info/message, id/created_at_timeuuid, severity', async () => {
    const r = asList((await a.get('alerts/?limit=1')).body).data[0]!;
    expect(r.message).toBe(r.friendly_info);
    expect(['critical', 'error', 'warning', 'info']).toContain(r.severity);
    const rr = asList((await a.get('router_alerts/?limit=1')).body).data[0]!;
    expect(rr.account).toBeUndefined();
  });

  it('offline alerts agree with router state: a router offline now has an open outage', async () => {
    const offline = asList((await a.get('routers/?state=offline&limit=500&fields=id,state_updated_at')).body).data;
    expect(offline.length).toBeGreaterThan(0);
    const recent = offline.filter((r) => FIXED_NOW - ms(r.state_updated_at) < 3_600_000);
    expect(recent.length).toBeGreaterThan(0);
    for (const r of recent) {
      const alerts = asList((await a.get(`alerts/?router=${r.id}&type=router_offline&limit=1`)).body).data;
      expect(alerts[0] && ms(alerts[0].created_at)).toBe(ms(r.state_updated_at));
    }
  });
});

describe('both names where spec and NCM differ', () => {
  it('routers carry state_updated_at and last_seen_at; push destinations endpoint.url and url', async () => {
    const r = (await a.get('routers/1000001/')).body as Record<string, unknown>;
    expect(r.state_updated_at).toBeTruthy();
    expect(r.last_seen_at).toBe(r.state_updated_at);
    const d = (
      await a.send('POST', 'alert_push_destinations/', {
        name: 'n',
        endpoint: { url: 'http://127.0.0.1:9/x' },
        authentication: { secret: 'k' },
      })
    ).body as Record<string, unknown>;
    expect((d.endpoint as { url: string }).url).toBe('http://127.0.0.1:9/x');
    expect(d.url).toBe('http://127.0.0.1:9/x');
  });
});

describe('historical_locations gaps', () => {
  it('has no breadcrumbs while the router was offline, and deep offsets stay consistent', async () => {
    // Find a vehicle with a recorded outage in the last week.
    const hundred = Array.from({ length: 100 }, (_, i) => 1000001 + i).join(',');
    const offline = asList((await a.get(`router_state_samples/?router__in=${hundred}&limit=500`)).body).data;
    const vehicles = new Set(
      asList((await a.get('routers/?limit=100&fields=id,name')).body)
        .data.filter((r) => /^(BUS|PD|VAN)-/.test(String(r.name)))
        .map((r) => String(r.id)),
    );
    const outage = offline.find(
      (s) => s.state === 'offline' && vehicles.has(String(s.router).match(/routers\/(\d+)\//)![1]!),
    )!;
    expect(outage).toBeTruthy();
    const rid = String(outage.router).match(/routers\/(\d+)\//)![1]!;
    const startMs = ms(outage.created_at);
    const endMs = startMs + Number(outage.period) * 1000;
    const from = encodeURIComponent(new Date(startMs - 10 * 60_000).toISOString());
    const to = encodeURIComponent(new Date(endMs + 10 * 60_000).toISOString());
    const crumbs = asList(
      (await a.get(`historical_locations/?router=${rid}&created_at__gte=${from}&created_at__lte=${to}&limit=500`)).body,
    ).data.map((c) => ms(c.created_at));
    expect(crumbs.length).toBeGreaterThan(15);
    expect(crumbs.some((t) => t >= startMs && t < endMs)).toBe(false);
    // offset paging agrees with one big page
    const big = asList((await a.get(`historical_locations/?router=${rid}&limit=500&offset=1000`)).body).data;
    const small = asList((await a.get(`historical_locations/?router=${rid}&limit=100&offset=1200`)).body).data;
    expect(small).toEqual(big.slice(200, 300));
  });
});
