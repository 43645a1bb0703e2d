import { describe, expect, it, vi } from 'vitest';
import type { AlertDto } from '@/lib/dto/alerts';
import { AlertHub, type HubEvent } from './hub';

const alert = (id: string): AlertDto => ({
  id,
  type: 'router_offline',
  severity: 'critical',
  message: 'x',
  createdAt: '2026-01-01T00:00:00Z',
  detectedAt: null,
  routerId: '1',
  routerName: null,
  accountId: null,
  accountName: null,
  ack: null,
});

describe('alert hub', () => {
  it('fans each new alert out to every subscriber, once', () => {
    const hub = new AlertHub();
    const a: HubEvent[] = [];
    const b: HubEvent[] = [];
    hub.subscribe((e) => a.push(e));
    hub.subscribe((e) => b.push(e));
    expect(hub.publishAlerts([alert('1'), alert('2')])).toBe(2);
    expect(hub.publishAlerts([alert('2'), alert('3')])).toBe(1);
    expect(a.map((e) => (e.name === 'alert' ? e.data.id : e.name))).toEqual(['1', '2', '3']);
    expect(b).toEqual(a);
  });

  it('stops delivering after unsubscribe and reports subscriber counts', () => {
    const hub = new AlertHub();
    const counts: number[] = [];
    hub.onSubscriberCountChange((n) => counts.push(n));
    const received: HubEvent[] = [];
    const off = hub.subscribe((e) => received.push(e));
    off();
    off();
    hub.publishAlerts([alert('1')]);
    expect(received).toEqual([]);
    expect(counts).toEqual([1, 0]);
    expect(hub.subscriberCount).toBe(0);
  });

  it('keeps delivering to others when one listener throws', () => {
    const hub = new AlertHub();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good: HubEvent[] = [];
    hub.subscribe(() => {
      throw new Error('stream closed');
    });
    hub.subscribe((e) => good.push(e));
    hub.publishAlerts([alert('1')]);
    expect(good).toHaveLength(1);
    spy.mockRestore();
  });

  it('does not re-send remembered alerts and forgets the oldest beyond its bound', () => {
    const hub = new AlertHub();
    hub.remember(['old']);
    expect(hub.publishAlerts([alert('old')])).toBe(0);
    hub.remember(Array.from({ length: 5_000 }, (_, i) => `n${i}`));
    expect(hub.hasSeen('old')).toBe(false);
    expect(hub.hasSeen('n4999')).toBe(true);
  });
});
