/** Per-request context handed to resource handlers. */
import type { Simulation } from '../state/simulation';
import type { SimRole } from '../types';
import type { Resolver } from './filters';
import type { Query } from './query';

/** What record builders need: the tenant, the URL base relations point at, and the clock. */
export interface Env {
  sim: Simulation;
  /** origin + /api/v2 */
  base: string;
  nowMs: number;
  /** resolves a relation URL to its (unexpanded) record */
  resolve: Resolver;
}

export interface RequestContext extends Env {
  method: string;
  /** path with trailing slash, e.g. /api/v2/routers/ */
  path: string;
  /** raw query string without `?` */
  search: string;
  query: Query;
  /** scheme://host[:port] from the request's own Host header */
  origin: string;
  body: unknown;
  role: SimRole;
}
