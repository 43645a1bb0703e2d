/** alerts (account-wide feed, no order_by), router_alerts and activity_logs — all from the alert feed. */
import { type AlertItem, type FeedFilter, SEVERITY } from '../fleet/alerts';
import { ACCOUNT_ID_BASE, ROUTER_ID_BASE } from '../fleet/fleet';
import { h2 } from '../fleet/hash';
import { positionAt } from '../fleet/motion';
import { signalAt } from '../fleet/signal';
import { isoSeconds } from '../fleet/time';
import type { Env, RequestContext } from '../http/context';
import { conflict } from '../http/errors';
import { matches, parseFilters } from '../http/filters';
import type { Json, Rec } from '../http/json';
import { listEnvelope, present } from '../http/listing';
import { inList, pageParams } from '../http/query';
import { ascendingOrder, timeWindow } from '../http/timefilter';
import { routerAccountIndex } from './routers';
import { RETENTION, stamp } from './samples';
import { denseIndex, type Resource, url } from './types';

function friendly(env: Env, a: AlertItem): string {
  const name = env.sim.store.routers.get(a.router)?.name ?? env.sim.fleet.routerName(a.router);
  switch (a.type) {
    case 'router_offline':
      return `Router ${name} went offline`;
    case 'router_online':
      return `Connection restored: router ${name} is back online`;
    case 'wan_failover':
      return `Router ${name} failed over to a backup WAN`;
    case 'signal_degraded':
      return `Cellular signal degraded on router ${name}`;
    case 'firmware_upgrade':
      return `Router ${name} upgraded its firmware`;
    case 'config_change':
      return `Configuration changed on router ${name}`;
    case 'test_alert':
      return 'This is a test alert from NetCloud Manager';
    default:
      return `${a.type} on router ${name}`;
  }
}

function infoOf(env: Env, a: AlertItem): Json {
  if (a.info) return a.info as Json;
  const modems = env.sim.fleet.modemCount(a.router);
  switch (a.type) {
    case 'wan_failover': {
      // Vehicles have no cable in their ethernet port, so they fail over modem to modem.
      const to = modems > 1 && (env.sim.fleet.isVehicle(a.router) || a.aux % 2 === 0) ? 'modem2' : 'ethernet';
      return { from_port: 'modem1', to_port: to };
    }
    case 'signal_degraded': {
      // The radio values the modem really had at that instant and place.
      const { fleet } = env.sim;
      const ms = Math.floor(a.us / 1000);
      const s = signalAt(
        fleet,
        fleet.ndFirst[a.router]!,
        positionAt(fleet, a.router, ms),
        ms,
        Math.floor(ms / 300_000),
      );
      return { port: 'modem1', rsrp: s.rsrp, rsrq: s.rsrq, sinr: s.sinr };
    }
    case 'firmware_upgrade':
      return { from_version: '7.24.80', to_version: '7.25.10' };
    case 'router_offline':
    case 'router_online':
      return { state: a.type === 'router_offline' ? 'offline' : 'online' };
    default:
      return {};
  }
}

/**
 * Real NCM often leaves `account` null on an alert that names its router (seen on live accounts):
 * about one alert in eight carries it here, so the account filter behaves as it does there.
 */
function carriesAccount(a: AlertItem): boolean {
  return h2(a.aux, 9) % 8 === 0;
}

/** The alert as /alerts/ serves it — carrying both NCM's and the spec's field names. */
export function alertRecord(env: Env, a: AlertItem, withAccount = true): Rec {
  const text = friendly(env, a);
  const ts = stamp(env, a.us, a.router, h2(a.aux, 5));
  const rec: Rec = {
    ...ts,
    detected_at: isoSeconds(Math.floor(a.us / 1000) - (a.aux % 3000)),
    friendly_info: text,
    id: ts.created_at_timeuuid!,
    info: infoOf(env, a),
    message: text,
    router: url(env, 'routers', ROUTER_ID_BASE + a.router),
    severity: SEVERITY[a.type] ?? 'info',
    type: a.type,
  };
  if (withAccount)
    rec.account = carriesAccount(a) ? url(env, 'accounts', ACCOUNT_ID_BASE + routerAccountIndex(env, a.router)) : null;
  return rec;
}

