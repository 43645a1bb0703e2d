'use client';

import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModemSignalDto, SeriesMarkerDto, SignalBandDto } from '@/lib/dto/series';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import { toPoints, valueAt } from './series-points';
import { type ChartZone, formatInstant, formatTick } from './time-format';

/** Series of one modem, by chart: what each draws, in which colour and unit. */
const PANES = [
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

// Colours are the theme's tokens (app/globals.css), so the chart follows light and dark mode.
const BAND_FILL: Record<SignalBandDto['quality'], string> = {
  excellent: 'var(--chart-band-excellent)',
  good: 'var(--chart-band-good)',
  fair: 'var(--chart-band-fair)',
  poor: 'var(--chart-band-poor)',
};
const HEIGHT = 220;

interface Props {
  modem: ModemSignalDto;
  bands: SignalBandDto[];
  markers: SeriesMarkerDto[];
  from: number;
  to: number;
  width: number;
  zone: ChartZone;
  /** Called with a dragged time range: the chart zooms to it (the page puts it in the URL). */
  onZoom: (from: number, to: number) => void;
  /** The time the viewer points at (shared by both panes and, on tracks, the map). */
  cursor: number | null;
  onCursor: (t: number | null) => void;
}

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
      {PANES.flatMap((p) => p.series.map((s) => ({ ...s, unit: p.unit }))).map((s) => {
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

export function SignalChart({ modem, bands, markers, from, to, width, zone, onZoom, cursor, onCursor }: Props) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const span = to - from;
  // Two pixels' worth of time: the tooltip's reach to the nearest point of each line.
  const tolerance = (span / Math.max(1, width)) * 4;
  const pointer = (state: unknown): number | null => {
    const label = (state as { activeLabel?: number | string } | null)?.activeLabel;
    const t = Number(label);
    return label === undefined || !Number.isFinite(t) ? null : t;
  };
  const finishDrag = () => {
    if (drag && Math.abs(drag.b - drag.a) > span / 200) onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
    setDrag(null);
  };
  return (
    <div className="signal-chart" data-testid="signal-chart">
      {PANES.map((pane) => (
        <figure key={pane.id} className="chart-pane">
          <figcaption>
            {pane.title} ({pane.unit})<span className="chart-zone">times in {zone.label}</span>
            <span className="chart-legend">
              {pane.series.map((s) => (
                <span key={s.key} className={`chart-key chart-key-${s.key}`}>
                  {s.label}
                </span>
              ))}
            </span>
          </figcaption>
          <LineChart
            width={width}
            height={HEIGHT}
            syncId={`signal-${modem.modemId}`}
            syncMethod="value"
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
            onMouseUp={finishDrag}
            onMouseLeave={() => {
              onCursor(null);
              setDrag(null);
            }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
            {pane.id === 'power' &&
              bands.map((band, i) => {
                const top = i === 0 ? pane.domain[1] : (bands[i - 1]!.min ?? pane.domain[1]);
                const bottom = band.min ?? pane.domain[0];
                return (
                  <ReferenceArea
                    key={band.quality}
                    y1={bottom}
                    y2={top}
                    fill={BAND_FILL[band.quality]}
                    fillOpacity={0.7}
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
            <YAxis domain={pane.domain} allowDataOverflow width={44} />
            <Tooltip
              isAnimationActive={false}
              content={({ label, active }) =>
                active && label !== undefined ? (
                  <TooltipBody label={Number(label)} modem={modem} zone={zone} tolerance={tolerance} />
                ) : null
              }
            />
            {markers.map((m) => (
              <ReferenceLine
                key={`${m.kind}-${m.t}`}
                x={m.t}
                stroke={m.to === 'offline' ? 'var(--chart-offline)' : 'var(--chart-marker)'}
                strokeDasharray="4 2"
                ifOverflow="hidden"
              />
            ))}
            {cursor !== null && (
              <ReferenceLine
                x={cursor}
                stroke="var(--chart-cursor)"
                strokeWidth={1.5}
                ifOverflow="hidden"
                className="chart-cursor"
              />
            )}
            {pane.series.map((s) => (
              <Line
                key={s.key}
                data={toPoints(modem[s.key])}
                dataKey="v"
                name={s.label}
                type="linear"
                stroke={s.color}
                dot={false}
                strokeWidth={1.5}
                isAnimationActive={false}
                connectNulls={false}
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
      ))}
    </div>
  );
}
