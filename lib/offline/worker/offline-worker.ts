/**
 * The service worker's logic, apart from the worker global so unit tests can drive it with a fake
 * network and fake caches (entry.ts binds it to `self`).
 *
 * - Pages: network first; when the network is gone (or has not answered in `pageTimeoutMs` and a copy
 *   exists) the copy kept on the device, stamped with its time; a page never opened here gets the
 *   offline page listing those that were.
 * - Client-side navigations pass through; a copy of the page they opened is fetched and kept shortly
 *   after, so pages reached by clicking links are readable offline too.
 * - Offline-readable API answers (policy.ts): network first, else the kept copy, and the page is told
 *   that it now shows data from the device.
 * - Build assets: cache first (their names change with their content). Icons and manifest: network
 *   first.
 * Whose copies these are is told by the pages themselves (owner.ts). A page of another sign-in, the
 * login page, a 401 from the API or a sign-out message empties every cache of user data, and a
 * response to a request that began before that is never stored. The worker's life is a series of
 * epochs, each with one owner (or none, after forgetting); every request remembers the epoch it began
 * in, and every cache change goes through one queue:
 * - a page is stored only if every epoch since its request began belongs to the owner it names (so
 *   no sign-out, and no other sign-in, came in between);
 * - an API answer, which names no owner, only if no new epoch began at all.
 */
import { type KeptPageLink, offlineFallbackHtml, offlineFallbackResponse } from '../fallback-page';
import { keptData, keptPage, storedAtOf, titleOf } from '../kept-copy';
import { parsePageMessage, type WorkerToPage } from '../messages';
import { OFFLINE_OWNER_HEADER, type OfflineOwner, parseOfflineOwner } from '../owner';
import { planRequest } from '../policy';
import {
  isCurrentShell,
  isOurCache,
  isOwnedCache,
  type OwnedKind,
  ownedCacheName,
  ownerOfCache,
  shellCacheName,
} from './cache-names';

export interface FetchEventLike {
  request: Request;
  /** The page that made the request ('' for a document load). */
  clientId: string;
  preloadResponse?: Promise<Response | undefined | null>;
  waitUntil(promise: Promise<unknown>): void;
}

export interface WorkerDeps {
  caches: CacheStorage;
  fetch: (input: Request | string, init?: RequestInit) => Promise<Response>;
  origin: string;
  now?: () => number;
  /** Sends a message to one page. */
  tell?: (clientId: string, message: WorkerToPage) => void;
  /** How long a page load waits for the network before a kept copy is shown instead. */
  pageTimeoutMs?: number;
  /** Pause between a client-side navigation and fetching the copy of its page (its own requests go first). */
  keepDelayMs?: number;
}

/** Kept pages and API answers per sign-in, and assets: the oldest stored go first beyond these. */
const LIMITS = { pages: 60, data: 300, shell: 400 } as const;
/** A page kept this recently is not fetched again for a copy. */
const KEPT_RECENTLY_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function contentType(response: Response): string {
  return response.headers.get('content-type') ?? '';
}

