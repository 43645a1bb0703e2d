import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '@/lib/domain/types';
import { AlertPoller } from './poller';

const alert = (id: string, createdAt: string): Alert => ({
  id,
  type: 'router_offline',
  routerId: '1',
  accountId: null,
  message: 'm',
  createdAt,
  detectedAt: null,
});

afterEach(() => vi.useRealTimers());

describe('alert poller', () => {
  it('shares one NCM request between overlapping ticks (single flight)', async () => {
    let release: (alerts: Alert[]) => void = () => undefined;
    const fetchSince = vi
      .fn<(cursor: string) => Promise<Alert[]>>()
      .mockImplementationOnce(() => new Promise<Alert[]>((resolve) => (release = resolve)))
      .mockResolvedValue([]);
    const onAlerts = vi.fn();
    const poller = new AlertPoller({ fetchSince, onAlerts, intervalMs: 10_000 });
    const first = poller.pollOnce();
    const second = poller.pollOnce();
    expect(second).toBe(first);
    expect(fetchSince).toHaveBeenCalledTimes(1);
    release([alert('a', '2026-01-01T00:00:05Z')]);
    await first;
    expect(onAlerts).toHaveBeenCalledTimes(1);
    await poller.pollOnce();
    expect(fetchSince).toHaveBeenCalledTimes(2);
  });

  it('asks for alerts after the newest one seen', async () => {
    const fetchSince = vi.fn(async (cursor: string) =>
      cursor === '2026-01-01T00:00:00.000Z'
        ? [alert('a', '2026-01-01T00:00:09Z'), alert('b', '2026-01-01T00:00:07Z')]
        : [],
    );
    const poller = new AlertPoller({
      fetchSince,
      onAlerts: () => undefined,
      intervalMs: 10_000,
      now: () => Date.parse('2026-01-01T00:00:00Z'),
    });
    await poller.pollOnce();
    await poller.pollOnce();
    expect(fetchSince.mock.calls.map((c) => c[0])).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:09Z']);
  });

  it('polls on an interval while started, and not after stop', async () => {
    vi.useFakeTimers();
    const fetchSince = vi.fn(async () => []);
    const poller = new AlertPoller({ fetchSince, onAlerts: () => undefined, intervalMs: 10_000 });
    poller.start();
    poller.start();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(fetchSince).toHaveBeenCalledTimes(3);
    poller.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetchSince).toHaveBeenCalledTimes(3);
    expect(poller.running).toBe(false);
  });

  it('survives an NCM failure and keeps its cursor', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fetchSince = vi.fn().mockRejectedValueOnce(new Error('503')).mockResolvedValue([]);
    const poller = new AlertPoller({ fetchSince, onAlerts: () => undefined, intervalMs: 10_000 });
    poller.advanceCursor('2026-01-01T00:00:00Z');
    await poller.pollOnce();
    expect(poller.failing).toBe(true);
    await poller.pollOnce();
    expect(poller.failing).toBe(false);
    expect(fetchSince.mock.calls.map((c) => c[0])).toEqual(['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z']);
    spy.mockRestore();
  });
});
