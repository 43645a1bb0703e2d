/** Every /api/v2 resource by path segment, and the relation-URL resolver used by expand and filters. */
import { CONFIG_MANAGER_ID_BASE, ROUTER_ID_BASE } from '../fleet/fleet';
import type { Env } from '../http/context';
import type { Rec } from '../http/json';
import { accounts, subscriptions, users } from './accounts';
import { alertPushDestinations, alertRules, testAlertPushDestinations } from './alert-config';
import { activityLogs, alerts, routerAlerts } from './alerts';
import { firmwares, groups, products } from './catalog';
import { configurationManagers } from './config-managers';
import { locations } from './locations';
import { netDeviceHealth, netDeviceMetrics, netDevices } from './net-devices';
import { rebootActivity } from './reboot';
import { routerLans } from './router-lans';
import { routers } from './routers';
import { historicalLocations, routerStateSamples, signalSamples, usageSamples } from './samples';
import type { Resource } from './types';

export const RESOURCES: Record<string, Resource> = {
  accounts,
  activity_logs: activityLogs,
  alerts,
  alert_rules: alertRules,
  alert_push_destinations: alertPushDestinations,
  test_alert_push_destinations: testAlertPushDestinations,
  configuration_managers: configurationManagers,
  firmwares,
  products,
  groups,
  routers,
  router_alerts: routerAlerts,
  router_lans: routerLans,
  router_state_samples: routerStateSamples,
  net_devices: netDevices,
  net_device_health: netDeviceHealth,
  net_device_metrics: netDeviceMetrics,
  net_device_signal_samples: signalSamples,
  net_device_usage_samples: usageSamples,
  locations,
  historical_locations: historicalLocations,
  users,
  subscriptions,
  reboot_activity: rebootActivity,
};

const RELATION_PATH = /\/api\/v2\/([a-z_]+)\/([^/]+)\/(?:([a-z_]+)\/)?$/;

/** Resolves `…/api/v2/{resource}/{id}/` (or a router's configuration_manager) to its record. */
export function resolveUrl(env: Env, href: string): Rec | null {
  const m = RELATION_PATH.exec(href);
  if (!m) return null;
  const [, name, id, sub] = m;
  if (sub === 'configuration_manager' && name === 'routers') {
    const r = routers.get?.(env, id!);
    if (!r) return null;
    return configurationManagers.get?.(env, String(Number(id) - ROUTER_ID_BASE + CONFIG_MANAGER_ID_BASE)) ?? null;
  }
  if (sub) return null;
  return RESOURCES[name!]?.get?.(env, id!) ?? null;
}
