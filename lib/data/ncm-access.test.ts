/** Refused NCM keys are named to Administrators, with what to check; other roles learn only what it means for them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import { noteNcmAnswer, resetNcmKeyRefusal } from '@/lib/ncm/key-refusal';
import { ncmAccessNotice } from './ncm-access';

const session = vi.hoisted(() => ({ role: 'Administrator' as Role }));
vi.mock('@/lib/auth/session', () => ({
  authorize: vi.fn(async () => ({ id: 'u', username: 'u', name: 'U', role: session.role })),
}));

afterEach(() => resetNcmKeyRefusal());

describe('ncmAccessNotice', () => {
  it('says nothing while NCM accepts the keys', async () => {
    expect(await ncmAccessNotice()).toBeNull();
    noteNcmAnswer(503, 'routers', Date.now());
    expect(await ncmAccessNotice()).toBeNull();
  });

  it('tells an Administrator that NCM refused the configured keys, and which variables to check', async () => {
    noteNcmAnswer(401, 'routers', Date.parse('2026-12-01T10:32:00Z'));
    const notice = await ncmAccessNotice();
    expect(notice).toMatch(/^NCM refused the configured API keys \(HTTP 401, last at .*10:32 UTC\)/);
    expect(notice).toContain('NCM_ECM_API_KEY');
    noteNcmAnswer(403, 'alert_push_destinations', Date.now());
    expect(await ncmAccessNotice()).toMatch(/access to alert_push_destinations \(HTTP 403/);
  });

  it('tells other roles what it means for them, without the configuration', async () => {
    session.role = 'Read Only';
    noteNcmAnswer(401, 'routers', Date.now());
    const notice = await ncmAccessNotice();
    expect(notice).toMatch(/refusing this dashboard.s requests/);
    expect(notice).not.toMatch(/NCM_|API keys/);
  });
});
