/** alert_rules and alert_push_destinations (keyed by time UUIDs), and the push test endpoint. */
import { ACCOUNT_ID_BASE } from '../fleet/fleet';
import { isoZ } from '../fleet/time';
import type { Env, RequestContext } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import { isRec, type Json, type Rec } from '../http/json';
import { listTable, present } from '../http/listing';
import { deliver } from '../state/push';
import type { AlertRule, PushDestination } from '../state/store';
import { alertRecord } from './alerts';
import { bodyObject, relationId, type Resource, url, type WriteResult } from './types';

function accountIndexOf(env: Env, value: Json | undefined): number {
  if (value === undefined) return 0;
  const id = relationId(value, 'accounts', 'account');
  const a = id === null ? -1 : Number(id) - ACCOUNT_ID_BASE;
  if (a < 0 || a >= env.sim.fleet.accounts.length) throw badRequest('account: unknown account.');
  return a;
}

// ---- alert push destinations ----

function destinationRecord(env: Env, d: PushDestination): Rec {
  return {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + d.account),
    authentication: { secret: '*' }, // NCM masks the secret on read
    destination_config_id: d.destination_config_id,
    enabled: d.enabled,
    endpoint: { url: d.url },
    last_error_at: d.lastErrorMs === null ? null : isoZ(d.lastErrorMs),
    last_error_text: d.lastErrorText,
    name: d.name,
    suspended: d.suspended,
    updated_at: isoZ(d.updatedMs),
    url: d.url, // the spec's flat name for endpoint.url
  };
}

const DEST_FIELDS = new Set(['name', 'endpoint', 'url', 'authentication', 'enabled', 'suspended', 'account']);

function applyDestination(ctx: RequestContext, d: PushDestination, body: Rec): void {
  for (const [k, v] of Object.entries(body)) {
    if (!DEST_FIELDS.has(k)) throw badRequest(`Field "${k}" is unknown or read-only.`);
    if (k === 'name') {
      if (typeof v !== 'string' || v === '') throw badRequest('name must be a non-empty string.');
      d.name = v;
    } else if (k === 'endpoint' || k === 'url') {
      const u = k === 'url' ? v : isRec(v) ? v.url : undefined;
      if (typeof u !== 'string' || !/^https?:\/\//.test(u)) throw badRequest('endpoint.url must be an http(s) URL.');
      d.url = u;
    } else if (k === 'authentication') {
      if (!isRec(v) || typeof v.secret !== 'string') throw badRequest('authentication.secret must be a string.');
      d.secret = v.secret;
    } else if (k === 'enabled' || k === 'suspended') {
      if (typeof v !== 'boolean') throw badRequest(`${k} must be a boolean.`);
      d[k] = v;
    } else d.account = accountIndexOf(ctx, v);
  }
  d.updatedMs = ctx.nowMs;
}

function findDestination(ctx: Env, id: string): PushDestination {
  const d = ctx.sim.store.pushDestinations.get(id);
  if (!d) throw notFound();
  return d;
}

function storeTable<T>(env: RequestContext, items: T[], build: (t: T) => Rec, idKey: string) {
  return listTable(env, { size: () => items.length, build: (i) => build(items[i]!), idKey });
}

export const alertPushDestinations: Resource = {
  list: (ctx) =>
    storeTable(
      ctx,
      [...ctx.sim.store.pushDestinations.values()],
      (d) => destinationRecord(ctx, d),
      'destination_config_id',
    ),
  get: (env, id) => {
    const d = env.sim.store.pushDestinations.get(id);
    return d ? destinationRecord(env, d) : null;
  },
  create: (ctx) => {
    const body = bodyObject(ctx.body);
    const d: PushDestination = {
      destination_config_id: ctx.sim.newUuid(ctx.nowMs),
      name: '',
      url: '',
      secret: '',
      enabled: true,
      suspended: false,
      account: 0,
      updatedMs: ctx.nowMs,
      lastErrorMs: null,
      lastErrorText: null,
    };
    applyDestination(ctx, d, body);
    if (d.url === '' || d.name === '') throw badRequest('name and endpoint.url are required.');
    ctx.sim.store.pushDestinations.set(d.destination_config_id, d);
    return { status: 201, body: present(ctx, destinationRecord(ctx, d)) };
  },
  update: (ctx, id) => {
    const d = findDestination(ctx, id);
    const copy = { ...d };
    applyDestination(ctx, copy, bodyObject(ctx.body));
    Object.assign(d, copy);
    return { status: 200, body: present(ctx, destinationRecord(ctx, d)) };
  },
  remove: (ctx, id) => {
    findDestination(ctx, id);
    ctx.sim.store.pushDestinations.delete(id);
    return { status: 204, body: null };
  },
};

/** POST /test_alert_push_destinations/ {destination_config_id} → sends a `test_alert` now. */
export const testAlertPushDestinations: Resource = {
  writeOnly: true,
  create: async (ctx): Promise<WriteResult> => {
    const body = bodyObject(ctx.body);
    if (typeof body.destination_config_id !== 'string') throw badRequest('destination_config_id is required.');
    const d = findDestination(ctx, body.destination_config_id);
    const router = 0;
    const item = {
      us: ctx.nowMs * 1000,
      type: 'test_alert',
      router,
      aux: ctx.sim.store.uuidCounter++,
      info: { test: true },
    };
    const result = await deliver(d, present(ctx, alertRecord(ctx, item)), ctx.sim.now);
    return {
      status: 200,
      body: {
        details: result.ok ? `Delivered (HTTP ${result.status})` : (result.error ?? 'failed'),
        success: result.ok,
      },
    };
  },
};

// ---- alert rules ----

const RULE_FIELDS = new Set([
  'account',
  'associated_accounts',
  'associated_groups',
  'email_destinations',
  'external_rules',
  'filter_criteria',
  'http_destinations',
  'schedule',
  'settings',
]);

function ruleRecord(env: Env, rule: AlertRule): Rec {
  const f = rule.fields as Record<string, Json>;
  return {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + rule.account),
    alert_config_id: rule.alert_config_id,
    associated_accounts: f.associated_accounts ?? [],
    associated_groups: f.associated_groups ?? [],
    email_destinations: f.email_destinations ?? [],
    external_rules: f.external_rules ?? null,
    filter_criteria: f.filter_criteria ?? { alert_type__in: [] },
    http_destinations: f.http_destinations ?? [],
    last_summary_ts: null,
    schedule: f.schedule ?? null,
    settings: f.settings ?? {},
    updated_at: isoZ(rule.updatedMs),
  };
}

