import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '@/lib/domain/types';
import { forgetAlertWindows, MAX_STALE_MS, WINDOW_TTL_MS, windowWithFallback } from './window-cache';

const alert = (id: string, createdAt: string): Alert => ({ id, type: 'router_offline', routerId: '1', accountId: null, message: id, createdAt, detectedAt: null });
const down = async () => {
  throw new Error('NCM 503');
};

beforeEach(() => forgetAlertWindows());

describe('windowWithFallback (stale-if-error for the alert feed)', () => {
  it('answers fresh data when NCM answers', async () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    const answer = await windowWithFallback('k1', 'f1', '2026-11-24T12:00:00Z', async () => ({ alerts: [alert('a', '2026-11-25T11:00:00Z')], truncated: false }), now);
    expect(answer).toMatchObject({ stale: false, fetchedAt: now });
    expect(answer.result.alerts.map((a) => a.id)).toEqual(['a']);
  });

  it('serves the last answer, trimmed to the window and marked stale, when NCM fails', async () => {
    const t0 = Date.parse('2026-11-25T12:00:00Z');
    await windowWithFallback('k-a', 'f2', '2026-11-24T12:00:00Z', async () => ({
      alerts: [alert('old', '2026-11-24T12:00:05Z'), alert('new', '2026-11-25T11:59:00Z')],
      truncated: false,
    }), t0);
    const later = t0 + WINDOW_TTL_MS + 60_000;
    const answer = await windowWithFallback('k-b', 'f2', '2026-11-24T12:01:10Z', down, later);
    expect(answer.stale).toBe(true);
    expect(answer.fetchedAt).toBe(t0);
    expect(answer.result.alerts.map((a) => a.id)).toEqual(['new']);
  });

  it('fails when there is nothing to fall back on, or the last answer is too old', async () => {
    await expect(windowWithFallback('k', 'f3', '2026-11-24T12:00:00Z', down)).rejects.toThrow('NCM 503');
    const t0 = Date.parse('2026-11-25T12:00:00Z');
    await windowWithFallback('k-c', 'f4', '2026-11-24T12:00:00Z', async () => ({ alerts: [], truncated: false }), t0);
    await expect(windowWithFallback('k-d', 'f4', '2026-11-24T12:00:00Z', down, t0 + MAX_STALE_MS + WINDOW_TTL_MS + 1)).rejects.toThrow('NCM 503');
  });
});
