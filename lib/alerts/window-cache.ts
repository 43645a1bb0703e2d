import 'server-only';
/**
 * Alert windows read from NCM, shared between viewers for a few seconds (single flight + TTL). Kept
 * apart so the live path can drop it the moment a new alert arrives: a reload right after a pushed
 * alert must show that alert.
 */
import type { Alert } from '@/lib/domain/types';

export interface WindowResult {
  alerts: Alert[];
  truncated: boolean;
}

export const WINDOW_TTL_MS = 10_000;

const holder = globalThis as typeof globalThis & {
  __fleetConsoleAlertWindows?: Map<string, { expiresAt: number; result: Promise<WindowResult> }>;
};
holder.__fleetConsoleAlertWindows ??= new Map();
const windows = holder.__fleetConsoleAlertWindows;

export function cachedWindow(key: string, load: () => Promise<WindowResult>, now = Date.now()): Promise<WindowResult> {
  for (const [k, v] of windows) if (v.expiresAt <= now) windows.delete(k);
  const cached = windows.get(key);
  if (cached) return cached.result;
  const result = load();
  windows.set(key, { expiresAt: now + WINDOW_TTL_MS, result });
  result.catch(() => windows.delete(key));
  return result;
}

export function forgetAlertWindows(): void {
  windows.clear();
}

/** How long the last good answer may stand in for NCM when it fails (stale-if-error). */
export const MAX_STALE_MS = 60 * 60_000;

export interface WindowAnswer {
  result: WindowResult;
  /** When NCM last answered for these filters (ms since epoch). */
  fetchedAt: number;
  stale: boolean;
}

const lastGoodHolder = globalThis as typeof globalThis & {
  __fleetConsoleAlertLastGood?: Map<string, { result: WindowResult; fetchedAt: number }>;
};
lastGoodHolder.__fleetConsoleAlertLastGood ??= new Map();
const lastGood = lastGoodHolder.__fleetConsoleAlertLastGood;

/**
 * cachedWindow, plus stale-if-error: when NCM fails, the last answer for the same filters (whatever
 * its window start, which moves every few seconds) is served, trimmed to the window asked for and
 * marked stale, so an outage shows the feed as it was with an "as of" time instead of an error.
 * `fallbackKey` names the filters without the moving window start.
 */
export async function windowWithFallback(
  key: string,
  fallbackKey: string,
  from: string,
  load: () => Promise<WindowResult>,
  now = Date.now(),
): Promise<WindowAnswer> {
  try {
    const result = await cachedWindow(key, load, now);
    const previous = lastGood.get(fallbackKey);
    const fetchedAt = previous?.result === result ? previous.fetchedAt : now;
    lastGood.set(fallbackKey, { result, fetchedAt });
    if (lastGood.size > 200) lastGood.delete(lastGood.keys().next().value as string);
    return { result, fetchedAt, stale: false };
  } catch (err) {
    const previous = lastGood.get(fallbackKey);
    if (!previous || now - previous.fetchedAt > MAX_STALE_MS) throw err;
    const since = Date.parse(from);
    const alerts = previous.result.alerts.filter((a) => Date.parse(a.createdAt) >= since);
    return { result: { alerts, truncated: previous.result.truncated }, fetchedAt: previous.fetchedAt, stale: true };
  }
}
