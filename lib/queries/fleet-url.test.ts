import { describe, expect, it } from 'vitest';
import { FLEET_SORT_COLUMNS, fleetRoutersQuerySchema } from '@/lib/dto/fleet';
import {
  DEFAULT_COLUMNS,
  defaultFilters,
  parseColumns,
  parseFleetQuery,
  parseFleetView,
  serialiseFleetView,
} from './fleet-url';

describe('fleet view URL', () => {
  it('round-trips every filter, the sort, columns and offset', () => {
    const search =
      'q=ibr+900&state=online,offline&group=12,13&product=IBR900&firmware=7.24.0&carrier=Verizon&account=5&signal=poor,fair&sort=rsrp&dir=desc&cols=name,state,signalQuality,rsrp&offset=4200';
    const { view, problem } = parseFleetView(new URLSearchParams(search));
    expect(problem).toBeNull();
    expect(view.offset).toBe(4200);
    expect(view.filters.state).toEqual(['online', 'offline']);
    expect(view.filters.sort).toBe('rsrp');
    const again = parseFleetView(new URLSearchParams(serialiseFleetView(view)));
    expect(again.view).toEqual(view);
  });

  it('leaves defaults out of the URL', () => {
    expect(serialiseFleetView({ filters: defaultFilters(), offset: 0, columns: null })).toBe('');
  });

  it('reads the object Next passes to pages (first value of repeated keys)', () => {
    const { view } = parseFleetView({ state: ['offline', 'online'], sort: 'stateUpdatedAt', dir: 'desc' });
    expect(view.filters.state).toEqual(['offline']);
    expect(view.filters.dir).toBe('desc');
  });

  it('turns a bad parameter into a problem and the defaults, never a throw', () => {
    const { view, problem } = parseFleetView(new URLSearchParams('state=sideways&sort=evil&offset=-3'));
    expect(problem).toMatch(/state|sort|offset/);
    expect(view.filters).toEqual(defaultFilters());
    expect(view.offset).toBe(0);
  });

  it('ignores unknown columns and always keeps name, state and signal', () => {
    expect(parseColumns('carrier,bogus')).toEqual(['name', 'state', 'signalQuality', 'carrier']);
    expect(parseColumns('bogus')).toBeNull();
    expect(DEFAULT_COLUMNS).toContain('name');
  });
});

describe('hand-written parser agrees with fleetRoutersQuerySchema', () => {
  const cases: Array<Record<string, string>> = [
    {},
    { q: '  ibr  ' },
    { q: 'x'.repeat(201) },
    { state: 'online, offline,,' },
    { state: 'online,offline,initialized,unknown,online' },
    { state: 'sideways' },
    { group: '12,abc' },
    { group: '1,2,3' },
    { account: '9999999999999' },
    { product: 'IBR900,E300' },
    { firmware: 'x'.repeat(41) },
    { carrier: 'Verizon, AT&T' },
    { signal: 'poor,bad' },
    { signal: '' },
    { sort: 'rsrp', dir: 'desc' },
    { sort: 'mac' },
    { dir: 'up' },
    { offset: '42' },
    { offset: '' },
    { offset: '-1' },
    { offset: '1.5' },
    { offset: '1e3' },
    { offset: '99999999' },
    { offset: 'abc' },
  ];
  it.each(cases)('%o', (raw) => {
    const expected = fleetRoutersQuerySchema.safeParse(raw);
    let actual: unknown;
    try {
      actual = parseFleetQuery(raw);
    } catch {
      actual = 'error';
    }
    if (!expected.success) expect(actual).toBe('error');
    else {
      const { limit: _l, ...rest } = expected.data;
      expect(actual).toEqual(rest);
    }
  });
  it('knows every sort column of the contract', () => {
    for (const sort of FLEET_SORT_COLUMNS) expect(parseFleetQuery({ sort }).sort).toBe(sort);
  });
});
