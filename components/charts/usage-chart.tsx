'use client';

import { memo } from 'react';
import { Bar, BarChart, Tooltip, YAxis } from 'recharts';
import type { ModemUsageDto } from '@/lib/dto/series';
import { CHART_MARGIN, samePlotProps, timeAxis, timeGrid } from './chart-parts';
import { toPoints } from './series-points';
import { type ChartZone, formatInstant } from './time-format';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${UNITS[unit]}`;
}

function total(values: readonly (number | null)[]): number {
  return values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

/**
 * Bytes in and out per sample period of one modem, with the window's totals. Memoized: the panel
 * re-renders as the signal chart's cursor moves, and this chart has nothing to do with it.
 */
export const UsageChart = memo(function UsageChart({
  modem,
  from,
  to,
  width,
  zone,
}: {
  modem: ModemUsageDto;
  from: number;
  to: number;
  width: number;
  zone: ChartZone;
}) {
  const inPoints = toPoints(modem.bytesIn);
  const outByT = new Map(toPoints(modem.bytesOut).map((p) => [p.t, p.v]));
  const rows = inPoints.map((p) => ({ t: p.t, in: p.v, out: outByT.get(p.t) ?? null }));
  return (
    <figure className="chart-pane" data-testid="usage-chart">
      <figcaption>
        Data usage · {modem.name} · in {formatBytes(total(modem.bytesIn.v))}, out {formatBytes(total(modem.bytesOut.v))}{' '}
        in the window (the chart may merge periods; the CSV has each)
      </figcaption>
      <BarChart width={width} height={180} data={rows} margin={CHART_MARGIN}>
        {timeGrid(from, to, width, zone)}
        {timeAxis(from, to, width, zone)}
        <YAxis tickFormatter={(v: number) => formatBytes(v)} width={76} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)', color: 'var(--text)' }}
          labelFormatter={(t) => formatInstant(Number(t), zone)}
          formatter={(value, name) => [formatBytes(Number(value)), name === 'in' ? 'Bytes in' : 'Bytes out']}
        />
        <Bar dataKey="in" fill="var(--chart-usage-in)" isAnimationActive={false} />
        <Bar dataKey="out" fill="var(--chart-usage-out)" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}, samePlotProps);
