/**
 * The page's side of the offline worker (lib/offline/worker): registering it, and asking it to
 * forget. Browser-only helpers for the client components beside this file.
 */
import type { PageToWorker } from '@/lib/offline/messages';
import { isOwnedCache } from '@/lib/offline/worker/cache-names';

const WORKER_URL = '/sw.js';

function supported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext;
}

function whenIdle(run: () => void): void {
  const later = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 5_000 });
    else setTimeout(run, 1_000);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

/** `next dev` changes chunks under the same names, and the worker keeps assets by name. */
function enabled(): boolean {
  return process.env.NODE_ENV === 'production' && supported();
}

/**
 * Registers the worker once the page has loaded and the browser is idle, so it never competes with
 * the page's own first paint.
 */
export function registerOfflineWorker(): void {
  if (!enabled()) return;
  whenIdle(() => {
    navigator.serviceWorker
      .register(WORKER_URL, { scope: '/' })
      .catch((error: unknown) => console.warn('Offline copies are unavailable:', error));
  });
}

/**
 * Asks the worker to keep a copy of the page now shown. Pages loaded in full are kept as they load;
 * this covers the others: one shown by a client-side navigation or a server action's redirect (after
 * sign-in), and the first page, loaded before the worker existed. The worker skips pages it has just
 * kept.
 */
export function keepShownPage(url: string): void {
  if (!enabled()) return;
  const message: PageToWorker = { type: 'keep-page', url };
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}

/**
 * Drops every kept page and answer, in the worker and directly in the caches (in case no worker
 * controls this page). Resolves when both are done, or after a second: signing out never waits longer.
 */
export async function forgetOfflineCopies(): Promise<void> {
  if (typeof window === 'undefined') return;
  const tasks: Promise<unknown>[] = [];
  const controller = supported() ? navigator.serviceWorker.controller : null;
  if (controller) {
    tasks.push(
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        const message: PageToWorker = { type: 'forget' };
        controller.postMessage(message, [channel.port2]);
      }),
    );
  }
  if ('caches' in window) {
    tasks.push(
      caches.keys().then((names) => Promise.all(names.filter(isOwnedCache).map((name) => caches.delete(name)))),
    );
  }
  await Promise.race([Promise.all(tasks), new Promise((resolve) => setTimeout(resolve, 1_000))]);
}
