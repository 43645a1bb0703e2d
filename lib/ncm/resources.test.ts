import { describe, expect, it, vi } from 'vitest';
import type { RouterChanges } from '@/lib/domain/types';
import { listAlerts } from './alerts';
import { listAccounts } from './catalog';
import { listNetDevicesForRouter } from './net-devices';
import { getRouter, updateRouter } from './routers';
import { setupMockNcm } from './test-support/harness';
import { listBody, TEST_KEYS, wireRouter } from './test-support/mock-ncm';

const h = setupMockNcm();

describe('updateRouter', () => {
  it('sends only name, description and a server-built group URL', async () => {
    h.mock.setSequence([{ body: wireRouter('5', { name: 'new' }) }]);
    const hostile = {
      name: 'new',
      description: 'd',
      groupId: '42',
      id: '1',
      account: 'https://canary/accounts/1/',
      config_status: 'x',
      actual_firmware: 'https://canary/fw/',
      group: `${h.canary.origin}/groups/1/`,
      ['__proto__']: { isAdmin: true },
    } as unknown as RouterChanges;
    const router = await updateRouter('5', hostile);
    expect(router.name).toBe('new');
    const req = h.mock.requests[0]!;
    expect(req.method).toBe('PUT');
    expect(req.url).toBe('/api/v2/routers/5/');
    expect(JSON.parse(req.body)).toEqual({ name: 'new', description: 'd', group: `${h.base}/groups/42/` });
    expect(h.canary.requests).toHaveLength(0);
  });

  it('clears the group with null', async () => {
    h.mock.setSequence([{ body: wireRouter('5', { group: null }) }]);
    const router = await updateRouter('5', { groupId: null });
    expect(JSON.parse(h.mock.requests[0]!.body)).toEqual({ group: null });
    expect(router.groupId).toBeNull();
  });

  it.each([`https://canary/groups/1/`, '4 2', '../1', '1/'])(
    'refuses group id %j without calling NCM',
    async (groupId) => {
      await expect(updateRouter('5', { groupId })).rejects.toMatchObject({ kind: 'bad_request', status: 400 });
      expect(h.mock.requests).toHaveLength(0);
    },
  );

  it('refuses an empty change set and a bad router id', async () => {
    await expect(updateRouter('5', {})).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(updateRouter('../accounts', { name: 'x' })).rejects.toMatchObject({ kind: 'bad_request' });
    expect(h.mock.requests).toHaveLength(0);
  });

  it('falls back to PATCH when PUT answers 405', async () => {
    h.mock.setSequence([{ status: 405 }, { status: 200, body: wireRouter('5', { name: 'n' }) }]);
    const router = await updateRouter('5', { name: 'n' });
    expect(h.mock.requests.map((r) => r.method)).toEqual(['PUT', 'PATCH']);
    expect(JSON.parse(h.mock.requests[1]!.body)).toEqual({ name: 'n' });
    expect(router.name).toBe('n');
  });

  it('puts what NCM said about a refused field under the form field it belongs to', async () => {
    h.mock.setSequence([
      { status: 400, body: { errors: [], exception: { message: 'group: no group 42.', type: 'bad_request' } } },
    ]);
    const err = await updateRouter('5', { groupId: '42' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: 'bad_request',
      status: 400,
      details: [{ path: 'groupId', message: 'no group 42.' }],
    });
  });

  it('keeps NCM\u2019s words about a field it does not know, and anything echoing a key, to itself', async () => {
    h.mock.setSequence([{ status: 400, body: { mac: ['read-only'], name: [`bad ${TEST_KEYS.NCM_ECM_API_KEY}`] } }]);
    const err = (await updateRouter('5', { name: 'x' }).catch((e: unknown) => e)) as {
      details?: unknown;
      safeMessage: string;
    };
    expect(err.details).toBeUndefined();
    expect(JSON.stringify(err)).not.toContain(TEST_KEYS.NCM_ECM_API_KEY);
  });

  it('re-reads the router when the write answers without a body', async () => {
    h.mock.setSequence([{ status: 204 }, { body: wireRouter('5', { name: 'n' }) }]);
    const router = await updateRouter('5', { name: 'n' });
    expect(h.mock.requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
    expect(router.name).toBe('n');
  });
});

describe('detail reads', () => {
  it('getRouter returns null on 404 and a domain Router otherwise', async () => {
    h.mock.setSequence([{ status: 404 }]);
    expect(await getRouter('9')).toBeNull();
    h.mock.setSequence([{ body: wireRouter('9') }]);
    expect(await getRouter('9')).toMatchObject({ id: '9', groupId: '200', accountId: '100', state: 'online' });
  });

  it('a malformed detail record is fatal (bad_upstream)', async () => {
    h.mock.setSequence([{ body: { id: 9, name: null } }]);
    await expect(getRouter('9')).rejects.toMatchObject({ kind: 'bad_upstream', status: 502 });
  });
});

describe('lists', () => {
  it('skips and logs a bad record without failing the list', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    h.mock.setSequence([{ body: listBody([{ id: '1', name: 'Main' }, { name: 'no id' }]) }]);
    const accounts = await listAccounts();
    expect(accounts).toEqual([{ id: '1', name: 'Main', parentId: null, isDisabled: false }]);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  it('listNetDevicesForRouter filters by router', async () => {
    h.mock.setSequence([
      {
        body: listBody([
          { id: '7', name: 'mdm-1', type: 'mdm', router: 'https://www.cradlepointecm.com/api/v2/routers/5/' },
        ]),
      },
    ]);
    const devices = await listNetDevicesForRouter('5');
    expect(new URL(h.mock.requests[0]!.url, h.mock.origin).searchParams.get('router')).toBe('5');
    expect(devices[0]).toMatchObject({ id: '7', routerId: '5', isAsset: false });
  });

  it('listAlerts never sends order_by and maps filters', async () => {
    h.mock.setSequence([
      {
        body: listBody([
          {
            created_at: '2026-11-01T00:00:00+00:00',
            created_at_timeuuid: 'uuid-1',
            type: 'ipsec_tunnel_down',
            friendly_info: 'Tunnel down',
            router: 'https://www.cradlepointecm.com/api/v2/routers/5/',
          },
        ]),
      },
    ]);
    const page = await listAlerts({
      createdAfter: '2026-10-01T00:00:00+00:00',
      types: ['ipsec_tunnel_down'],
      routerIds: ['5'],
    });
    const params = new URL(h.mock.requests[0]!.url, h.mock.origin).searchParams;
    expect(params.has('order_by')).toBe(false);
    expect(Object.fromEntries(params)).toMatchObject({
      created_at__gt: '2026-10-01T00:00:00+00:00',
      type__in: 'ipsec_tunnel_down',
      router__in: '5',
    });
    expect(page.items[0]).toMatchObject({ id: 'uuid-1', message: 'Tunnel down', routerId: '5' });
  });
});
