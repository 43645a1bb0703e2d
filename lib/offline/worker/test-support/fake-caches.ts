/**
 * An in-memory CacheStorage with the parts the offline worker uses (keys in insertion order, as
 * browsers keep them), and a scripted network for it. Test-only.
 */

type Key = RequestInfo | URL;

function urlOf(key: Key): string {
  if (typeof key === 'string') return new URL(key).href;
  if (key instanceof URL) return key.href;
  return key.url;
}

export class FakeCache {
  readonly entries = new Map<string, Response>();

  async match(key: Key): Promise<Response | undefined> {
    return this.entries.get(urlOf(key))?.clone();
  }

  async put(key: Key, response: Response): Promise<void> {
    const request = typeof key === 'string' || key instanceof URL ? null : key;
    if (request && request.method !== 'GET') throw new TypeError('Cache.put: only GET requests can be stored');
    // As browsers do: the body is read to the end before the entry exists.
    const body = await response.arrayBuffer();
    this.entries.set(
      urlOf(key),
      new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }),
    );
  }

  async delete(key: Key): Promise<boolean> {
    return this.entries.delete(urlOf(key));
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

export class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();

  async open(name: string): Promise<FakeCache> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new FakeCache();
      this.caches.set(name, cache);
    }
    return cache;
  }

  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }

  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }

  async match(key: Key): Promise<Response | undefined> {
    for (const cache of this.caches.values()) {
      const hit = await cache.match(key);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Every URL kept in any cache, for "nothing of X is stored anywhere" checks. */
  allUrls(): string[] {
    return [...this.caches.values()].flatMap((cache) => [...cache.entries.keys()]);
  }

  asCacheStorage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}

export type Answer = Response | 'offline' | ((request: Request) => Response | Promise<Response>);

/** A network that answers by URL path (and query), or fails like a dropped connection. */
export class FakeNetwork {
  online = true;
  readonly requests: Request[] = [];
  private readonly answers = new Map<string, Answer>();

  answer(pathAndQuery: string, answer: Answer): void {
    this.answers.set(pathAndQuery, answer);
  }

  readonly fetch = async (input: Request | string, init?: RequestInit): Promise<Response> => {
    const request = typeof input === 'string' ? new Request(input, init) : input;
    this.requests.push(request);
    if (!this.online) throw new TypeError('Failed to fetch');
    const url = new URL(request.url);
    const answer = this.answers.get(`${url.pathname}${url.search}`) ?? this.answers.get(url.pathname);
    if (answer === undefined) return new Response('not found', { status: 404 });
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return typeof answer === 'function' ? answer(request) : answer.clone();
  };
}
