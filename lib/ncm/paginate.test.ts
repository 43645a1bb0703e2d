import { describe, expect, it } from 'vitest';
import { NcmError } from './errors';
import { listNetDeviceMetrics } from './net-devices';
import { ncmPaginate, rebaseNext } from './paginate';
import { listAllRouters, listRouters } from './routers';
import { setupMockNcm } from './test-support/harness';
import { listBody, wireRouter } from './test-support/mock-ncm';

const h = setupMockNcm();

const urlOf = (i: number) => new URL(h.mock.requests[i]!.url, h.mock.origin);

describe('ncmPaginate', () => {
  it('re-bases a regional-host next onto the configured base', async () => {
    h.mock.setSequence([
      {
        body: listBody([wireRouter('1'), wireRouter('2')], {
          limit: 2,
          next: 'https://www.us0.cradlepointecm.com/api/v2/routers/?limit=2&offset=2&state__in=online',
        }),
      },
      { body: listBody([wireRouter('3')], { limit: 2, offset: 2 }) },
    ]);
    const records = await ncmPaginate(['routers'], { state__in: ['online'], limit: 2 });
    expect(records).toHaveLength(3);
    expect(h.mock.requests).toHaveLength(2);
    expect(urlOf(1).pathname).toBe('/api/v2/routers/');
    expect(Object.fromEntries(urlOf(1).searchParams)).toEqual({ limit: '2', offset: '2', state__in: 'online' });
    expect(h.fetched.every((u) => u.origin === h.mock.origin)).toBe(true);
  });

  it('refuses a next on a foreign host without calling it', async () => {
    h.mock.setSequence([
      { body: listBody([wireRouter('1')], { next: `${h.canary.origin}/api/v2/routers/?offset=20` }) },
    ]);
    const err = await ncmPaginate(['routers']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NcmError);
    expect((err as NcmError).kind).toBe('next_refused');
    expect(h.mock.requests).toHaveLength(1);
    expect(h.canary.requests).toHaveLength(0);
  });

  it.each([
    'https://canary.example/steal?offset=20',
    'https://www.cradlepointecm.com.evil.example/api/v2/routers/?offset=2',
    'http://www.cradlepointecm.com/api/v2/routers/?offset=2',
    'https://www.cradlepointecm.com:8443/api/v2/routers/?offset=2',
    'https://www.cradlepointecm.com/api/v2/accounts/?offset=2',
    'https://www.cradlepointecm.com/api/v2/routers/../accounts/?offset=2',
  ])('rebaseNext refuses %s', (next) => {
    expect(() => rebaseNext(next, ['routers'], h.base)).toThrow(NcmError);
  });

  it('stops on an empty page even when next is set', async () => {
    h.mock.setSequence([
      { body: listBody([wireRouter('1')], { next: `${h.base}/routers/?limit=500&offset=500` }) },
      { body: listBody([], { next: `${h.base}/routers/?limit=500&offset=1000` }) },
      { body: listBody([wireRouter('x')]) },
    ]);
    const records = await ncmPaginate(['routers']);
    expect(records).toHaveLength(1);
    expect(h.mock.requests).toHaveLength(2);
  });

  it('stops at maxPages', async () => {
    h.mock.setHandler((req) => {
      const offset = Number(new URL(req.url, h.mock.origin).searchParams.get('offset') ?? 0);
      return { body: listBody([wireRouter('1')], { next: `${h.base}/routers/?offset=${offset + 1}` }) };
    });
    const records = await ncmPaginate(['routers'], {}, { maxPages: 3 });
    expect(records).toHaveLength(3);
    expect(h.mock.requests).toHaveLength(3);
  });

  it('refuses a next that leads back to a page already read, instead of walking it again', async () => {
    h.mock.setHandler(() => ({ body: listBody([wireRouter('1')], { next: `${h.base}/routers/?offset=1&limit=500` }) }));
    const err = await ncmPaginate(['routers']).catch((e: unknown) => e);
    expect((err as NcmError).kind).toBe('next_refused');
    expect(h.mock.requests).toHaveLength(2);
  });

  it('splits 250 ids into 3 chunks of at most 100, each paged', async () => {
    h.mock.setHandler((req) => {
      const ids = new URL(req.url, h.mock.origin).searchParams.get('net_device__in')!.split(',');
      return {
        body: listBody(
          ids.map((id) => ({
            id,
            net_device: `https://www.cradlepointecm.com/api/v2/net_devices/${id}/`,
            rsrp: '-90',
          })),
        ),
      };
    });
    const ids = Array.from({ length: 250 }, (_, i) => String(1000 + i));
    const metrics = await listNetDeviceMetrics(ids);
    expect(h.mock.requests).toHaveLength(3);
    const sizes = h.mock.requests.map(
      (r) => new URL(r.url, h.mock.origin).searchParams.get('net_device__in')!.split(',').length,
    );
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(metrics).toHaveLength(250);
    expect(metrics[0]!.rsrp).toBe(-90);
  });

  it('makes no request for an empty __in list', async () => {
    expect(await listNetDeviceMetrics([])).toEqual([]);
    expect(await ncmPaginate(['routers'], { id__in: [] })).toEqual([]);
    expect(h.mock.requests).toHaveLength(0);
  });

  it('asks for 500 per page when listing everything', async () => {
    h.mock.setSequence([{ body: listBody([wireRouter('1')], { limit: 500 }) }]);
    await listAllRouters();
    expect(urlOf(0).searchParams.get('limit')).toBe('500');
  });

  it('treats a body without data/meta as bad_upstream', async () => {
    h.mock.setSequence([{ body: { results: [] } }]);
    await expect(ncmPaginate(['routers'])).rejects.toMatchObject({ kind: 'bad_upstream', status: 502 });
  });
});

describe('listRouters (one page)', () => {
  it.each([
    [100000, '500'],
    [-1, '1'],
    [Number.NaN, '100'],
    [undefined, '100'],
  ])('clamps limit %s to %s', async (limit, expected) => {
    h.mock.setSequence([{ body: listBody([]) }]);
    await listRouters({ limit });
    expect(urlOf(0).searchParams.get('limit')).toBe(expected);
  });

  it('maps filters to NCM params and reports hasMore from next + data', async () => {
    h.mock.setSequence([{ body: listBody([wireRouter('1')], { limit: 1, next: `${h.base}/routers/?offset=1` }) }]);
    const page = await listRouters({
      limit: 1,
      state: ['online', 'unknown'],
      groupIds: ['7'],
      only: 'membership',
      orderBy: '-state_updated_at',
    });
    expect(page).toMatchObject({ hasMore: true, limit: 1, offset: 0 });
    expect(page.items[0]!.id).toBe('1');
    const params = Object.fromEntries(urlOf(0).searchParams);
    expect(params).toMatchObject({ state__in: 'online', group__in: '7', order_by: '-state_updated_at', offset: '0' });
    expect(params.fields!.split(',').sort()).toEqual(['account', 'group', 'id', 'name', 'state']);
  });

  it('hasMore is false on an empty page even when next is set', async () => {
    h.mock.setSequence([{ body: listBody([], { next: `${h.base}/routers/?offset=100` }) }]);
    expect((await listRouters()).hasMore).toBe(false);
  });

  it('rejects ids that are not plain tokens before calling NCM', async () => {
    await expect(listRouters({ ids: ['1,2'] })).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(listRouters({ orderBy: 'name;drop' })).rejects.toMatchObject({ kind: 'bad_request' });
    expect(h.mock.requests).toHaveLength(0);
  });
});
