/**
 * The fleet routes end to end over a fake NCM: ETag/304 on unchanged polls, CSV export headers and
 * body, the per-user limit, authorization before the snapshot is touched, the overview's data (from
 * the snapshot alone), and a map that follows the table without a request paying for its index.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import { applyRouterUpdate, fleetIndexReady, getFleetSync, resetFleetSync } from '@/lib/fleet';
import { fakeUpstream, makeRouter, TEST_CONFIG, type FakeUpstream } from '@/lib/fleet/test-support/fake-upstream';
import { mapIndexesSettled, mapIndexStats } from '@/lib/fleet/map-index';
import { resetUserRateLimiter, UserRateLimiter } from '@/lib/fleet/user-rate-limit';
import { getAlertsByType, getFleetOverview } from '@/lib/data/fleet';
import { GET as fleetMap } from './map/route';
import { GET as exportCsv } from './routers/export/route';
import { GET as routers } from './routers/route';

const session = vi.hoisted(() => ({
  current: null as null | Record<string, unknown>,
  roles: new Map<string, unknown>(),
}));
vi.mock('@/lib/auth/index', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/auth/users-file', () => ({
  // Role by username, so concurrent requests of different users stay apart.
  findUser: vi.fn(async (username: string) => ({
    username,
    name: username,
    role: session.roles.get(username),
    disabled: false,
  })),
}));
vi.mock('@/lib/ncm', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  listAlerts: vi.fn(async () => {
    throw new Error('alerts are down');
  }),
}));

function signIn(role: Role, id = 'u1') {
  const user = {
    id,
    username: id,
    name: id,
    role,
    provider: 'credentials',
    authTime: Math.floor(Date.now() / 1000),
    sid: `sid-${id}-0123456789abcdef`,
  };
  session.current = { user, role };
  session.roles.set(id, role);
}

/** The first full sync done (the refresh in flight is shared) and the table's index built from it. */
async function synced(): Promise<void> {
  await getFleetSync().refresh();
  await fleetIndexReady();
}

