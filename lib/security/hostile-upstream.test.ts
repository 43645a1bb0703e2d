/**
 * A hostile NCM, through the real route handler a browser calls: whatever NCM sends — foreign or
 * looping `next` links, redirects, planted cookies, oversized headers, broken or endless bodies — the
 * browser gets our own JSON and headers, the keys go nowhere else, nothing loops, and nothing hangs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getGroups } from '@/app/api/groups/route';
import { NcmError } from '@/lib/ncm/errors';
import { listAllRouters } from '@/lib/ncm/routers';
import { setupMockNcm } from '@/lib/ncm/test-support/harness';
import { type HostileNcm, startHostileNcm } from '@/lib/ncm/test-support/hostile-ncm';
import { TEST_KEYS } from '@/lib/ncm/test-support/mock-ncm';
import { resetSharedReads } from '@/lib/reads';

const session = vi.hoisted(() => ({
  user: {
    id: 'credentials:viewer',
    username: 'viewer',
    name: 'Viewer',
    role: 'Read Only',
    provider: 'credentials',
    authTime: Math.floor(Date.now() / 1000),
    sid: 'sid-0123456789abcdef',
  },
}));
vi.mock('@/lib/auth/index', () => ({ auth: vi.fn(async () => session) }));
vi.mock('@/lib/auth/users-file', () => ({
  findUser: vi.fn(async () => ({ username: 'viewer', name: 'Viewer', role: 'Read Only', disabled: false })),
}));

const h = setupMockNcm();
let hostile: HostileNcm;
const TIMEOUT_MS = 2_000;

beforeAll(async () => {
  hostile = await startHostileNcm();
});
afterAll(() => hostile.close());
beforeEach(() => {
  hostile.requests.length = 0;
  h.env({ NCM_BASE_URL: hostile.base, NCM_TIMEOUT_MS: String(TIMEOUT_MS), NCM_MAX_RETRIES: '1' });
  // Every case must reach the hostile NCM, not an answer shared from the case before.
  resetSharedReads();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** What the browser would receive from GET /api/groups (four paged NCM lists), and how long it took. */
async function browserGetsGroups(): Promise<{ status: number; headers: Headers; text: string; ms: number }> {
  const started = performance.now();
  const response = await getGroups();
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: performance.now() - started };
}

const OUR_HEADERS = new Set(['content-type', 'cache-control', 'retry-after']);

function expectNothingPassedOn(result: { headers: Headers; text: string }): void {
  const names = [...result.headers.keys()];
  expect(names.filter((name) => !OUR_HEADERS.has(name))).toEqual([]);
  expect(result.headers.get('cache-control')).toBe('private, no-store');
  for (const key of Object.values(TEST_KEYS)) expect(result.text).not.toContain(key);
  expect(result.text).not.toMatch(/evil\.example|planted|hostile-ncm/);
}

describe('a hostile NCM', () => {
  it('cannot plant cookies, CORS, CSP or a redirect on the browser through its response headers', async () => {
    hostile.behave({ kind: 'hostile-headers', echo: TEST_KEYS.NCM_ECM_API_KEY });
    const result = await browserGetsGroups();
    expect(result.status).toBe(200);
    expectNothingPassedOn(result);
    expect(JSON.parse(result.text).items[0].name).toBe('hostile-1');
  });

  it.each([301, 302, 303, 307, 308])(
    'answering %i is not followed: the keys never reach the redirect target',
    async (status) => {
      hostile.behave({ kind: 'redirect', status, to: h.canary.origin });
      const result = await browserGetsGroups();
      expect(result.status).toBe(502);
      expectNothingPassedOn(result);
      expect(h.canary.requests).toHaveLength(0);
      expect(h.fetched.every((url) => url.origin === hostile.origin)).toBe(true);
    },
  );

  it('an oversized response header is a clean 502, not a crash', async () => {
    hostile.behave({ kind: 'huge-header', bytes: 200_000 });
    const result = await browserGetsGroups();
    expect(result.status).toBe(502);
    expectNothingPassedOn(result);
  });

  it('a body cut short is a clean 502', async () => {
    hostile.behave({ kind: 'truncated' });
    const result = await browserGetsGroups();
    expect(result.status).toBe(502);
    expectNothingPassedOn(result);
  });

  it('a connection reset in the middle of the body is a clean 502', async () => {
    hostile.behave({ kind: 'reset-mid-body' });
    const result = await browserGetsGroups();
    expect(result.status).toBe(502);
    expectNothingPassedOn(result);
  });

  it('a body that drips forever is cut off at the timeout: 504, the page does not hang', async () => {
    hostile.behave({ kind: 'slow-drip', intervalMs: 50 });
    const result = await browserGetsGroups();
    expect(result.status).toBe(504);
    expectNothingPassedOn(result);
    // One attempt per call (a hung upstream is not retried), a few calls in parallel: bounded by the timeout.
    expect(result.ms).toBeLessThan(TIMEOUT_MS * 4);
  });

  it('a meta.next on another host is never fetched', async () => {
    hostile.behave({ kind: 'foreign-next', to: h.canary.origin });
    const err = await listAllRouters().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NcmError);
    expect(hostile.requests).toHaveLength(1);
    expect(h.canary.requests).toHaveLength(0);
  });

  it('a meta.next that points back at a page already read stops the walk instead of looping', async () => {
    hostile.behave({ kind: 'next-loop' });
    const err = await listAllRouters().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NcmError);
    expect(hostile.requests.length).toBeLessThanOrEqual(2);
  });
});
