'use client';

import { CartesianGrid, Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { SignalBandDto } from '@/lib/dto/series';
import type { CompareMetric } from '@/lib/queries/series-url';
import { bandAreas, cursorLine, timeAxis, tooltipReach, useDragZoom } from './chart-parts';
import styles from './compare.module.css';
import { type CompareSeries, METRIC_INFO, type SeriesStyle } from './compare-series';
import { toPoints, valueAt } from './series-points';
import { type ChartZone, formatInstant } from './time-format';

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
  const info = METRIC_INFO[metric];
  const tolerance = tooltipReach(from, to, width);
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
      <LineChart width={width} height={HEIGHT} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} {...zoom.handlers}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        {metric === 'rsrp' && bandAreas(bands, info.domain, 0.6)}
        {timeAxis(from, to, zone)}
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
        {cursorLine(cursor)}
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
        {zoom.area}
      </LineChart>
    </figure>
  );
}
