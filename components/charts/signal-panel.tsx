'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import type { SignalChartsDto } from '@/lib/dto/series';
import { useTimes } from '@/components/ui/times-context';
import { formatUtc } from '@/lib/format';
import { HttpError } from '@/lib/dto/errors';
import {
  type CompareMetric,
  parseChartWindow,
  compareParam,
  parseCompareView,
  RANGE_LABEL,
  withParams,
} from '@/lib/queries/series-url';
import { CHART_RANGES, chartWindowSearch, signalChartsQuery, usageChartsQuery } from '@/lib/queries/signal';
import { ComparePicker } from './compare-picker';
import { type CompareSeries, modemLabel, modemSeries, routerSeries } from './compare-series';
import { parseZoneChoice, resolveZone } from './time-format';
import { useWidth } from './use-width';
import { ZoneSelect } from './zone-select';

const chartLoading = () => (
  <div className="chart-placeholder" role="status" aria-busy="true">
    Drawing the chart…
  </div>
);

// recharts loads with this tab only.
const SignalChart = dynamic(() => import('./signal-chart').then((m) => m.SignalChart), {
  ssr: false,
  loading: chartLoading,
});
const CompareChart = dynamic(() => import('./compare-chart').then((m) => m.CompareChart), {
  ssr: false,
  loading: chartLoading,
});
const UsageChart = dynamic(() => import('./usage-chart').then((m) => m.UsageChart), { ssr: false });

/** Why a compared router's chart is missing, in words. */
function compareFailure(id: string, error: Error): string {
  if (error instanceof HttpError && error.status === 404)
    return `Router ${id} is not known to NCM; left out of the comparison.`;
  if (error instanceof HttpError && error.status === 403)
    return `You may not see router ${id}; left out of the comparison.`;
  return `Router ${id} could not be read (${error.message}).`;
}

/**
 * The Signal tab: RSRP, RSSI, SINR and RSRQ per modem for a window, with quality bands, online and
 * offline markers and drag-to-zoom; or one metric of several modems, or of up to four routers, on
 * one chart. Window, modem, zoom, comparison and time zone live in the URL, so a copied link opens
 * the same chart.
 */
