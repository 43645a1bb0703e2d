/** Every list and detail response of every resource must parse with the client's wire schemas. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  accountSchema,
  activityLogSchema,
  alertPushDestinationSchema,
  alertRuleSchema,
  alertSchema,
  configurationManagerSchema,
  errorBodySchema,
  firmwareSchema,
  groupSchema,
  historicalLocationSchema,
  listSchema,
  locationSchema,
  netDeviceHealthSchema,
  netDeviceMetricsSchema,
  netDeviceSchema,
  productSchema,
  routerLanSchema,
  routerSchema,
  routerStateSampleSchema,
  signalSampleSchema,
  subscriptionSchema,
  usageSampleSchema,
  userSchema,
} from '../ncm/wire';
import type { RunningSimulator } from './index';
import { ADMIN, type Api, api, headersFor, start } from './test-helpers';

let sim: RunningSimulator;
let a: Api;

beforeAll(async () => {
  sim = await start({ routers: 150 });
  a = api(sim);
  // Client-created records so those lists are not empty.
  const dest = await a.send('POST', 'alert_push_destinations/', {
    name: 'hook',
    endpoint: { url: 'http://127.0.0.1:9/hook' },
    authentication: { secret: 's3cret' },
  });
  expect(dest.status).toBe(201);
  const rule = await a.send('POST', 'alert_rules/', {
    filter_criteria: { alert_type__in: ['router_offline'] },
    http_destinations: [(dest.body as { destination_config_id: string }).destination_config_id],
    associated_groups: [20001],
  });
  expect(rule.status).toBe(201);
  await a.send('PUT', 'routers/1000003/', { name: 'renamed' }); // produces config_change + activity
});
afterAll(() => sim.close());

interface Case {
  list: string;
  schema: z.ZodType;
  /** key of the record id used for the detail URL; omitted for list-only resources */
  idKey?: string;
}

const CASES: Record<string, Case> = {
  accounts: { list: 'accounts/', schema: accountSchema, idKey: 'id' },
  activity_logs: { list: 'activity_logs/', schema: activityLogSchema },
  alerts: { list: 'alerts/?limit=100', schema: alertSchema },
  alert_rules: { list: 'alert_rules/', schema: alertRuleSchema, idKey: 'alert_config_id' },
  alert_push_destinations: {
    list: 'alert_push_destinations/',
    schema: alertPushDestinationSchema,
    idKey: 'destination_config_id',
  },
  configuration_managers: { list: 'configuration_managers/', schema: configurationManagerSchema, idKey: 'id' },
  firmwares: { list: 'firmwares/', schema: firmwareSchema, idKey: 'id' },
  products: { list: 'products/', schema: productSchema, idKey: 'id' },
  groups: { list: 'groups/', schema: groupSchema, idKey: 'id' },
  routers: { list: 'routers/?limit=150', schema: routerSchema, idKey: 'id' },
  router_alerts: { list: 'router_alerts/?limit=100', schema: alertSchema },
  router_lans: { list: 'router_lans/', schema: routerLanSchema, idKey: 'id' },
  router_state_samples: {
    list: 'router_state_samples/?router__in=1000001,1000002,1000003,1000004,1000005',
    schema: routerStateSampleSchema,
  },
  net_devices: { list: 'net_devices/?limit=100', schema: netDeviceSchema, idKey: 'id' },
  net_device_health: { list: 'net_device_health/?limit=100', schema: netDeviceHealthSchema, idKey: 'id' },
  net_device_metrics: { list: 'net_device_metrics/?limit=100', schema: netDeviceMetricsSchema, idKey: 'id' },
  net_device_signal_samples: {
    list: 'net_device_signal_samples/?net_device__in=5000001,5000002,5000004&limit=50',
    schema: signalSampleSchema,
  },
  net_device_usage_samples: {
    list: 'net_device_usage_samples/?net_device__in=5000001,5000002,5000003&limit=50',
    schema: usageSampleSchema,
  },
  locations: { list: 'locations/', schema: locationSchema, idKey: 'id' },
  historical_locations: { list: 'historical_locations/?router=1000001&limit=50', schema: historicalLocationSchema },
  users: { list: 'users/', schema: userSchema, idKey: 'id' },
  subscriptions: { list: 'subscriptions/', schema: subscriptionSchema, idKey: 'id' },
};

describe('wire schemas', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: list and detail validate`, async () => {
      const res = await a.get(c.list);
      expect(res.status).toBe(200);
      const page = listSchema(c.schema).parse(res.body);
      expect(page.data.length, `${name} list should not be empty`).toBeGreaterThan(0);
      if (c.idKey) {
        const id = String((page.data[0] as Record<string, unknown>)[c.idKey]);
        const detail = await a.get(`${name}/${id}/`);
        expect(detail.status).toBe(200);
        c.schema.parse(detail.body);
        // expand of every relation still validates (inline objects are allowed where NCM allows them)
        const expanded = await a.get(`${name}/${id}/?expand=account,group,router,product`);
        expect(expanded.status).toBe(200);
      }
    });
  }

  it('router lans sub-resource is a bare array of LANs', async () => {
    const res = await a.get('routers/1000001/lans/');
    expect(Array.isArray(res.body)).toBe(true);
    for (const lan of res.body as unknown[]) routerLanSchema.parse(lan);
  });

  it('router configuration_manager sub-resource and expand validate', async () => {
    configurationManagerSchema.parse((await a.get('routers/1000001/configuration_manager/')).body);
    routerSchema.parse(
      (
        await a.get(
          'routers/1000001/?expand=configuration_manager,group,account,product,actual_firmware,target_firmware',
        )
      ).body,
    );
  });

  it('error bodies validate', async () => {
    for (const path of ['routers/?limit=x', 'nope/', 'alerts/?order_by=created_at'])
      errorBodySchema.parse((await a.get(path)).body);
    errorBodySchema.parse(await (await fetch(`${sim.baseUrl}/routers/`)).json());
  });

  it('write responses validate', async () => {
    routerSchema.parse((await a.send('PATCH', 'routers/1000004/', { description: 'x' })).body);
    const loc = await a.send('POST', 'locations/', {
      router: `${sim.baseUrl}/routers/1000005/`,
      latitude: 39.7,
      longitude: -104.9,
      accuracy: 0,
      method: 'manual',
    });
    expect(loc.status).toBe(201);
    locationSchema.parse(loc.body);
    configurationManagerSchema.parse(
      (
        await a.send('PATCH', 'configuration_managers/3000001/', {
          configuration: [{ system: { system_id: 'x' } }, []],
        })
      ).body,
    );
  });

  it('lists stay valid on every page of a long walk', async () => {
    let url: string | null = `${sim.baseUrl}/alerts/?limit=500`;
    let pages = 0;
    while (url && pages < 5) {
      const res: Response = await fetch(url, { headers: headersFor(ADMIN) });
      const page = listSchema(alertSchema).parse(await res.json());
      url = page.meta.next;
      pages++;
    }
    expect(pages).toBe(5);
  });
});
