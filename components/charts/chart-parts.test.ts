import { describe, expect, it } from 'vitest';
import { CHART_MARGIN, keyedTime, timeAtPoint, VALUE_AXIS_WIDTH } from './chart-parts';

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