/** The feed filters (types, routers) plus the account check, applied to light items. */
function feedFilter(
  ctx: RequestContext,
  withAccount: boolean,
): { filter: FeedFilter; keep: (a: AlertItem) => boolean } {
  const q = ctx.query;
  const types = q.has('type__in')
    ? new Set(inList('type__in', q.get('type__in')!))
    : q.has('type')
      ? new Set([q.get('type')!])
      : null;
  const routerIds = q.has('router__in')
    ? inList('router__in', q.get('router__in')!)
    : q.has('router')
      ? [q.get('router')!]
      : q.has('router.id')
        ? [q.get('router.id')!]
        : null;
  const routers = routerIds
    ? [...new Set(routerIds.map((id) => denseIndex(id, ROUTER_ID_BASE, ctx.sim.fleet.n)).filter((r) => r >= 0))]
    : null;
  const accountIds = withAccount
    ? q.has('account__in')
      ? inList('account__in', q.get('account__in')!)
      : q.has('account')
        ? [q.get('account')!]
        : null
    : null;
  const accounts = accountIds ? new Set(accountIds.map((id) => Number(id) - ACCOUNT_ID_BASE)) : null;
  // Like NCM, account__in matches the alert's own account field, which is often null.
  return {
    filter: { types, routers },
    keep: (a) => !accounts || (carriesAccount(a) && accounts.has(routerAccountIndex(ctx, a.router))),
  };
}

function listAlerts(ctx: RequestContext, withAccount: boolean): Json {
  const { limit, offset } = pageParams(ctx.query);
  const asc = ascendingOrder(ctx.query);
  const { fromUs, toUs } = timeWindow(ctx.query, ctx.nowMs, RETENTION.alerts);
  const { filter, keep } = feedFilter(ctx, withAccount);
  const page = ctx.sim.alerts.page(fromUs, toUs, filter, keep, offset, limit, asc);
  const data = page.items.map((a) => present(ctx, alertRecord(ctx, a, withAccount)));
  return listEnvelope(ctx, data, limit, offset, page.more);
}

export const alerts: Resource = {
  list: (ctx) => {
    // Observed on real NCM: /alerts/ has no server-side ordering.
    if (ctx.query.has('order_by'))
      throw conflict(`Invalid ordering field specified: ${ctx.query.get('order_by')!.replace(/^-/, '')}`);
    return listAlerts(ctx, true);
  },
};

export const routerAlerts: Resource = { list: (ctx) => listAlerts(ctx, false) };

const ACTIVITY_TYPES = new Set(['firmware_upgrade', 'config_change']);

function activityRecord(env: Env, a: AlertItem): Rec {
  const { fleet } = env.sim;
  const r = a.router;
  const ts = stamp(env, a.us, r, h2(a.aux, 6));
  const byApi = a.type === 'config_change';
  return {
    ...ts,
    account: url(env, 'accounts', ACCOUNT_ID_BASE + routerAccountIndex(env, r)),
    action: {
      diff: (a.info as Json) ?? {},
      id: String(h2(a.aux, 7) % 10_000_000),
      timestamp: ts.created_at!,
      type: byApi ? 'update' : 'firmware_upgrade',
    },
    actor: byApi
      ? { id: 'api', name: 'NetCloud API key', type: 'api_key' }
      : { id: 'system', name: 'NetCloud Manager', type: 'system' },
    object: { id: String(ROUTER_ID_BASE + r), mac: null, name: fleet.routerName(r), type: 'router' },
  };
}

/** Audit trail: firmware upgrades and configuration changes (including the client's own writes). */
export const activityLogs: Resource = {
  list: (ctx) => {
    const { limit, offset } = pageParams(ctx.query);
    const asc = ascendingOrder(ctx.query);
    const { fromUs, toUs } = timeWindow(ctx.query, ctx.nowMs, RETENTION.activity);
    const preds = parseFilters(ctx.query, (f) => ['account', 'action', 'actor', 'object'].includes(f));
    const keep = (a: AlertItem) => preds.length === 0 || matches(activityRecord(ctx, a), preds, ctx.resolve);
    const page = ctx.sim.alerts.page(fromUs, toUs, { types: ACTIVITY_TYPES, routers: null }, keep, offset, limit, asc);
    return listEnvelope(
      ctx,
      page.items.map((a) => present(ctx, activityRecord(ctx, a))),
      limit,
      offset,
      page.more,
    );
  },
};
