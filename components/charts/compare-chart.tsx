'use client';

import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SignalBandDto } from '@/lib/dto/series';
import type { CompareMetric } from '@/lib/queries/series-url';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import styles from './compare.module.css';
import { type CompareSeries, METRIC_INFO, type SeriesStyle } from './compare-series';
import { toPoints, valueAt } from './series-points';
import { type ChartZone, formatInstant, formatTick } from './time-format';

// Colours are the theme's tokens (app/globals.css), so the chart follows light and dark mode.
const BAND_FILL: Record<SignalBandDto['quality'], string> = {
  excellent: 'var(--chart-band-excellent)',
  good: 'var(--chart-band-good)',
  fair: 'var(--chart-band-fair)',
  poor: 'var(--chart-band-poor)',
};
const HEIGHT = 280;

interface Props {
  title: string;
  series: CompareSeries[];
  metric: CompareMetric;
  bands: SignalBandDto[];
  from: number;
  to: number;
  width: number;
  zone: ChartZone;
  onZoom: (from: number, to: number) => void;
  cursor: number | null;
  onCursor: (t: number | null) => void;
}

/** A short line drawn the way the series is, for the legend and the tooltip. */
function SeriesSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="28" height="8" aria-hidden="true" focusable="false">
      <line x1="0" y1="4" x2="28" y2="4" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
    </svg>
  );
}

/** One metric of several modems or routers on one chart, each its own colour and dash. */
export function CompareChart({ title, series, metric, bands, from, to, width, zone, onZoom, cursor, onCursor }: Props) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const info = METRIC_INFO[metric];
  const span = to - from;
  const tolerance = (span / Math.max(1, width)) * 4;
  const pointer = (state: unknown): number | null => {
    const label = (state as { activeLabel?: number | string } | null)?.activeLabel;
    const t = Number(label);
    return label === undefined || !Number.isFinite(t) ? null : t;
  };
  return (
    <figure className={styles.compare} data-testid="compare-chart">
      <figcaption className="chart-pane">
        <strong>
          {title}: {info.label} ({info.unit})
        </strong>{' '}
        <span className="chart-zone">times in {zone.label}</span>
        <ul className={styles.legend} aria-label="Series">
          {series.map((s) => (
            <li key={s.key} data-testid="compare-legend-item" data-dash={s.style.dash ?? 'solid'}>
              <SeriesSwatch style={s.style} />
              <span>
                {s.label} <span className="visually-hidden">({s.style.pattern})</span>
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
      <LineChart
        width={width}
        height={HEIGHT}
        margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
        onMouseDown={(s) => {
          const t = pointer(s);
          if (t !== null) setDrag({ a: t, b: t });
        }}
        onMouseMove={(s) => {
          const t = pointer(s);
          onCursor(t);
          if (drag && t !== null) setDrag({ ...drag, b: t });
        }}
        onMouseUp={() => {
          if (drag && Math.abs(drag.b - drag.a) > span / 200)
            onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
          setDrag(null);
        }}
        onMouseLeave={() => {
          onCursor(null);
          setDrag(null);
        }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        {metric === 'rsrp' &&
          bands.map((band, i) => {
            const top = i === 0 ? info.domain[1] : (bands[i - 1]!.min ?? info.domain[1]);
            return (
              <ReferenceArea
                key={band.quality}
                y1={band.min ?? info.domain[0]}
                y2={top}
                fill={BAND_FILL[band.quality]}
                fillOpacity={0.6}
                ifOverflow="hidden"
                label={{
                  value: QUALITY_LABEL[band.quality],
                  position: 'insideLeft',
                  fontSize: 10,
                  fill: 'var(--chart-label)',
                }}
              />
            );
          })}
        <XAxis
          dataKey="t"
          type="number"
          domain={[from, to]}
          allowDataOverflow
          scale="time"
          tickFormatter={(t: number) => formatTick(t, span, zone)}
          minTickGap={40}
        />
        <YAxis domain={info.domain} allowDataOverflow width={44} />
        <Tooltip
          isAnimationActive={false}
          content={({ label, active }) =>
            active && label !== undefined ? (
              <div className="chart-tooltip">
                <strong>{formatInstant(Number(label), zone)}</strong>
                {series.map((s) => {
                  const v = valueAt(s.line, Number(label), tolerance);
                  return (
                    <div key={s.key}>
                      <SeriesSwatch style={s.style} /> {s.label}: {v === null ? 'no reading' : `${v} ${info.unit}`}
                    </div>
                  );
                })}
              </div>
            ) : null
          }
        />
        {cursor !== null && (
          <ReferenceLine
            x={cursor}
            stroke="var(--chart-cursor)"
            strokeWidth={1.5}
            ifOverflow="hidden"
            className="chart-cursor"
          />
        )}
        {series.map((s) => (
          <Line
            key={s.key}
            data={toPoints(s.line)}
            dataKey="v"
            name={s.label}
            type="linear"
            stroke={s.style.color}
            strokeDasharray={s.style.dash}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
            className="compare-line"
          />
        ))}
        {drag && (
          <ReferenceArea
            x1={Math.min(drag.a, drag.b)}
            x2={Math.max(drag.a, drag.b)}
            fill="var(--chart-rsrp)"
            fillOpacity={0.12}
          />
        )}
      </LineChart>
    </figure>
  );
}
