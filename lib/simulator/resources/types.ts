/** The shape every resource module exports, and small helpers they share. */
import type { Env, RequestContext } from '../http/context';
import { badRequest } from '../http/errors';
import { isRec, type Json, type Rec } from '../http/json';

export interface WriteResult {
  status: number;
  body: Json | null;
}

export interface Resource {
  list?(ctx: RequestContext): Json | Promise<Json>;
  /** unexpanded record by id, or null */
  get?(env: Env, id: string): Rec | null;
  create?(ctx: RequestContext): WriteResult | Promise<WriteResult>;
  update?(ctx: RequestContext, id: string): WriteResult;
  remove?(ctx: RequestContext, id: string): WriteResult;
  /** /resource/{id}/{name}/ */
  sub?: Record<string, (ctx: RequestContext, id: string) => Json>;
  /** list/detail GET not allowed (reboot_activity) */
  writeOnly?: boolean;
}

export const url = (env: Env, resource: string, id: number | string) => `${env.base}/${resource}/${id}/`;
export const maybeUrl = (env: Env, resource: string, id: number | string | null) =>
  id === null ? null : url(env, resource, id);

/** Index of an id in a dense id range [base, base+count), or -1. */
export function denseIndex(id: string, base: number, count: number): number {
  if (!/^\d+$/.test(id)) return -1;
  const i = Number(id) - base;
  return i >= 0 && i < count ? i : -1;
}

export function bodyObject(body: unknown): Rec {
  if (!isRec(body)) throw badRequest('Request body must be a JSON object.');
  return body;
}

/**
 * The id in a relation written by a client: a full URL, `/api/v1/...`, `/api/v2/...` (all accepted
 * by NCM) — or null.
 */
export function relationId(value: Json | undefined, resource: string, field: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw badRequest(`${field}: expected a ${resource} URL or null.`);
  const m = new RegExp(`^(?:https?://[^/]+)?/api/v[12]/${resource}/(\\d+)/?$`).exec(value.trim());
  if (!m) throw badRequest(`${field}: invalid ${resource} URL "${value}".`);
  return m[1]!;
}
