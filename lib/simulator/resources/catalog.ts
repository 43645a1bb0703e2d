/** products, firmwares and groups. */
import { FIRMWARE_RELEASED, FIRMWARE_VERSIONS, firmwareId, PRODUCTS } from '../fleet/catalog';
import { ACCOUNT_ID_BASE, GROUP_ID_BASE } from '../fleet/fleet';
import type { Env } from '../http/context';
import type { Rec } from '../http/json';
import { listTable } from '../http/listing';
import { denseIndex, type Resource, url } from './types';

function productRecord(env: Env, p: number): Rec {
  const info = PRODUCTS[p]!;
  return {
    device_type: 'router',
    id: String(info.id),
    name: info.name,
    resource_url: url(env, 'products', info.id),
    series: info.series,
  };
}

export const products: Resource = {
  list: (ctx) =>
    listTable(ctx, {
      size: () => PRODUCTS.length,
      build: (i) => productRecord(ctx, i),
      indexOfId: (id) => denseIndex(id, 1, PRODUCTS.length),
    }),
  get: (env, id) => {
    const i = denseIndex(id, 1, PRODUCTS.length);
    return i < 0 ? null : productRecord(env, i);
  },
};

const FW_PER_PRODUCT = FIRMWARE_VERSIONS.length;

function firmwareIndex(id: string): number {
  if (!/^\d+$/.test(id)) return -1;
  const n = Number(id) - 101;
  const p = Math.floor(n / 10);
  const v = n % 10;
  return n >= 0 && p < PRODUCTS.length && v < FW_PER_PRODUCT ? p * FW_PER_PRODUCT + v : -1;
}

function firmwareRecord(env: Env, i: number): Rec {
  const p = Math.floor(i / FW_PER_PRODUCT);
  const v = i % FW_PER_PRODUCT;
  const id = firmwareId(p, v);
  const version = FIRMWARE_VERSIONS[v]!;
  const released = FIRMWARE_RELEASED[v]!;
  return {
    built_at: released,
    default_configuration: `${url(env, 'firmwares', id)}default_configuration/`,
    expires_at: null,
    hash: `${(id * 2654435761).toString(16).padStart(8, '0').slice(-8)}${version.replace(/\./g, '')}`,
    id: String(id),
    is_deprecated: v === 0,
    product: url(env, 'products', PRODUCTS[p]!.id),
    released_at: released,
    resource_url: url(env, 'firmwares', id),
    uploaded_at: released,
    url: `/${PRODUCTS[p]!.name}-${version}.bin`,
    version,
  };
}

export const firmwares: Resource = {
  list: (ctx) =>
    listTable(ctx, {
      size: () => PRODUCTS.length * FW_PER_PRODUCT,
      build: (i) => firmwareRecord(ctx, i),
      indexOfId: firmwareIndex,
    }),
  get: (env, id) => {
    const i = firmwareIndex(id);
    return i < 0 ? null : firmwareRecord(env, i);
  },
};

function groupRecord(env: Env, g: number): Rec {
  const info = env.sim.fleet.groups[g]!;
  return {
    account: url(env, 'accounts', ACCOUNT_ID_BASE + info.account),
    configuration: [{}, []],
    device_type: 'router',
    id: String(info.id),
    name: info.name,
    product: url(env, 'products', PRODUCTS[info.product]!.id),
    resource_url: url(env, 'groups', info.id),
    target_firmware: url(env, 'firmwares', firmwareId(info.product, FW_PER_PRODUCT - 1)),
  };
}

export const groups: Resource = {
  list: (ctx) => {
    const count = ctx.sim.fleet.groups.length;
    return listTable(ctx, {
      size: () => count,
      build: (i) => groupRecord(ctx, i),
      indexOfId: (id) => denseIndex(id, GROUP_ID_BASE, count),
    });
  },
  get: (env, id) => {
    const i = denseIndex(id, GROUP_ID_BASE, env.sim.fleet.groups.length);
    return i < 0 ? null : groupRecord(env, i);
  },
};
