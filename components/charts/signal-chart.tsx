'use client';

import { memo, useMemo } from 'react';
import { LineChart, YAxis } from 'recharts';
import type { ModemSignalDto, SeriesMarkerDto, SignalBandDto } from '@/lib/dto/series';
import {
  bandAreas,
  CHART_MARGIN,
  type ChartWindowProps,
  ChartPlot,
  PLOT_INSET,
  type PlotWindowProps,
  samePlotProps,
  timeAxis,
  timeGrid,
  tooltipReach,
  useDragZoom,
  VALUE_AXIS_WIDTH,
} from './chart-parts';
import { SeriesLines } from './series-lines';
import { isDense, valueAt } from './series-points';
import { type ChartZone, formatInstant } from './time-format';

/** Series of one modem, by chart: what each draws, in which colour and unit. */
export const SIGNAL_PANES = [
  {
    id: 'power',
    title: 'RSRP and RSSI',
    unit: 'dBm',
    domain: [-140, -40] as [number, number],
    series: [
      { key: 'rsrp', label: 'RSRP', color: 'var(--chart-rsrp)' },
      { key: 'rssi', label: 'RSSI', color: 'var(--chart-rssi)' },
    ],
  },
  {
    id: 'quality',
    title: 'SINR and RSRQ',
    unit: 'dB',
    domain: [-20, 35] as [number, number],
    series: [
      { key: 'sinr', label: 'SINR', color: 'var(--chart-sinr)' },
      { key: 'rsrq', label: 'RSRQ', color: 'var(--chart-rsrq)' },
    ],
  },
] as const;

const HEIGHT = 220;

interface Content {
  modem: ModemSignalDto;
  bands: SignalBandDto[];
  markers: SeriesMarkerDto[];
}

type Props = Content & ChartWindowProps;

function TooltipBody({
  label,
  modem,
  zone,
  tolerance,
}: {
  label: number;
  modem: ModemSignalDto;
  zone: ChartZone;
  tolerance: number;
}) {
  return (
    <div className="chart-tooltip">
      <strong>{formatInstant(label, zone)}</strong>
      {SIGNAL_PANES.flatMap((p) => p.series.map((s) => ({ ...s, unit: p.unit }))).map((s) => {
        const v = valueAt(modem[s.key], label, tolerance);
        return (
          <div key={s.key}>
            {s.label}: {v === null ? 'no reading' : `${v} ${s.unit}`}
          </div>
        );
      })}
    </div>
  );
}

type Pane = (typeof SIGNAL_PANES)[number];

/**
 * One pane's chart. Memoized: hovering moves the cursor and tooltip overlays, and draws none of the
 * lines again.
 */
const SignalPlot = memo(function SignalPlot({
  pane,
  modem,
  bands,
  markers,
  from,
  to,
  width,
  zone,
  area,
}: Content & PlotWindowProps & { pane: Pane }) {
  const lines = useMemo(
    () => pane.series.map((s) => ({ key: s.key, line: modem[s.key], color: s.color, width: 1.5 })),
    [pane, modem],
  );
  return (
    <LineChart width={width} height={HEIGHT} margin={CHART_MARGIN} accessibilityLayer={false}>
      {timeGrid(from, to, width, zone)}
      {pane.id === 'power' && bandAreas(bands, pane.domain, 0.7)}
      {timeAxis(from, to, width, zone)}
      <YAxis domain={pane.domain} allowDataOverflow width={VALUE_AXIS_WIDTH} />
      <SeriesLines lines={lines} markers={markers} from={from} to={to} domain={pane.domain} band />
      {area}
    </LineChart>
  );
}, samePlotProps);

export function SignalChart({ modem, bands, markers, from, to, width, zone, onZoom, cursor, onCursor }: Props) {
  const zoom = useDragZoom({ from, to, width, onZoom, cursor, onCursor });
  // The caption says what a band means when SeriesLines draws one (the same test, on any series).
  const dense = SIGNAL_PANES.some((p) => p.series.some((s) => isDense(modem[s.key], width - PLOT_INSET)));
  return (
    <div className="signal-chart" data-testid="signal-chart">
      {SIGNAL_PANES.map((pane) => (
        <figure key={pane.id} className="chart-pane">
          <figcaption>
            {pane.title} ({pane.unit})<span className="chart-zone">times in {zone.label}</span>
            {dense && (
              <span className="chart-zone">line: middle of each pixel's readings, shaded: lowest to highest</span>
            )}
            <span className="chart-legend">
              {pane.series.map((s) => (
                <span key={s.key} className={`chart-key chart-key-${s.key}`}>
                  {s.label}
                </span>
              ))}
            </span>
          </figcaption>
          <ChartPlot
            label={`${pane.title} chart cursor`}
            {...{ from, to, width, zone, cursor, zoom }}
            height={HEIGHT}
            tooltip={(t) => (
              <TooltipBody label={t} modem={modem} zone={zone} tolerance={tooltipReach(from, to, width)} />
            )}
          >
            <SignalPlot
              pane={pane}
              modem={modem}
              bands={bands}
              markers={markers}
              from={from}
              to={to}
              width={width}
              zone={zone}
              area={zoom.area}
            />
          </ChartPlot>
        </figure>
      ))}
    </div>
  );
}
