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