async function putTrimmed(cache: Cache, key: string, response: Response, limit: number): Promise<void> {
  // Deleting first moves the key to the end of the cache's insertion order, which is its age here.
  await cache.delete(key);
  await cache.put(key, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(old);
}

const ASSET_REFERENCE = /(?:src|href)="(\/_next\/static\/[^"?#]+\.(?:js|css|woff2?))"/g;

export class OfflineWorker {
  private readonly now: () => number;
  /** The owner tag of each epoch since the worker started (null: forgotten); the last is the current one. */
  private readonly epochs: Array<string | null> = [null];
  /** undefined: not read from the cache names yet (a worker that just started). */
  private owner: OfflineOwner | null | undefined = undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly refreshing = new Set<string>();
  private readonly keptAt = new Map<string, number>();

  constructor(private readonly deps: WorkerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** A response for the request, or null to leave it to the browser as if there were no worker. */
  handle(event: FetchEventLike): Promise<Response> | null {
    const { request } = event;
    const plan = planRequest(
      { method: request.method, url: request.url, mode: request.mode, headers: request.headers },
      this.deps.origin,
    );
    switch (plan.kind) {
      case 'pass':
        return request.mode === 'navigate' ? this.passNavigation(event) : null;
      case 'signed-out':
        event.waitUntil(this.forget());
        return request.mode === 'navigate' ? this.passNavigation(event) : null;
      case 'page':
        return this.page(event, plan.key);
      case 'page-data':
        return this.pageData(event, plan.pageKey);
      case 'api':
        return this.api(event, plan.key);
      case 'asset':
        return this.asset(event, plan.key);
      case 'public-file':
        return this.publicFile(event, plan.key);
    }
  }

  async message(data: unknown): Promise<void> {
    const message = parsePageMessage(data);
    if (!message) return;
    if (message.type === 'forget') return this.forget();
    const plan = planRequest(
      { method: 'GET', url: message.url, mode: 'navigate', headers: new Headers() },
      this.deps.origin,
    );
    if (plan.kind !== 'page') return;
    // Asked in this sign-in: after a sign-out during the wait, the copy is no one's to keep.
    const askedIn = this.currentEpoch();
    // The page has just been rendered for its own navigation: let its requests go first.
    await sleep(this.deps.keepDelayMs ?? 1_500);
    await this.keepCopyOf(plan.key, askedIn);
  }

  /** On activation: caches of an older format go (their shape is not this code's). */
  async activate(): Promise<void> {
    await this.serial(async () => {
      for (const name of await this.deps.caches.keys()) {
        const current = isCurrentShell(name) || ownerOfCache(name) !== null;
        if (isOurCache(name) && !current) await this.deps.caches.delete(name);
      }
    });
  }

  /** Drops every kept page and API answer; nothing requested before this is stored afterwards. */
  forget(): Promise<void> {
    this.epochs.push(null);
    this.owner = null;
    return this.serial(() => this.deleteOwned());
  }

  // ------------------------------------------------------------------------------------------------

  private currentEpoch(): number {
    return this.epochs.length - 1;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async deleteOwned(): Promise<void> {
    for (const name of await this.deps.caches.keys()) if (isOwnedCache(name)) await this.deps.caches.delete(name);
    this.keptAt.clear();
  }

  /** Only inside serial(). */
  private async loadOwner(): Promise<OfflineOwner | null> {
    if (this.owner !== undefined) return this.owner;
    const owners = (await this.deps.caches.keys()).map(ownerOfCache).filter((o) => o !== null);
    const tags = new Set(owners.map((o) => `${o.owner.tag}:${o.owner.expiresAt}`));
    if (tags.size > 1) {
      // Never expected (switching owners empties the caches first); if it happens, trust none.
      await this.deleteOwned();
      this.owner = null;
    } else {
      this.owner = owners[0]?.owner ?? null;
    }
    return this.owner;
  }

  /** The kept copy for `key`, when it belongs to a session that has not ended yet. */
  private async findKept(kind: OwnedKind, key: string): Promise<Response | null> {
    const owner = await this.serial(() => this.loadOwner());
    if (!owner) return null;
    if (owner.expiresAt <= this.now()) {
      await this.forget();
      return null;
    }
    const cache = await this.deps.caches.open(ownedCacheName(kind, owner));
    return (await cache.match(key, { ignoreVary: true })) ?? null;
  }

  // Pages ------------------------------------------------------------------------------------------

  private async fetchPage(event: FetchEventLike): Promise<Response | null> {
    try {
      const preloaded = await event.preloadResponse;
      return preloaded ?? (await this.deps.fetch(event.request));
    } catch {
      return null;
    }
  }

  /** A document load we do not keep, answered as the network answers it (using the preloaded response). */
  private async passNavigation(event: FetchEventLike): Promise<Response> {
    const preloaded = await event.preloadResponse?.catch(() => undefined);
    return preloaded ?? this.deps.fetch(event.request);
  }

  private async page(event: FetchEventLike, key: string): Promise<Response> {
    const startedIn = this.currentEpoch();
    // The page asks for a copy of itself once it shows; this load's answer is that copy.
    this.refreshing.add(key);
    let kept: Promise<void> = Promise.resolve();
    const network = this.fetchPage(event).then((response) => {
      // Cloned before the browser reads the body.
      if (response) kept = this.keepPage(key, response.clone(), startedIn).catch(() => undefined);
      return response;
    });
    event.waitUntil(network.then(() => kept).finally(() => this.refreshing.delete(key)));

    const first = await Promise.race([
      network,
      sleep(this.deps.pageTimeoutMs ?? 10_000).then(() => 'timed out' as const),
    ]);
    if (first instanceof Response) return first;
    const copy = await this.findKept('pages', key);
    if (copy) return copy;
    const late = first === 'timed out' ? await network : null;
    return late ?? this.fallback(key);
  }

  /**
   * Stores a page the network answered: a page of nobody signs everyone out of the device; a page of
   * another sign-in first empties the caches of the previous one.
   */
  private async keepPage(key: string, response: Response, startedIn: number): Promise<void> {
    if (response.status !== 200 || response.redirected || !contentType(response).includes('text/html')) return;
    const owner = parseOfflineOwner(response.headers.get(OFFLINE_OWNER_HEADER));
    if (!owner) return this.forget();
    const html = await response.text();
    const storedAt = this.now();
    const stored = await this.serial(async () => {
      if (owner.expiresAt <= storedAt || !this.epochs.slice(startedIn + 1).every((tag) => tag === owner.tag))
        return false;
      const current = await this.loadOwner();
      if (current?.tag !== owner.tag) {
        // Another sign-in (or the first one): whatever is kept belongs to someone else.
        if (current) await this.deleteOwned();
        this.epochs.push(owner.tag);
        this.owner = owner;
      }
      const cache = await this.deps.caches.open(ownedCacheName('pages', owner));
      await putTrimmed(cache, key, keptPage(response, html, storedAt), LIMITS.pages);
      this.keptAt.set(key, storedAt);
      return true;
    });
    if (stored) await this.keepAssetsOf(html);
  }

  /** The scripts and styles a kept page loads, so it renders offline even if they came from elsewhere. */
  private async keepAssetsOf(html: string): Promise<void> {
    const cache = await this.deps.caches.open(shellCacheName());
    const paths = new Set([...html.matchAll(ASSET_REFERENCE)].map((m) => m[1]!));
    for (const path of [...paths].slice(0, 80)) {
      const key = `${this.deps.origin}${path}`;
      if (await cache.match(key)) continue;
      try {
        const response = await this.deps.fetch(key);
        if (response.status === 200) await putTrimmed(cache, key, response, LIMITS.shell);
      } catch {
        return;
      }
    }
  }

  /** Fetches and keeps a copy of a page someone has just opened (unless one was kept a moment ago). */
  /**
   * Fetches and keeps a copy of a page shown in the sign-in of epoch `askedIn`: if anyone signed out
   * since, the copy (fetched with whoever's session is there now) is not kept.
   */
  private async keepCopyOf(key: string, askedIn: number): Promise<void> {
    const kept = this.keptAt.get(key);
    if (this.refreshing.has(key) || (kept !== undefined && this.now() - kept < KEPT_RECENTLY_MS)) return;
    this.refreshing.add(key);
    const startedIn = askedIn;
    try {
      const response = await this.deps.fetch(key, {
        credentials: 'same-origin',
        redirect: 'manual',
        headers: { Accept: 'text/html' },
      });
      await this.keepPage(key, response, startedIn);
    } catch {
      // Offline or refused: there is nothing newer to keep.
    } finally {
      this.refreshing.delete(key);
    }
  }

  private async pageData(event: FetchEventLike, pageKey: string): Promise<Response> {
    let response: Response;
    try {
      response = await this.deps.fetch(event.request);
    } catch {
      // Not a payload: Next then loads the page in full, and that load gets the kept copy.
      return new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
    }
    if (response.status === 200) {
      const owner = parseOfflineOwner(response.headers.get(OFFLINE_OWNER_HEADER));
      if (!owner) event.waitUntil(this.forget());
      else {
        const askedIn = this.currentEpoch();
        event.waitUntil(sleep(this.deps.keepDelayMs ?? 1_500).then(() => this.keepCopyOf(pageKey, askedIn)));
      }
    }
    return response;
  }

  private async fallback(key: string): Promise<Response> {
    const pages: KeptPageLink[] = [];
    const owner = await this.serial(() => this.loadOwner());
    if (owner && owner.expiresAt > this.now()) {
      const cache = await this.deps.caches.open(ownedCacheName('pages', owner));
      for (const request of await cache.keys()) {
        const copy = await cache.match(request);
        const storedAt = copy ? storedAtOf(copy) : null;
        if (copy && storedAt !== null) pages.push({ url: request.url, title: titleOf(copy), storedAt });
      }
    }
    return offlineFallbackResponse(
      offlineFallbackHtml({ requested: key, origin: this.deps.origin, pages, now: this.now() }),
    );
  }

  // API --------------------------------------------------------------------------------------------

  private async api(event: FetchEventLike, key: string): Promise<Response> {
    const startedIn = this.currentEpoch();
    let response: Response | null = null;
    try {
      response = await this.deps.fetch(event.request);
    } catch {
      response = null;
    }
    if (response) {
      if (response.status === 401) event.waitUntil(this.forget());
      else if (response.status === 200 && contentType(response).includes('application/json')) {
        event.waitUntil(this.keepData(key, response.clone(), startedIn).catch(() => undefined));
      }
      return response;
    }
    const copy = await this.findKept('data', key);
    if (!copy) return Response.error();
    const storedAt = storedAtOf(copy);
    if (storedAt !== null && event.clientId)
      this.deps.tell?.(event.clientId, { type: 'served-from-device', url: key, storedAt });
    return copy;
  }

  private async keepData(key: string, response: Response, startedIn: number): Promise<void> {
    const body = await response.arrayBuffer();
    const storedAt = this.now();
    await this.serial(async () => {
      // API answers carry no owner: they belong to whoever's pages are kept, if anyone's.
      const owner = await this.loadOwner();
      if (startedIn !== this.currentEpoch() || !owner || owner.expiresAt <= storedAt) return;
      const cache = await this.deps.caches.open(ownedCacheName('data', owner));
      await putTrimmed(cache, key, keptData(response, body, storedAt), LIMITS.data);
    });
  }

  // Assets -----------------------------------------------------------------------------------------

  private async asset(event: FetchEventLike, key: string): Promise<Response> {
    const cache = await this.deps.caches.open(shellCacheName());
    const hit = await cache.match(key);
    if (hit) return hit;
    let response: Response;
    try {
      response = await this.deps.fetch(event.request);
    } catch {
      return Response.error();
    }
    if (response.status === 200)
      event.waitUntil(putTrimmed(cache, key, response.clone(), LIMITS.shell).catch(() => undefined));
    return response;
  }

  private async publicFile(event: FetchEventLike, key: string): Promise<Response> {
    const cache = await this.deps.caches.open(shellCacheName());
    try {
      const response = await this.deps.fetch(event.request);
      if (response.status === 200)
        event.waitUntil(putTrimmed(cache, key, response.clone(), LIMITS.shell).catch(() => undefined));
      return response;
    } catch {
      return (await cache.match(key)) ?? Response.error();
    }
  }
}
