/**
 * The sync through the real NCM client against a scripted NCM: the query parameters of a full sync
 * and of an incremental poll, and stale-if-error when NCM starts answering 503.
 */
import { describe, expect, it } from 'vitest';
import { fleetRoutersQuerySchema } from '@/lib/dto/fleet';
import { setupMockNcm } from '@/lib/ncm/test-support/harness';
import { listBody, type RecordedRequest, wireRouter } from '@/lib/ncm/test-support/mock-ncm';
import { ncmFleetUpstream } from './ncm-upstream';
import { queryFleet } from './index-store';
import { FleetSync } from './sync';
import { TEST_CONFIG } from './test-support/fake-upstream';

const h = setupMockNcm();
const API = 'https://www.cradlepointecm.com/api/v2';

function healthyNcm(req: RecordedRequest) {
  const url = new URL(req.url, 'http://x');
  const resource = url.pathname.split('/').filter(Boolean).at(-1);
  const page = (data: unknown[]) => ({
    body: listBody(data, { limit: 500, offset: Number(url.searchParams.get('offset') ?? 0) }),
  });
  switch (resource) {
    case 'routers':
      return page(
        url.searchParams.has('state_updated_at__gt') || url.searchParams.has('updated_at__gt')
          ? []
          : [wireRouter('1', { updated_at: '2026-11-01T10:00:00Z' }), wireRouter('2')],
      );
    case 'net_devices':
      return page([
        {
          id: '11',
          name: 'mdm-1',
          type: 'mdm',
          is_asset: true,
          connection_state: 'connected',
          carrier: 'Verizon',
          imei: '350000000000011',
          iccid: '8901',
          router: `${API}/routers/1/`,
          updated_at: '2026-11-01T10:00:00Z',
        },
      ]);
    case 'net_device_metrics':
      return page([
        {
          id: '11',
          net_device: `${API}/net_devices/11/`,
          rsrp: -85.0,
          rsrq: -9.0,
          sinr: 12.5,
          update_ts: '2026-11-01T10:05:00.123456+00:00',
        },
      ]);
    case 'net_device_health':
      return page([
        { id: '11', net_device: `${API}/net_devices/11/`, cellular_health_score: 77, cellular_health_category: 'good' },
      ]);
    case 'locations':
      return page([{ id: '5', router: `${API}/routers/1/`, latitude: 39.7, longitude: -104.9 }]);
    default:
      return page([]);
  }
}

describe('fleet sync over the NCM client', () => {
  it('syncs, polls with the incremental filters, then serves stale data through a 503', async () => {
    h.mock.setHandler(healthyNcm);
    const clock = { t: Date.parse('2026-11-01T11:00:00Z') };
    const sync = new FleetSync({ upstream: ncmFleetUpstream, config: TEST_CONFIG, now: () => clock.t });
    await sync.refresh();
    const warm = sync.view();
    const page = queryFleet(warm, fleetRoutersQuerySchema.parse({}));
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({
      id: '1',
      carrier: 'Verizon',
      rsrp: -85,
      signalQuality: 'good',
      healthScore: 77,
      latitude: 39.7,
    });
    expect(page.rows[1]).toMatchObject({ id: '2', rsrp: null, signalQuality: null });
    const full = h.mock.requests.map((r) => new URL(r.url, 'http://x'));
    for (const url of full) expect(url.searchParams.get('limit')).toBe('500');
    expect(full.filter((u) => u.pathname.endsWith('/routers/'))).toHaveLength(1);

    h.mock.requests.length = 0;
    clock.t += TEST_CONFIG.pollMs;
    await sync.refresh();
    const poll = h.mock.requests.map((r) => new URL(r.url, 'http://x'));
    expect(poll).toHaveLength(4);
    const state = poll.find((u) => u.searchParams.has('state_updated_at__gt'))!;
    expect(state.searchParams.get('state_updated_at__gt')).toBe('2026-11-01T10:00:00.000000+00:00');
    expect(state.searchParams.get('fields')?.split(',').sort()).toEqual(['id', 'name', 'state', 'state_updated_at']);
    expect(
      poll
        .find((u) => u.pathname.endsWith('/routers/') && u.searchParams.has('updated_at__gt'))
        ?.searchParams.get('updated_at__gt'),
    ).toBe('2026-11-01T10:00:00Z');
    expect(poll.find((u) => u.pathname.endsWith('/net_devices/'))?.searchParams.get('updated_at__gt')).toBe(
      '2026-11-01T10:00:00Z',
    );
    expect(poll.find((u) => u.pathname.endsWith('/net_device_metrics/'))?.searchParams.get('update_ts__gt')).toBe(
      '2026-11-01T10:05:00.123456+00:00',
    );
    const asOf = sync.view().asOf;

    h.mock.setHandler(() => ({ status: 503, body: { exception: { message: 'maintenance' } } }));
    clock.t += TEST_CONFIG.pollMs + 1;
    await sync.read();
    await sync.refresh().catch(() => undefined);
    clock.t += TEST_CONFIG.pollMs + 1;
    const stale = await sync.read();
    expect(stale.stale).toBe(true);
    expect(stale.asOf).toBe(asOf);
    expect(stale.data.routers.size).toBe(2);
    // A safe message: the upstream error, or the open circuit's once enough calls failed.
    expect(stale.sync.lastError).toMatch(
      /^NetCloud Manager (reported an error\.|is not answering; showing the last data we have)/,
    );
    expect(stale.sync.lastError).not.toMatch(/maintenance|503/);
  });
});