const req = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1:3210${path}`, { headers });

let upstream: FakeUpstream;
let clock: { t: number };

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  clock = { t: Date.now() };
  upstream = fakeUpstream(1_200);
  resetFleetSync({ upstream, config: TEST_CONFIG });
  resetUserRateLimiter(new UserRateLimiter(120, 10_000, () => clock.t));
  session.current = null;
});

describe('GET /api/fleet/routers', () => {
  it('answers an unchanged poll with 304 and no body, and a changed snapshot with a new ETag', async () => {
    signIn('Read Only');
    const first = await routers(req('/api/fleet/routers?sort=name&limit=50'));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const body = (await first.json()) as { rows: unknown[]; total: number };
    expect(body.rows).toHaveLength(50);

    // Let the initial sync finish; from then on the snapshot is stable.
    const ready = await routers(req('/api/fleet/routers?sort=name&limit=50'));
    await synced();
    await fleetIndexReady();
    const stable = (await routers(req('/api/fleet/routers?sort=name&limit=50'))).headers.get('etag')!;
    expect(ready.status).toBe(200);

    const again = await routers(req('/api/fleet/routers?sort=name&limit=50', { 'if-none-match': stable }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(stable);

    const otherQuery = await routers(req('/api/fleet/routers?sort=rsrp&limit=50', { 'if-none-match': stable }));
    expect(otherQuery.status).toBe(200);

    applyRouterUpdate(makeRouter(0, { name: 'Renamed' }));
    const changed = await routers(req('/api/fleet/routers?sort=name&limit=50', { 'if-none-match': stable }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(stable);
  });

  it('refuses a bad query with 400 after authorizing', async () => {
    signIn('Diagnostic');
    expect((await routers(req('/api/fleet/routers?sort=nope'))).status).toBe(400);
  });

  it('checks the session before the snapshot is consulted', async () => {
    const response = await routers(req('/api/fleet/routers'));
    expect(response.status).toBe(401);
    expect(upstream.calls).toEqual([]);
  });
});

describe('shared snapshot vs roles', () => {
  it('coalesces concurrent reads of different roles into one sync and answers both the same data', async () => {
    upstream.latencyMs = 5;
    const as = async (role: Role, id: string) => {
      signIn(role, id);
      const response = await routers(req('/api/fleet/routers?limit=20'));
      return (await response.json()) as { rows: unknown[] };
    };
    const [admin, diagnostic] = await Promise.all([as('Administrator', 'a'), as('Diagnostic', 'd')]);
    expect(diagnostic.rows).toEqual(admin.rows);
    expect(upstream.calls.filter((c) => c === 'reference')).toHaveLength(1);
  });
});

describe('per-user limit', () => {
  it('answers 429 with Retry-After past the budget, without affecting another user', async () => {
    resetUserRateLimiter(new UserRateLimiter(5, 10_000, () => clock.t));
    signIn('Read Only', 'busy');
    for (let i = 0; i < 5; i++) expect((await routers(req('/api/fleet/routers'))).status).toBe(200);
    const limited = await routers(req('/api/fleet/routers'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    signIn('Read Only', 'calm');
    expect((await routers(req('/api/fleet/routers'))).status).toBe(200);
    signIn('Read Only', 'busy');
    clock.t += 2_000;
    expect((await routers(req('/api/fleet/routers'))).status).toBe(200);
  });

  it('charges an export more than a page', async () => {
    resetUserRateLimiter(new UserRateLimiter(15, 10_000, () => clock.t));
    signIn('Full Access');
    expect((await exportCsv(req('/api/fleet/routers/export'))).status).toBe(200);
    expect((await exportCsv(req('/api/fleet/routers/export'))).status).toBe(429);
  });
});

describe('GET /api/fleet/routers/export', () => {
  it('streams a CSV attachment with the matching rows and their count', async () => {
    signIn('Read Only');
    await routers(req('/api/fleet/routers'));
    await synced();
    const response = await exportCsv(req('/api/fleet/routers/export?state=offline&columns=name,state,rsrp'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="routers-\d{8}-\d{4}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const total = Number(response.headers.get('x-total-rows'));
    expect(total).toBe(400);
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Name,State,RSRP (dBm)');
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).every((l) => l.includes(',offline,'))).toBe(true);
  });

  it('refuses unknown columns', async () => {
    signIn('Administrator');
    expect((await exportCsv(req('/api/fleet/routers/export?columns=name,password'))).status).toBe(400);
  });

  it('is denied to roles without the export right, before any NCM call', async () => {
    signIn('Diagnostic');
    expect((await exportCsv(req('/api/fleet/routers/export'))).status).toBe(403);
    expect(upstream.calls).toEqual([]);
  });
});

describe('the overview', () => {
  it('counts states and lists worst signal and recent offline from the snapshot, whatever the alert log does', async () => {
    signIn('Diagnostic');
    await routers(req('/api/fleet/routers'));
    await synced();
    await fleetIndexReady();
    const body = await getFleetOverview();
    expect(body.sync.phase).toBe('ready');
    expect(body.total).toBe(1_200);
    expect(body.counts).toEqual({ online: 800, offline: 400, initialized: 0, unknown: 0 });
    expect(body.worstSignal).toHaveLength(10);
    expect(body.worstSignal.every((r) => r.state === 'online' && (r.rsrp ?? 0) <= -100)).toBe(true);
    expect(body.recentlyOffline.every((r) => r.state === 'offline')).toBe(true);
    // The alert log is down here: its own section fails, the fleet's does not.
    await expect(getAlertsByType()).rejects.toThrow('alerts are down');
  });

  it('during the first sync, says how far it got instead of presenting part of the fleet as the whole', async () => {
    signIn('Read Only');
    upstream.latencyMs = 20;
    upstream.sendsTotal = true;
    const body = await getFleetOverview();
    expect(body.sync).toMatchObject({ phase: 'initial', expectedRouters: 1_200 });
    expect(body.sync.loadedRouters).toBeLessThan(1_200);
  });
});

describe('GET /api/fleet/map', () => {
  type MapBody = { located: number; routers: Array<{ id: string; name: string }>; asOf: string | null };
  // The fake fleet's located routers all stand at 40, −105; at zoom 18 they show one by one.
  const near = '/api/fleet/map?zoom=18&bbox=-105.01,39.99,-104.99,40.01';
  const nameOf = async (id: string) =>
    ((await (await fleetMap(req(near))).json()) as MapBody).routers.find((r) => r.id === id)?.name;

  it('follows a change of the table in the background: no map request builds after the first', async () => {
    signIn('Read Only');
    expect((await fleetMap(req(near))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    await fleetIndexReady();
    await mapIndexesSettled();
    const first = (await (await fleetMap(req(near))).json()) as MapBody;
    expect(first.located).toBe(10);
    const router = makeRouter(0);
    expect(await nameOf(router.id)).toBe(router.name);
    const before = mapIndexStats();

    applyRouterUpdate(makeRouter(0, { name: 'Renamed on the map' }));
    expect([router.name, 'Renamed on the map']).toContain(await nameOf(router.id));
    await mapIndexesSettled();
    expect(await nameOf(router.id)).toBe('Renamed on the map');
    const after = mapIndexStats();
    expect(after.builtOnRequest).toBe(before.builtOnRequest);
    expect(after.builtInBackground).toBeGreaterThan(before.builtInBackground);
  });

  it('refuses a request without a session before reading the snapshot', async () => {
    const response = await fleetMap(req(near));
    expect(response.status).toBe(401);
    expect(upstream.calls).toEqual([]);
  });
});
