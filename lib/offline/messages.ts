/** Messages between the dashboard's pages and the service worker. Browser-safe. */

export type PageToWorker =
  /** Signing out: drop every kept page and answer now, before the sign-out request leaves. */
  | { type: 'forget' }
  /** A page loaded before the worker controlled it: keep a copy of it too. */
  | { type: 'keep-page'; url: string };

export type WorkerToPage =
  /** An answer for this page came from the device, not the network: it is as old as `storedAt`. */
  { type: 'served-from-device'; url: string; storedAt: number };

export function parsePageMessage(data: unknown): PageToWorker | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === 'forget') return { type: 'forget' };
  if (message.type === 'keep-page' && typeof message.url === 'string' && message.url.length <= 4096)
    return { type: 'keep-page', url: message.url };
  return null;
}

export function parseWorkerMessage(data: unknown): WorkerToPage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (
    message.type === 'served-from-device' &&
    typeof message.url === 'string' &&
    typeof message.storedAt === 'number'
  ) {
    return { type: 'served-from-device', url: message.url, storedAt: message.storedAt };
  }
  return null;
}
