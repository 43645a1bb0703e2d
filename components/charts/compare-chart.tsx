'use client';

import { memo, useMemo } from 'react';
import { LineChart, YAxis } from 'recharts';
import type { SignalBandDto } from '@/lib/dto/series';
import type { CompareMetric } from '@/lib/queries/series-url';
import {
  bandAreas,
  CHART_MARGIN,
  type ChartWindowProps,
  type PlotWindowProps,
  ChartPlot,
  samePlotProps,
  timeAxis,
  timeGrid,
  tooltipReach,
  useDragZoom,
  VALUE_AXIS_WIDTH,
} from './chart-parts';
import styles from './compare.module.css';
import { type CompareSeries, METRIC_INFO, type SeriesStyle } from './compare-series';
import { SeriesLines } from './series-lines';
import { valueAt } from './series-points';
import { type ChartZone, formatInstant } from './time-format';

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
const ComparePlot = memo(function ComparePlot({ series, metric, bands, from, to, width, zone, area }: PlotProps) {
  const info = METRIC_INFO[metric];
  const lines = useMemo(
    () => series.map((s) => ({ key: s.key, line: s.line, color: s.style.color, dash: s.style.dash, width: 2 })),
    [series],
  );
  return (
    <LineChart width={width} height={HEIGHT} margin={CHART_MARGIN} accessibilityLayer={false}>
      {timeGrid(from, to, width, zone)}
      {metric === 'rsrp' && bandAreas(bands, info.domain, 0.6)}
      {timeAxis(from, to, width, zone)}
      <YAxis domain={info.domain} allowDataOverflow width={VALUE_AXIS_WIDTH} />
      <SeriesLines lines={lines} from={from} to={to} domain={info.domain} className="compare-line" />
      {area}
    </LineChart>
  );
}, sameCompareProps);

/** Every compared series at the pointed time, each with its swatch. */
function CompareTooltip({
  label,
  series,
  metric,
  zone,
  tolerance,
}: {
  label: number;
  series: CompareSeries[];
  metric: CompareMetric;
  zone: ChartZone;
  tolerance: number;
}) {
  const info = METRIC_INFO[metric];
  return (
    <div className="chart-tooltip">
      <strong>{formatInstant(label, zone)}</strong>
      {series.map((s) => {
        const v = valueAt(s.line, label, tolerance);
        return (
          <div key={s.key}>
            <SeriesSwatch style={s.style} /> {s.label}: {v === null ? 'no reading' : `${v} ${info.unit}`}
          </div>
        );
      })}
    </div>
  );
}

/** One metric of several modems or routers on one chart, each its own colour and dash. */
export function CompareChart({ title, series, metric, bands, from, to, width, zone, onZoom, cursor, onCursor }: Props) {
  const info = METRIC_INFO[metric];
  const zoom = useDragZoom({ from, to, width, onZoom, cursor, onCursor });
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
      <ChartPlot
        label={`${info.label} comparison chart cursor`}
        {...{ from, to, width, zone, cursor, zoom }}
        height={HEIGHT}
        tooltip={(t) => (
          <CompareTooltip
            label={t}
            series={series}
            metric={metric}
            zone={zone}
            tolerance={tooltipReach(from, to, width)}
          />
        )}
      >
        <ComparePlot
          series={series}
          metric={metric}
          bands={bands}
          from={from}
          to={to}
          width={width}
          zone={zone}
          area={zoom.area}
        />
      </ChartPlot>
    </figure>
  );
}
