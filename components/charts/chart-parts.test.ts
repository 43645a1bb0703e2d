import { describe, expect, it } from 'vitest';
import { CHART_MARGIN, keyedTime, PLOT_INSET, timeAtPoint, timeAxisTicks, VALUE_AXIS_WIDTH } from './chart-parts';
import { UTC_ZONE } from './time-format';

describe('pointer and keys on a chart', () => {
  const chart = { from: 1_000, to: 2_000, width: 1_060, height: 220 };
  const left = CHART_MARGIN.left + VALUE_AXIS_WIDTH;
  const right = chart.width - CHART_MARGIN.right;

  it('maps the plotting area linearly onto the window, ends included', () => {
    expect(timeAtPoint(left, 100, chart)).toBe(1_000);
    expect(timeAtPoint(right, 100, chart)).toBe(2_000);
    expect(timeAtPoint((left + right) / 2, 100, chart)).toBe(1_500);
  });

  it('has no time outside the plotting area: the value axis, the margins, the time axis', () => {
    expect(timeAtPoint(left - 1, 100, chart)).toBeNull();
    expect(timeAtPoint(right + 1, 100, chart)).toBeNull();
    expect(timeAtPoint(500, CHART_MARGIN.top - 1, chart)).toBeNull();
    expect(timeAtPoint(500, chart.height - 10, chart)).toBeNull();
    expect(timeAtPoint(500, 100, { ...chart, to: chart.from })).toBeNull();
  });

  it('steps the cursor with the arrows, further with Shift, never past the window', () => {
    expect(keyedTime('ArrowRight', false, null, 0, 1_000)).toBe(500);
    expect(keyedTime('ArrowRight', false, 500, 0, 1_000)).toBe(510);
    expect(keyedTime('ArrowLeft', true, 500, 0, 1_000)).toBe(400);
    expect(keyedTime('ArrowRight', true, 995, 0, 1_000)).toBe(1_000);
    expect(keyedTime('ArrowLeft', false, 3, 0, 1_000)).toBe(0);
  });

  it('goes to the ends with Home and End, hides with Escape, and ignores other keys', () => {
    expect(keyedTime('Home', false, 500, 0, 1_000)).toBe(0);
    expect(keyedTime('End', false, null, 0, 1_000)).toBe(1_000);
    expect(keyedTime('Escape', false, 500, 0, 1_000)).toBeNull();
    expect(keyedTime('a', false, 500, 0, 1_000)).toBeUndefined();
    expect(keyedTime('Tab', false, 500, 0, 1_000)).toBeUndefined();
  });
});

describe('time axis ticks', () => {
  const HOUR = 3_600_000;
  const from = Date.UTC(2026, 10, 3, 7, 23, 11);

  it('spaces the ticks so their labels never meet, on a phone and on a desk, for short and long windows', () => {
    // Tick labels are drawn at the page's 16 px, at most 9.5 px a character.
    for (const width of [360, 800, 1200]) {
      for (const span of [HOUR, 24 * HOUR, 7 * 24 * HOUR, 58 * 24 * HOUR, 90 * 24 * HOUR]) {
        const ticks = timeAxisTicks(from, from + span, width, UTC_ZONE);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        const px = (t: number) => ((t - from) / span) * (width - PLOT_INSET);
        for (let i = 1; i < ticks.length; i++) {
          const room = px(ticks[i]!.t) - px(ticks[i - 1]!.t);
          const halves = ((ticks[i]!.label.length + ticks[i - 1]!.label.length) / 2) * 9.5;
          expect(room, `${width} px, ${span / HOUR} h: ${ticks[i - 1]!.label} → ${ticks[i]!.label}`).toBeGreaterThan(
            halves,
          );
        }
      }
    }
  });

  it('labels each tick with its time in the zone, within the window', () => {
    const ticks = timeAxisTicks(from, from + 2 * HOUR, 1200, UTC_ZONE);
    expect(ticks.map((t) => t.label)).toEqual(['07:30', '07:45', '08:00', '08:15', '08:30', '08:45', '09:00', '09:15']);
    for (const { t } of ticks) expect(t >= from && t <= from + 2 * HOUR).toBe(true);
  });
});
