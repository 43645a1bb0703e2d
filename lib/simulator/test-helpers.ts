/** Shared helpers for the simulator's vitest suites (not part of the public API). */
import { DEMO_KEY_SETS, type RunningSimulator, type SimKeySet, type SimulatorOptions, startSimulator } from './index';

export const FIXED_NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
export const ADMIN = DEMO_KEY_SETS[0]!;
export const READ_ONLY = DEMO_KEY_SETS[2]!;
export const DIAGNOSTIC = DEMO_KEY_SETS[3]!;

export function headersFor(k: SimKeySet): Record<string, string> {
  return {
    'X-CP-API-ID': k.cpApiId,
    'X-CP-API-KEY': k.cpApiKey,
    'X-ECM-API-ID': k.ecmApiId,
    'X-ECM-API-KEY': k.ecmApiKey,
  };
}

export function start(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ routers: 200, now: () => FIXED_NOW, rateLimitPerMinute: 1_000_000, ...opts });
}

export interface Api {
  get(path: string, keys?: SimKeySet): Promise<{ status: number; body: unknown; headers: Headers; text: string }>;
  send(
    method: string,
    path: string,
    body: unknown,
    keys?: SimKeySet,
  ): Promise<{ status: number; body: unknown; headers: Headers; text: string }>;
}

/** `path` is relative to the API base, e.g. `routers/?limit=5`. */
export function api(sim: RunningSimulator): Api {
  const call = async (method: string, path: string, body: unknown, keys: SimKeySet) => {
    const res = await fetch(`${sim.baseUrl}/${path}`, {
      method,
      headers: { ...headersFor(keys), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
  return {
    get: (path, keys = ADMIN) => call('GET', path, undefined, keys),
    send: (method, path, body, keys = ADMIN) => call(method, path, body, keys),
  };
}

export interface ListBody {
  data: Array<Record<string, unknown>>;
  meta: { limit: number; offset: number; next: string | null; previous: string | null; total_count?: number };
}

export function asList(body: unknown): ListBody {
  return body as ListBody;
}