function applyRule(ctx: RequestContext, rule: AlertRule, body: Rec): void {
  for (const [k, v] of Object.entries(body)) {
    if (!RULE_FIELDS.has(k)) throw badRequest(`Field "${k}" is unknown or read-only.`);
    if (k === 'account') rule.account = accountIndexOf(ctx, v);
    else if (
      (k === 'associated_accounts' || k === 'associated_groups') &&
      !(Array.isArray(v) && v.every((x) => typeof x === 'number'))
    )
      throw badRequest(`${k} must be a list of integers.`);
    else if (k === 'http_destinations' && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
      throw badRequest('http_destinations must be a list of destination ids.');
    else if (k === 'schedule' && v !== null && typeof v !== 'string')
      throw badRequest('schedule must be a string or null.');
    else if (k !== 'account') rule.fields[k] = v;
  }
  rule.updatedMs = ctx.nowMs;
}

function findRule(env: Env, id: string): AlertRule {
  const r = env.sim.store.alertRules.get(id);
  if (!r) throw notFound();
  return r;
}

export const alertRules: Resource = {
  list: (ctx) => storeTable(ctx, [...ctx.sim.store.alertRules.values()], (r) => ruleRecord(ctx, r), 'alert_config_id'),
  get: (env, id) => {
    const r = env.sim.store.alertRules.get(id);
    return r ? ruleRecord(env, r) : null;
  },
  create: (ctx) => {
    const rule: AlertRule = {
      alert_config_id: ctx.sim.newUuid(ctx.nowMs),
      account: 0,
      fields: {},
      updatedMs: ctx.nowMs,
    };
    applyRule(ctx, rule, bodyObject(ctx.body));
    ctx.sim.store.alertRules.set(rule.alert_config_id, rule);
    return { status: 201, body: present(ctx, ruleRecord(ctx, rule)) };
  },
  update: (ctx, id) => {
    const rule = findRule(ctx, id);
    const copy: AlertRule = { ...rule, fields: ctx.method === 'PUT' ? {} : { ...rule.fields } };
    applyRule(ctx, copy, bodyObject(ctx.body));
    Object.assign(rule, copy);
    return { status: 200, body: present(ctx, ruleRecord(ctx, rule)) };
  },
  remove: (ctx, id) => {
    findRule(ctx, id);
    ctx.sim.store.alertRules.delete(id);
    return { status: 204, body: null };
  },
};
