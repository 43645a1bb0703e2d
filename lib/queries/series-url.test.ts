import { describe, expect, it } from 'vitest';
import {
  compareParam,
  DEFAULT_REPLAY_SPEED,
  parseChartWindow,
  parseCompareView,
  parseLocationView,
  withParams,
} from './series-url';

const p = (search: string) => new URLSearchParams(search);

describe('chart window in the URL', () => {
  it('reads a preset, or a custom UTC window that replaces it', () => {
    expect(parseChartWindow(p(''))).toEqual({ value: { range: '24h' }, problems: [] });
    expect(parseChartWindow(p('range=7d'))).toEqual({ value: { range: '7d' }, problems: [] });
    expect(parseChartWindow(p('range=1h&from=2026-11-20T10:00:00Z&to=2026-11-20T12:30:00Z'))).toEqual({
      value: { range: '1h', from: '2026-11-20T10:00:00Z', to: '2026-11-20T12:30:00Z' },
      problems: [],
    });
  });

  it('names each bad part and falls back to the default for that part only', () => {
    const cases: Array<[string, RegExp, object]> = [
      ['range=2d', /"2d" is not one of 1h, 24h or 7d; showing the last 24 hours/, { range: '24h' }],
      ['range=7d&from=2026-11-20T10:00:00Z', /needs both from and to; showing the last 7 days/, { range: '7d' }],
      ['from=2026-11-20T10:00:00%2B01:00&to=2026-11-20T12:00:00Z', /ISO 8601 in UTC/, { range: '24h' }],
      ['from=2026-11-20T12:00:00Z&to=2026-11-20T10:00:00Z', /ends before it starts/, { range: '24h' }],
      ['from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z', /at most 90 days/, { range: '24h' }],
      ['from=2026-13-45T10:00:00Z&to=2026-11-20T10:00:00Z', /ISO 8601 in UTC/, { range: '24h' }],
    ];
    for (const [search, message, value] of cases) {
      const parsed = parseChartWindow(p(search));
      expect(parsed.value, search).toEqual(value);
      expect(parsed.problems, search).toHaveLength(1);
      expect(parsed.problems[0], search).toMatch(message);
    }
  });
});

describe('location view in the URL', () => {
  it('reads window, colouring, replay speed and position', () => {
    expect(parseLocationView(p('range=1h&color=speed&speed=60&at=2026-11-20T10:15:30Z'))).toEqual({
      value: { window: { range: '1h' }, coloring: 'speed', speed: 60, at: Date.parse('2026-11-20T10:15:30Z') },
      problems: [],
    });
    expect(parseLocationView(p('')).value).toEqual({
      window: { range: '24h' },
      coloring: 'signal',
      speed: DEFAULT_REPLAY_SPEED,
      at: null,
    });
  });

  it('reports every bad parameter and keeps the good ones', () => {
    const parsed = parseLocationView(p('range=7d&color=rainbow&speed=500&at=yesterday'));
    expect(parsed.value).toEqual({
      window: { range: '7d' },
      coloring: 'signal',
      speed: DEFAULT_REPLAY_SPEED,
      at: null,
    });
    expect(parsed.problems).toEqual([
      expect.stringMatching(/"rainbow" is not signal or speed/),
      expect.stringMatching(/"500" is not a whole number from 1 to 60/),
      expect.stringMatching(/"yesterday" is not an ISO 8601 UTC time/),
    ]);
    for (const speed of ['0', '1.5', '-3', '61', 'fast'])
      expect(parseLocationView(p(`speed=${speed}`)).problems, speed).toHaveLength(1);
    for (const speed of ['1', '7', '60'])
      expect(parseLocationView(p(`speed=${speed}`)).value.speed).toBe(Number(speed));
  });
});

describe('compare in the URL', () => {
  it('reads up to three other routers and the metric', () => {
    expect(parseCompareView(p('compare=1000012,1000044&metric=sinr'), '1000001')).toEqual({
      value: { routers: ['1000012', '1000044'], modems: {}, metric: 'sinr' },
      problems: [],
    });
  });

  it('drops itself, repeats and non-ids, and says so; keeps the first three', () => {
    const parsed = parseCompareView(
      p('compare=1000001,1000012,abc,1000012,1000013,1000014,1000015&metric=volume'),
      '1000001',
    );
    expect(parsed.value).toEqual({ routers: ['1000012', '1000013', '1000014'], modems: {}, metric: 'rsrp' });
    expect(parsed.problems).toEqual([
      expect.stringMatching(/"volume" is not one of RSRP/),
      expect.stringMatching(/Left out of the comparison: "abc"/),
      expect.stringMatching(/At most 3 other routers/),
    ]);
  });
});

describe("a compared router's modem in the URL", () => {
  it('reads the modem after a colon, and writes it back the same way', () => {
    const parsed = parseCompareView(p('compare=1000012:5000031,1000044'), '1000001');
    expect(parsed).toEqual({
      value: { routers: ['1000012', '1000044'], modems: { '1000012': '5000031' }, metric: 'rsrp' },
      problems: [],
    });
    expect(compareParam(parsed.value.routers, parsed.value.modems)).toBe('1000012:5000031,1000044');
    expect(compareParam([], {})).toBeNull();
  });

  it('leaves out an entry with a bad modem and says which, keeping the others', () => {
    const parsed = parseCompareView(p('compare=1000012:x,1000013:1:2,1000014:'), '1000001');
    expect(parsed.value.routers).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.stringMatching(/Left out of the comparison: "1000012:x", "1000013:1:2", "1000014:"/),
    ]);
    const kept = parseCompareView(p('compare=1000012:77,1000013,1000014,1000015:88'), '1000001');
    expect(kept.value).toEqual({
      routers: ['1000012', '1000013', '1000014'],
      modems: { '1000012': '77' },
      metric: 'rsrp',
    });
  });
});

describe('changing parameters', () => {
  it('sets and deletes, keeping the rest in place', () => {
    expect(withParams('tab=location&range=7d&speed=5', { speed: '10', range: null, at: '2026-11-20T10:00:00Z' })).toBe(
      '?tab=location&speed=10&at=2026-11-20T10%3A00%3A00Z',
    );
    expect(withParams('a=1', { a: null })).toBe('');
  });
});
