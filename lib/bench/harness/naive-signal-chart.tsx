/**
 * Benchmark #8's anchor (never part of the app): the Signal chart as recharts draws it out of the
 * box — a <Line> per series given every sample, recharts' own tooltip, a <ReferenceLine> per marker
 * — with the same panes, bands, axis and drag-to-zoom as the product's chart.
 */
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, YAxis } from 'recharts';
import { bandAreas, CHART_MARGIN, timeAxis, VALUE_AXIS_WIDTH } from '@/components/charts/chart-parts';
import { toPoints, valueAt } from '@/components/charts/series-points';
import { SIGNAL_PANES } from '@/components/charts/signal-chart';
import { type ChartZone, formatInstant } from '@/components/charts/time-format';
import type { ModemSignalDto, SeriesMarkerDto, SignalBandDto } from '@/lib/dto/series';

const SERIES_KEYS = ['rsrp', 'rssi', 'sinr', 'rsrq'] as const;

function labelOf(state: unknown): number | null {
  const label = (state as { activeLabel?: number | string } | null)?.activeLabel;
  const t = Number(label);
  return label === undefined || !Number.isFinite(t) ? null : t;
}

export function NaiveSignalChart({
  modem,
  bands,
  markers,
  from,
  to,
  width,
  zone,
  onZoom,
}: {
  modem: ModemSignalDto;
  bands: SignalBandDto[];
  markers: SeriesMarkerDto[];
  from: number;
  to: number;
  width: number;
  zone: ChartZone;
  onZoom: (from: number, to: number) => void;
  /** The product chart's shared cursor; recharts keeps its own here. */
  cursor?: number | null;
  onCursor?: (t: number | null) => void;
}) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  return (
    <div className="signal-chart">
      {SIGNAL_PANES.map((pane) => (
        <div key={pane.id} className="chart-plot">
          <LineChart
            width={width}
            height={220}
            syncId={`naive-${modem.modemId}`}
            syncMethod="value"
            margin={CHART_MARGIN}
            onMouseDown={(state) => {
              const t = labelOf(state);
              if (t !== null) setDrag({ a: t, b: t });
            }}
            onMouseMove={(state) => {
              const t = labelOf(state);
              if (drag && t !== null) setDrag({ ...drag, b: t });
            }}
            onMouseUp={() => {
              if (drag && Math.abs(drag.b - drag.a) > (to - from) / 200)
                onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
              setDrag(null);
            }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
            {pane.id === 'power' && bandAreas(bands, pane.domain, 0.7)}
            {timeAxis(from, to, width, zone)}
            <YAxis domain={pane.domain} allowDataOverflow width={VALUE_AXIS_WIDTH} />
            <Tooltip
              isAnimationActive={false}
              content={({ label, active }) =>
                active && label !== undefined ? (
                  <div className="chart-tooltip">
                    <strong>{formatInstant(Number(label), zone)}</strong>
                    {SERIES_KEYS.map((key) => (
                      <div key={key}>
                        {key}: {valueAt(modem[key], Number(label), ((to - from) / width) * 4) ?? 'no reading'}
                      </div>
                    ))}
                  </div>
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
            {pane.series.map((s) => (
              <Line
                key={s.key}
                data={toPoints(modem[s.key])}
                dataKey="v"
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
        </div>
      ))}
    </div>
  );
}
