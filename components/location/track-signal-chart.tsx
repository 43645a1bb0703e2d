'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import type { ChartZone } from '@/components/charts/time-format';
import { type ChartWindow, signalChartsQuery } from '@/lib/queries/signal';
import styles from './location.module.css';

const SignalChart = dynamic(() => import('@/components/charts/signal-chart').then((m) => m.SignalChart), {
  ssr: false,
  loading: () => (
    <div className="chart-placeholder" role="status" aria-busy="true">
      Drawing the chart…
    </div>
  ),
});

interface Props {
  routerId: string;
  window: ChartWindow;
  width: number;
  /** Ask only once the width is known (the server draws for it). */
  enabled: boolean;
  modemId: string | null;
  onModem: (modemId: string) => void;
  zone: ChartZone;
  /** The replay's time, or the time pointed at: where the cursor stands. */
  cursor: number | null;
  /** The time the viewer points at on the chart (null when they leave it). */
  onPoint: (t: number | null) => void;
  onZoom: (from: number, to: number) => void;
}

/** The signal chart under the track: one modem over the same window, sharing the replay's time. */
export function TrackSignalChart({
  routerId,
  window,
  width,
  enabled,
  modemId,
  onModem,
  zone,
  cursor,
  onPoint,
  onZoom,
}: Props) {
  const chart = useQuery({ ...signalChartsQuery(routerId, window, width), enabled });
  const modems = chart.data?.modems ?? [];
  const modem = modems.find((m) => m.modemId === modemId) ?? modems[0] ?? null;
  return (
    <div className={styles.chartSlot}>
      {chart.error && !chart.data && (
        <p className="banner error">The signal chart could not be loaded: {chart.error.message}</p>
      )}
      {chart.data && !modem && <p className="muted">This router has no modem, so there is no signal chart.</p>}
      {chart.data && modem && (
        <>
          <div className="header-row">
            <h3>
              Signal of {modem.name}
              {modem.carrier ? ` (${modem.carrier})` : ''}
            </h3>
            {modems.length > 1 && (
              <label className="small">
                Modem on the chart{' '}
                <select value={modem.modemId} onChange={(e) => onModem(e.target.value)}>
                  {modems.map((m) => (
                    <option key={m.modemId} value={m.modemId}>
                      {m.name}
                      {m.carrier ? ` (${m.carrier})` : ''}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <p className="small muted">
            Point at the chart to see where the router was at that time; drag across it to zoom into a window.
          </p>
          <SignalChart
            modem={modem}
            bands={chart.data.bands}
            markers={chart.data.markers}
            from={Date.parse(chart.data.from)}
            to={Date.parse(chart.data.to)}
            width={width}
            zone={zone}
            onZoom={onZoom}
            cursor={cursor}
            onCursor={onPoint}
          />
        </>
      )}
    </div>
  );
}
