import { describe, expect, it } from 'vitest';
import type { ModemSignalDto, SignalChartsDto } from '@/lib/dto/series';
import { MAX_COMPARED_ROUTERS } from '@/lib/queries/series-url';
import { modemSeries, routerSeries, SERIES_STYLES } from './compare-series';

const line = (v: number) => ({ t: [1, 2], v: [v, v] });
const modem = (id: string, name: string, carrier: string | null, rsrp: number): ModemSignalDto => ({
  modemId: id,
  name,
  carrier,
  samples: 2,
  rsrp: line(rsrp),
  rsrq: line(-10),
  sinr: line(12),
  rssi: line(-70),
});
const charts = (routerId: string, routerName: string, modems: ModemSignalDto[]) =>
  ({ routerId, routerName, modems }) as unknown as SignalChartsDto;

describe('comparison series', () => {
  it('tells every series apart without colour: each has its own dash pattern', () => {
    const dashes = SERIES_STYLES.map((s) => s.dash ?? 'solid');
    expect(new Set(dashes).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.pattern)).size).toBe(SERIES_STYLES.length);
    // This router and the most others there may be, plus room for a router's modems.
    expect(SERIES_STYLES.length).toBeGreaterThanOrEqual(1 + MAX_COMPARED_ROUTERS);
  });

  it('compares the modems of one router, labelled with their carrier', () => {
    const series = modemSeries(
      charts('1', 'BUS-1', [modem('11', 'MC400 1', 'Verizon', -85), modem('12', 'MC400 2', 'AT&T', -101)]),
      'rsrp',
    );
    expect(series.map((s) => [s.label, s.line.v[0], s.style.dash])).toEqual([
      ['MC400 1 (Verizon)', -85, undefined],
      ['MC400 2 (AT&T)', -101, '10 4'],
    ]);
  });

  it('compares routers: this router’s chosen modem, the others’ first, each labelled with the router', () => {
    const series = routerSeries(
      [
        { charts: charts('1', 'BUS-1', [modem('11', 'M1', null, -85), modem('12', 'M2', null, -95)]), modemId: '12' },
        { charts: charts('2', 'BUS-2', [modem('21', 'M1', 'Verizon', -110)]), modemId: null },
        { charts: charts('3', 'KIOSK-3', []), modemId: null },
        { charts: charts('4', 'CAR-4', [modem('41', 'M1', null, -70)]), modemId: null },
      ],
      'sinr',
    );
    expect(series.map((s) => [s.key, s.label])).toEqual([
      ['1:12', 'BUS-1 · M2'],
      ['2:21', 'BUS-2 · M1 (Verizon)'],
      ['4:41', 'CAR-4 · M1'],
    ]);
    expect(series.every((s) => s.line.v[0] === 12)).toBe(true);
    expect(new Set(series.map((s) => s.style.dash ?? 'solid')).size).toBe(3);
  });
});
