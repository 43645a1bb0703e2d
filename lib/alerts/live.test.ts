import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '@/lib/domain/types';
import type { AlertDto } from '@/lib/dto/alerts';
import { HeldAlertWindow } from './held-window';
import { AlertHub, type HubEvent } from './hub';
import { type LiveDeps, LiveAlerts } from './live';

const alert = (id: string, createdAt = '2026-01-01T00:00:00Z'): Alert => ({
  id,
  type: 'router_offline',
  routerId: '1',
  accountId: null,
  message: `m-${id}`,
  createdAt,
  detectedAt: null,
});

const toDtos = async (alerts: readonly Alert[]): Promise<AlertDto[]> =>
  alerts.map((a) => ({ ...a, severity: 'critical', routerName: null, accountName: null, ack: null }));

function setup(overrides: Partial<LiveDeps> = {}) {
  const hub = new AlertHub();
  const events: HubEvent[] = [];
  // What NCM holds; the held window reads it like the alert log (created_at__gt, unordered).
  const upstream: Alert[] = [];
  const window = new HeldAlertWindow({
    fetchPage: async (q) => ({
      items: upstream.filter((a) => Date.parse(a.createdAt) > Date.parse(q.createdAfter)),
      limit: q.limit,
      offset: q.offset,
      hasMore: false,
    }),
    onNew: (alerts) => void toDtos(alerts).then((dtos) => hub.publishAlerts(dtos)),
  });
  const deps: LiveDeps = {
    hub,
    window,
    register: vi.fn(async () => ({ status: 'registered' as const, destinationId: 'd1', created: true })),
    fetchSince: vi.fn(async () => []),
    toDtos,
    now: () => Date.now(),
    pollIntervalMs: 10_000,
    ...overrides,
  };
  const live = new LiveAlerts(deps);
  return { hub, live, deps, events, window, upstream, watch: () => hub.subscribe((e) => events.push(e)) };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('live alerts', () => {
  it('registers once, is in push mode afterwards, and announces the change to open streams', async () => {
    const { live, deps, events, watch } = setup();
    const stop = watch();
    await Promise.all([live.ensureStarted(), live.ensureStarted()]);
    expect(deps.register).toHaveBeenCalledTimes(1);
    expect(live.mode).toBe('push');
    expect(live.pollerRunning).toBe(false);
    expect(events).toContainEqual({ name: 'mode', data: { mode: 'push', pollIntervalSeconds: 10 } });
    stop();
  });

  it('polls while someone watches when registration fails, and retries registration later', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let now = 1_000_000;
    const register = vi
      .fn()
      .mockRejectedValueOnce(new Error('NCM 503'))
      .mockResolvedValue({ status: 'registered', destinationId: 'd', created: false });
    const { live, watch } = setup({ register, now: () => now });
    await live.ensureStarted();
    expect(live.mode).toBe('polling');
    expect(live.pollerRunning).toBe(false);
    const stop = watch();
    expect(live.pollerRunning).toBe(true);
    await live.ensureStarted();
    expect(register).toHaveBeenCalledTimes(1);
    now += 61_000;
    await live.ensureStarted();
    expect(register).toHaveBeenCalledTimes(2);
    expect(live.mode).toBe('push');
    expect(live.pollerRunning).toBe(false);
    stop();
  });

  it('stops the poller when the last viewer leaves', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { live, watch } = setup({ register: async () => ({ status: 'disabled', reason: 'no PUBLIC_URL' }) });
    await live.ensureStarted();
    const a = watch();
    const b = watch();
    expect(live.pollerRunning).toBe(true);
    a();
    expect(live.pollerRunning).toBe(true);
    b();
    expect(live.pollerRunning).toBe(false);
  });

  it('publishes pushed alerts once, even when polling delivers them again', async () => {
    const { live, events, watch } = setup();
    watch();
    await live.ensureStarted();
    expect(await live.receivePush([alert('a'), alert('b')])).toBe(2);
    expect(await live.receivePush([alert('b')])).toBe(0);
    expect(events.filter((e) => e.name === 'alert').map((e) => (e.name === 'alert' ? e.data.id : ''))).toEqual([
      'a',
      'b',
    ]);
  });

  it('falls back to polling when push is silent while NCM holds older undelivered alerts', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let now = Date.parse('2026-01-01T01:00:00Z');
    const fetchSince = vi.fn(async () => [alert('missed', '2026-01-01T01:00:10Z')]);
    const { live, watch } = setup({ fetchSince, now: () => now });
    watch();
    await live.ensureStarted();
    now += 60_000;
    await live.checkPushHealth();
    expect(live.mode).toBe('push');
    now += 4 * 60_000;
    await live.checkPushHealth();
    expect(live.mode).toBe('polling');
    expect(live.pollerRunning).toBe(true);
    // A delivery proves push works again.
    await live.receivePush([alert('late', '2026-01-01T01:06:00Z')]);
    expect(live.mode).toBe('push');
    expect(live.pollerRunning).toBe(false);
  });

  it('keeps pushed alerts in the held window, so a page read right after shows them', async () => {
    const { live, window } = setup();
    await window.read(Date.now() - 3_600_000);
    await live.receivePush([alert('pushed', new Date().toISOString())]);
    expect(window.has('pushed')).toBe(true);
    expect((await window.read(Date.now() - 3_600_000)).alerts.map((a) => a.id)).toEqual(['pushed']);
  });

  it('polls by refreshing the held window, and what the refresh finds reaches open streams once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { live, events, watch, upstream, window } = setup({
      register: async () => ({ status: 'disabled', reason: 'no PUBLIC_URL' }),
    });
    await live.ensureStarted();
    upstream.push(alert('old', new Date(Date.now() - 60_000).toISOString()));
    await window.read(Date.now() - 3_600_000);
    const stop = watch();
    upstream.push(alert('new', new Date().toISOString()));
    await vi.waitFor(async () => {
      await window.refresh();
      expect(events.filter((e) => e.name === 'alert').map((e) => (e.name === 'alert' ? e.data.id : ''))).toEqual([
        'new',
      ]);
    });
    stop();
  });
});
