/** accounts, users and subscriptions: small tables derived from the account tree. */
import { ACCOUNT_ID_BASE } from '../fleet/fleet';
import { h2 } from '../fleet/hash';
import type { Env } from '../http/context';
import type { Rec } from '../http/json';
import { listTable, type Table } from '../http/listing';
import { denseIndex, maybeUrl, type Resource, url } from './types';

function accountRecord(env: Env, a: number): Rec {
  const acct = env.sim.fleet.accounts[a]!;
  return {
    account: acct.parent === null ? null : url(env, 'accounts', ACCOUNT_ID_BASE + acct.parent),
    id: String(acct.id),
    is_disabled: false,
    name: acct.name,
    resource_url: url(env, 'accounts', acct.id),
  };
}

function accountTable(env: Env): Table {
  const count = env.sim.fleet.accounts.length;
  return {
    size: () => count,
    build: (i) => accountRecord(env, i),
    indexOfId: (id) => denseIndex(id, ACCOUNT_ID_BASE, count),
  };
}

export const accounts: Resource = {
  list: (ctx) => listTable(ctx, accountTable(ctx)),
  get: (env, id) => {
    const i = denseIndex(id, ACCOUNT_ID_BASE, env.sim.fleet.accounts.length);
    return i < 0 ? null : accountRecord(env, i);
  },
};

const USERS_PER_ACCOUNT = 3;
const USER_ID_BASE = 700_001;
const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jo'];
const LAST = ['Rivera', 'Okafor', 'Nguyen', 'Schmidt', 'Patel', 'Kowalski', 'Haddad', 'Larsen'];

function userRecord(env: Env, i: number): Rec {
  const a = Math.floor(i / USERS_PER_ACCOUNT);
  const h = h2(env.sim.seed, 900_000 + i);
  const first = FIRST[h % FIRST.length]!;
  const last = LAST[(h >>> 8) % LAST.length]!;
  const id = USER_ID_BASE + i;
  return {
    account: maybeUrl(env, 'accounts', ACCOUNT_ID_BASE + a),
    email: `${first}.${last}${i}@example.com`.toLowerCase(),
    first_name: first,
    id: String(id),
    last_name: last,
    resource_url: url(env, 'users', id),
    username: `u${(h >>> 4).toString(36)}${i}`, // NCM usernames are random-looking strings
  };
}

export const users: Resource = {
  list: (ctx) => {
    const count = ctx.sim.fleet.accounts.length * USERS_PER_ACCOUNT;
    return listTable(ctx, {
      size: () => count,
      build: (i) => userRecord(ctx, i),
      indexOfId: (id) => denseIndex(id, USER_ID_BASE, count),
    });
  },
  get: (env, id) => {
    const i = denseIndex(id, USER_ID_BASE, env.sim.fleet.accounts.length * USERS_PER_ACCOUNT);
    return i < 0 ? null : userRecord(env, i);
  },
};

const SUBSCRIPTION_ID_BASE = 800_001;
const PLANS = ['NetCloud Essentials for Mobile Routers', 'NetCloud Advanced for Mobile Routers'];

function subscriptionRecord(env: Env, i: number): Rec {
  const a = Math.floor(i / PLANS.length);
  const id = SUBSCRIPTION_ID_BASE + i;
  const start = Date.UTC(2024, (a * 3) % 12, 1);
  return {
    account: maybeUrl(env, 'accounts', ACCOUNT_ID_BASE + a),
    end_time: `${new Date(start + 3 * 365 * 86_400_000).toISOString().slice(0, 19)}+00:00`,
    id: String(id),
    name: PLANS[i % PLANS.length]!,
    quantity: 50 + (h2(env.sim.seed, id) % 2000),
    resource_url: url(env, 'subscriptions', id),
    start_time: `${new Date(start).toISOString().slice(0, 19)}+00:00`,
  };
}

export const subscriptions: Resource = {
  list: (ctx) => {
    const count = ctx.sim.fleet.accounts.length * PLANS.length;
    return listTable(ctx, {
      size: () => count,
      build: (i) => subscriptionRecord(ctx, i),
      indexOfId: (id) => denseIndex(id, SUBSCRIPTION_ID_BASE, count),
    });
  },
  get: (env, id) => {
    const i = denseIndex(id, SUBSCRIPTION_ID_BASE, env.sim.fleet.accounts.length * PLANS.length);
    return i < 0 ? null : subscriptionRecord(env, i);
  },
};
