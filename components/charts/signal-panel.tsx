'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTimes } from '@/components/ui/times-context';
import { formatUtc } from '@/lib/format';
import { CHART_RANGES, type ChartRange, type ChartWindow, chartWindowSearch, signalChartsQuery, usageChartsQuery } from '@/lib/queries/signal';
import type { TimeZoneChoice } from './time-format';
import { zoneLabel } from './time-format';

// recharts loads with this tab only.
const SignalChart = dynamic(() => import('./signal-chart').then((m) => m.SignalChart), {
  ssr: false,
  loading: () => <div className="chart-placeholder" role="status" aria-busy="true">Drawing the chart…</div>,
});

const UsageChart = dynamic(() => import('./usage-chart').then((m) => m.UsageChart), { ssr: false });

const RANGE_LABEL: Record<ChartRange, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' };
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z$/;

function readWindow(params: URLSearchParams): ChartWindow {
  const range = (CHART_RANGES as readonly string[]).includes(params.get('range') ?? '') ? (params.get('range') as ChartRange) : '24h';
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  return from && to && ISO.test(from) && ISO.test(to) && from < to ? { range, from, to } : { range };
}

/** The chart's width in pixels, in steps of 20 so a resize does not ask the server for every pixel. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.round(el.clientWidth / 20) * 20));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The Signal tab: RSRP, RSSI, SINR and RSRQ per modem for a window, with quality bands, online and
 * offline markers and drag-to-zoom. Window, modem, zoom and time zone live in the URL, so a copied
 * link opens the same chart.
 */
export function SignalPanel({ routerId, canExport }: { routerId: string; canExport: boolean }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const window = readWindow(new URLSearchParams(params.toString()));
  // Without a zone in the link, the viewer's own preference applies (UTC unless they chose local).
  const preferred = useTimes().mode;
  const tz = params.get('tz');
  const zone: TimeZoneChoice = tz === 'local' || tz === 'utc' ? tz : preferred;
  const modemParam = params.get('modem');
  const [box, width] = useWidth();
  const [cursor, setCursor] = useState<number | null>(null);
  const { data, error, isPending, isFetching } = useQuery(signalChartsQuery(routerId, window, width));
  const usage = useQuery(usageChartsQuery(routerId, window, width));

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [params, pathname, router],
  );
  const onZoom = useCallback((from: number, to: number) => update({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }), [update]);

  const modems = data?.modems ?? [];
  const shown = modemParam === 'all' ? modems : modems.filter((m) => m.modemId === (modemParam ?? modems[0]?.modemId));
  const exportSearch = new URLSearchParams(chartWindowSearch(window, width));
  exportSearch.delete('width');
  exportSearch.set('kind', 'signal');

  return (
    <section aria-labelledby="signal-heading" data-testid="signal-panel">
      <h2 id="signal-heading">Signal</h2>
      <div className="toolbar chart-toolbar">
        <fieldset className="segmented-buttons">
          <legend className="visually-hidden">Time window</legend>
          {CHART_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={!window.from && window.range === r}
              onClick={() => update({ range: r, from: null, to: null })}
            >
              {RANGE_LABEL[r]}
            </button>
          ))}
        </fieldset>
        {window.from && (
          <button type="button" onClick={() => update({ from: null, to: null })} data-testid="chart-reset-zoom">
            Reset zoom
          </button>
        )}
        <label>
          Modem{' '}
          <select value={modemParam ?? modems[0]?.modemId ?? ''} onChange={(e) => update({ modem: e.target.value })}>
            {modems.map((m) => (
              <option key={m.modemId} value={m.modemId}>
                {m.name}
                {m.carrier ? ` (${m.carrier})` : ''}
              </option>
            ))}
            {modems.length > 1 && <option value="all">All modems, one above the other</option>}
          </select>
        </label>
        <label>
          Times in{' '}
          <select value={zone} onChange={(e) => update({ tz: e.target.value === 'local' ? 'local' : 'utc' })}>
            <option value="utc">UTC</option>
            <option value="local">My time zone ({zoneLabel('local')})</option>
          </select>
        </label>
        {canExport && (
          <a className="button" href={`/api/routers/${encodeURIComponent(routerId)}/series-export?${exportSearch.toString()}`} download>
            Download CSV (every sample)
          </a>
        )}
      </div>
      <p className="small muted" aria-live="polite" data-testid="signal-status">
        {isFetching ? 'Updating… ' : ''}
        {data
          ? `${formatUtc(data.from)} to ${formatUtc(data.to)}; as of ${formatUtc(data.asOf)}. Drag across a chart to zoom.`
          : isPending
            ? 'Loading signal…'
            : ''}
      </p>
      {data?.clampedToRetention && Date.parse(data.from) - Date.parse(data.requested.from) > 3_600_000 && (
        <p className="banner info" role="status">
          NetCloud Manager keeps signal readings for {data.retentionDays} days; the chart starts there.
        </p>
      )}
      {data?.stale && (
        <p className="banner warn" role="status">
          NCM is not answering; showing its readings as of {formatUtc(data.asOf)}.
        </p>
      )}
      {data?.waitingForBudget && (
        <p className="banner info" role="status">
          Waiting for NetCloud Manager&apos;s call budget; showing readings as of {formatUtc(data.asOf)}.
        </p>
      )}
      {error && !data && <p className="banner error">{error.message}</p>}
      <div ref={box} className="chart-box">
        {data && modems.length === 0 && <p className="muted">This router has no modem.</p>}
        {data &&
          shown.map((modem) => (
            <div key={modem.modemId} className="chart-modem">
              {shown.length > 1 && <h3>{modem.name}</h3>}
              <p className="small muted">
                {modem.samples.toLocaleString('en')} readings in the window
                {modem.carrier ? ` · ${modem.carrier}` : ''}
              </p>
              <SignalChart
                modem={modem}
                bands={data.bands}
                markers={data.markers}
                from={Date.parse(data.from)}
                to={Date.parse(data.to)}
                width={width}
                zone={zone}
                onZoom={onZoom}
                cursor={cursor}
                onCursor={setCursor}
              />
              {usage.data?.modems
                .filter((u) => u.modemId === modem.modemId)
                .map((u) => (
                  <UsageChart key={u.modemId} modem={u} from={Date.parse(usage.data.from)} to={Date.parse(usage.data.to)} width={width} zone={zone} />
                ))}
            </div>
          ))}
      </div>
    </section>
  );
}