export function SignalPanel({
  routerId,
  canExport,
  routerZone,
}: {
  routerId: string;
  canExport: boolean;
  routerZone: string | null;
}) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const windowParsed = parseChartWindow(params);
  const window = windowParsed.value;
  // Without a zone in the link, the viewer's display preference applies.
  const preferredZone = useTimes().mode;
  const zoneParsed = parseZoneChoice(params.get('tz'), preferredZone);
  const { zone, problem: zoneProblem } = resolveZone(zoneParsed.choice, routerZone);
  const compareParsed = parseCompareView(params, routerId);
  const { routers: comparedIds, modems: comparedModems, metric } = compareParsed.value;
  const problems = [
    ...windowParsed.problems,
    ...(zoneParsed.problem ? [zoneParsed.problem] : []),
    ...compareParsed.problems,
  ];
  const modemParam = params.get('modem');
  const [box, width, measured] = useWidth();
  const [cursor, setCursor] = useState<number | null>(null);
  const { data, error, isPending, isFetching } = useQuery({
    ...signalChartsQuery(routerId, window, width),
    enabled: measured,
  });
  const usage = useQuery({ ...usageChartsQuery(routerId, window, width), enabled: measured });
  const others = useQueries({
    queries: comparedIds.map((id) => ({ ...signalChartsQuery(id, window, width), retry: false, enabled: measured })),
  });

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      router.replace(`${pathname}${withParams(params.toString(), changes)}`, { scroll: false }),
    [params, pathname, router],
  );
  const onZoom = useCallback(
    (from: number, to: number) => update({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    [update],
  );
  const onCompare = useCallback(
    (ids: string[], m: CompareMetric, chosen: Record<string, string>) =>
      update({ compare: compareParam(ids, chosen), metric: m === 'rsrp' ? null : m }),
    [update],
  );

  const modems = data?.modems ?? [];
  const selectedModem =
    modemParam && modemParam !== 'all' && modemParam !== 'compare' ? modemParam : (modems[0]?.modemId ?? null);
  const shown =
    modemParam === 'all' || modemParam === 'compare' ? modems : modems.filter((m) => m.modemId === selectedModem);
  const exportSearch = new URLSearchParams(chartWindowSearch(window, width));
  exportSearch.delete('width');
  exportSearch.set('kind', 'signal');

  // Comparison: other routers when the URL names any, else this router's modems when asked.
  const compareFailures = comparedIds.flatMap((id, i) => {
    const answer = others[i];
    if (answer?.error) return [compareFailure(id, answer.error)];
    const chosen = comparedModems[id];
    const charts = answer?.data as SignalChartsDto | undefined;
    return charts && chosen && !charts.modems.some((m) => m.modemId === chosen)
      ? [`${charts.routerName} has no modem ${chosen} in this window; its first modem is shown.`]
      : [];
  });
  const compareAnswers = comparedIds.flatMap((id, i) =>
    others[i]?.data ? [{ charts: others[i].data as SignalChartsDto, modemId: comparedModems[id] ?? null }] : [],
  );
  let compare: { title: string; series: CompareSeries[] } | null = null;
  if (data && comparedIds.length > 0) {
    compare = {
      title: 'Routers compared',
      series: routerSeries([{ charts: data, modemId: selectedModem }, ...compareAnswers], metric),
    };
  } else if (data && modemParam === 'compare') {
    compare = { title: `Modems of ${data.routerName}`, series: modemSeries(data, metric) };
  }
  const comparedRouters = comparedIds.map((id, i) => {
    const charts = others[i]?.data as SignalChartsDto | undefined;
    return {
      id,
      name: charts?.routerName ?? null,
      modems: charts?.modems.map((m) => ({ id: m.modemId, label: modemLabel(m) })) ?? [],
      modemId: comparedModems[id] ?? null,
    };
  });

  return (
    <section aria-labelledby="signal-heading" data-testid="signal-panel">
      <h2 id="signal-heading">Signal</h2>
      {(problems.length > 0 || zoneProblem) && (
        <div className="banner warn" role="status" data-testid="signal-bad-params">
          {problems.length > 0 && <>Part of this link could not be used: {problems.join(' ')} </>}
          {zoneProblem}
        </div>
      )}
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
          <select
            value={modemParam ?? modems[0]?.modemId ?? ''}
            onChange={(e) => update({ modem: e.target.value })}
            data-testid="modem-select"
          >
            {modems.map((m) => (
              <option key={m.modemId} value={m.modemId}>
                {m.name}
                {m.carrier ? ` (${m.carrier})` : ''}
              </option>
            ))}
            {modems.length > 1 && <option value="all">All modems, one above the other</option>}
            {modems.length > 1 && <option value="compare">All modems on one chart</option>}
          </select>
        </label>
        <ZoneSelect
          choice={zoneParsed.choice}
          routerZone={routerZone}
          fallback={preferredZone}
          onChange={(tz) => update({ tz })}
        />
        {canExport && (
          <a
            className="button"
            href={`/api/routers/${encodeURIComponent(routerId)}/series-export?${exportSearch.toString()}`}
            download
          >
            Download CSV (every sample)
          </a>
        )}
      </div>
      <ComparePicker routerId={routerId} compared={comparedRouters} metric={metric} onChange={onCompare} />
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
      {compareFailures.map((message) => (
        <p key={message} className="banner warn" role="status" data-testid="compare-failure">
          {message}
        </p>
      ))}
      {error && !data && <p className="banner error">{error.message}</p>}
      <div ref={box} className="chart-box">
        {data && modems.length === 0 && <p className="muted">This router has no modem.</p>}
        {data && compare && (
          <CompareChart
            title={compare.title}
            series={compare.series}
            metric={metric}
            bands={data.bands}
            from={Date.parse(data.from)}
            to={Date.parse(data.to)}
            width={width}
            zone={zone}
            onZoom={onZoom}
            cursor={cursor}
            onCursor={setCursor}
          />
        )}
        {data &&
          !compare &&
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
                  <UsageChart
                    key={u.modemId}
                    modem={u}
                    from={Date.parse(usage.data.from)}
                    to={Date.parse(usage.data.to)}
                    width={width}
                    zone={zone}
                  />
                ))}
            </div>
          ))}
      </div>
    </section>
  );
}
