'use client';

import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { SignalBandDto } from '@/lib/dto/series';
import type { CompareMetric } from '@/lib/queries/series-url';
import {
  bandAreas,
  CHART_MARGIN,
  type ChartWindowProps,
  type PlotWindowProps,
  CursorOverlay,
  samePlotProps,
  timeAxis,
  tooltipReach,
  useDragZoom,
  VALUE_AXIS_WIDTH,
} from './chart-parts';
import styles from './compare.module.css';
import { type CompareSeries, METRIC_INFO, type SeriesStyle } from './compare-series';
import { toPoints, valueAt } from './series-points';
import { formatInstant } from './time-format';

const HEIGHT = 280;

interface Content {
  series: CompareSeries[];
  metric: CompareMetric;
  bands: SignalBandDto[];
}

type Props = Content & ChartWindowProps & { title: string };

/** A short line drawn the way the series is, for the legend and the tooltip. */
function SeriesSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="28" height="8" aria-hidden="true" focusable="false">
      <line x1="0" y1="4" x2="28" y2="4" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
    </svg>
  );
}

type PlotProps = Content & PlotWindowProps;

/** The series are rebuilt on every render of the panel; the same lines in the same styles draw alike. */
function sameCompareProps(a: PlotProps, b: PlotProps): boolean {
  const sameSeries =
    a.series.length === b.series.length &&
    a.series.every((s, i) => {
      const t = b.series[i]!;
      return s.key === t.key && s.label === t.label && s.line === t.line && s.style === t.style;
    });
  return sameSeries && samePlotProps({ ...a, series: null }, { ...b, series: null });
}

/** The chart itself, memoized: hovering moves the cursor overlay and the tooltip, not the lines. */
const ComparePlot = memo(function ComparePlot({
  series,
  metric,
  bands,
  from,
  to,
  width,
  zone,
  handlers,
  area,
}: PlotProps) {
  const info = METRIC_INFO[metric];
  const tolerance = tooltipReach(from, to, width);
  const points = useMemo(() => series.map((s) => toPoints(s.line)), [series]);
  return (
    <LineChart width={width} height={HEIGHT} margin={CHART_MARGIN} {...handlers}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      {metric === 'rsrp' && bandAreas(bands, info.domain, 0.6)}
      {timeAxis(from, to, width, zone)}
      <YAxis domain={info.domain} allowDataOverflow width={VALUE_AXIS_WIDTH} />
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
      {series.map((s, i) => (
        <Line
          key={s.key}
          data={points[i]}
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
      {area}
    </LineChart>
  );
}, sameCompareProps);

/** One metric of several modems or routers on one chart, each its own colour and dash. */
export function CompareChart({ title, series, metric, bands, from, to, width, zone, onZoom, cursor, onCursor }: Props) {
  const info = METRIC_INFO[metric];
  const zoom = useDragZoom(from, to, onZoom, onCursor);
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
      <div className="chart-plot">
        <ComparePlot
          series={series}
          metric={metric}
          bands={bands}
          from={from}
          to={to}
          width={width}
          zone={zone}
          handlers={zoom.handlers}
          area={zoom.area}
        />
        <CursorOverlay cursor={cursor} from={from} to={to} width={width} height={HEIGHT} />
      </div>
    </figure>
  );
}
