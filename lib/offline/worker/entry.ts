/**
 * The service worker script (bundled to /sw.js at build time by build-worker.cjs): binds the worker's
 * events to OfflineWorker. The worker types are declared here, narrowly, because the project
 * compiles against the DOM library, not the WebWorker one.
 */
import type { WorkerToPage } from '../messages';
import { OfflineWorker } from './offline-worker';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  clientId: string;
  preloadResponse: Promise<Response | undefined>;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  source: { id: string } | null;
  ports: readonly MessagePort[];
}
interface WorkerScope {
  location: Location;
  caches: CacheStorage;
  registration: { navigationPreload?: { enable(): Promise<void> } };
  clients: { claim(): Promise<void>; get(id: string): Promise<{ postMessage(message: unknown): void } | undefined> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

const worker = new OfflineWorker({
  caches: scope.caches,
  fetch: (input, init) => fetch(input, init),
  origin: scope.location.origin,
  tell: (clientId: string, message: WorkerToPage) => {
    void scope.clients.get(clientId).then((client) => client?.postMessage(message));
  },
});

// A new version takes over at once: it only ever adds a fallback to what the network answers.
scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await worker.activate();
      // Page loads start while the worker boots, instead of after it.
      await scope.registration.navigationPreload?.enable().catch(() => undefined);
      // The page that registered the worker is served by it from now on, not from its next load.
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('fetch', (event) => {
  const response = worker.handle(event);
  if (response) event.respondWith(response);
});

scope.addEventListener('message', (event) => {
  const done = worker.message(event.data).then(() => event.ports[0]?.postMessage({ done: true }));
  event.waitUntil(done);
});
