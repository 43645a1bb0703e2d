import { describe, expect, it } from 'vitest';
import { NcmError } from './errors';
import { idFromUrl, toAccount, toAlert, toNetDeviceHealth, toNetDeviceMetrics, toRouter } from './normalize';
import { wireRouter } from './test-support/mock-ncm';

describe('idFromUrl', () => {
  it.each([
    ['https://www.cradlepointecm.com/api/v2/routers/4618577/', '4618577'],
    ['https://www.us0.cradlepointecm.com/api/v2/groups/42/', '42'],
    ['https://www.cradlepointecm.com/api/v2/routers/4618577', '4618577'],
    ['/api/v1/accounts/12/', '12'],
    [
      'https://www.cradlepointecm.com/api/v2/alert_rules/83d52c38-61a7-11f1-a2f3-922705407062/',
      '83d52c38-61a7-11f1-a2f3-922705407062',
    ],
  ])('%s → %s', (url, id) => {
    expect(idFromUrl(url)).toBe(id);
  });

  it('reads inline expanded objects and tolerates null', () => {
    expect(idFromUrl({ id: '7', name: 'g' })).toBe('7');
    expect(idFromUrl({ id: 7 })).toBe('7');
    expect(idFromUrl(null)).toBeNull();
    expect(idFromUrl(undefined)).toBeNull();
    expect(idFromUrl('https://x/a/b.c/')).toBeNull();
  });
});

describe('toRouter', () => {
  it('uses real NCM field names', () => {
    const r = toRouter(wireRouter('1', { group: 'https://www.us0.cradlepointecm.com/api/v2/groups/9/' }));
    expect(r).toMatchObject({
      id: '1',
      description: '',
      state: 'online',
      stateUpdatedAt: '2026-11-01T10:00:00.000000+00:00',
      groupId: '9',
      productId: '46',
      productName: 'IBR1700-600M',
      actualFirmwareId: '3000',
      upgradePending: false,
    });
  });

  it('falls back to the spec field last_seen_at and maps unknown states', () => {
    const { state_updated_at: _dropped, ...rest } = wireRouter('1', {
      state: 'rebooting',
      last_seen_at: '2026-01-01T00:00:00Z',
    });
    const r = toRouter(rest);
    expect(r.stateUpdatedAt).toBe('2026-01-01T00:00:00Z');
    expect(r.state).toBe('unknown');
  });

  it('reads expanded group/product objects', () => {
    const r = toRouter(
      wireRouter('1', {
        group: { id: '5', name: 'G', account: null },
        product: { id: '46', name: 'IBR1700' },
        full_product_name: null,
      }),
    );
    expect(r.groupId).toBe('5');
    expect(r.productName).toBe('IBR1700');
  });

  it('throws bad_upstream on a record that fails the wire schema', () => {
    expect(() => toRouter({ id: 1, name: 'x', state: 'online' })).toThrow(NcmError);
  });
});

describe('toAlert', () => {
  const base = { created_at: '2026-11-01T00:00:00+00:00', created_at_timeuuid: 'tu-1', type: 'wan_down' };
  it('real NCM: no id, friendly_info', () => {
    expect(toAlert({ ...base, friendly_info: 'WAN down' })).toMatchObject({ id: 'tu-1', message: 'WAN down' });
  });
  it('spec: id and message', () => {
    expect(toAlert({ ...base, id: 'a1', message: 'Spec message' })).toMatchObject({
      id: 'a1',
      message: 'Spec message',
    });
  });
  it('falls back to type when there is no text', () => {
    expect(toAlert({ ...base, friendly_info: '' }).message).toBe('wan_down');
  });
});

describe('metrics and health', () => {
  it('converts string radio values and keys by net_device', () => {
    const m = toNetDeviceMetrics({
      id: '99',
      net_device: 'https://www.us0.cradlepointecm.com/api/v2/net_devices/12/',
      rsrp: '-89.5',
      rssi: 'n/a',
      sinr: 21.8,
    });
    expect(m).toMatchObject({ netDeviceId: '12', rsrp: -89.5, rssi: null, sinr: 21.8, bytesIn: null });
  });
  it('health', () => {
    expect(
      toNetDeviceHealth({
        id: '12',
        net_device: '/api/v2/net_devices/12/',
        cellular_health_score: 80,
        cellular_health_category: 'good',
      }),
    ).toEqual({
      netDeviceId: '12',
      score: 80,
      category: 'good',
    });
  });
  it('account parent from real `account` or spec `parent_account`', () => {
    expect(
      toAccount({ id: '2', name: 'Sub', account: 'https://www.cradlepointecm.com/api/v2/accounts/1/' }).parentId,
    ).toBe('1');
    expect(toAccount({ id: '2', name: 'Sub', parent_account: '/api/v2/accounts/3/' }).parentId).toBe('3');
  });
});
