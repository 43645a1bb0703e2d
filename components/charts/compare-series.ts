/**
 * Series on a comparison chart: one metric of several modems (of one router, or of up to four
 * routers). Each series gets a colour and a dash pattern of its own, so they stay apart in print, for
 * colour-blind viewers and in the legend. Pure and browser-safe.
 */
import type { ModemSignalDto, SeriesLineDto, SignalChartsDto } from '@/lib/dto/series';
import type { CompareMetric } from '@/lib/queries/series-url';

export interface SeriesStyle {
  /** A CSS colour; custom properties so a theme can change them. */
  color: string;
  /** SVG stroke-dasharray; undefined is a solid line. */
  dash: string | undefined;
  /** What the dash looks like, for screen readers and the tooltip. */
  pattern: string;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: 'var(--compare-1)', dash: undefined, pattern: 'solid line' },
  { color: 'var(--compare-2)', dash: '10 4', pattern: 'dashed line' },
  { color: 'var(--compare-3)', dash: '2 3', pattern: 'dotted line' },
  { color: 'var(--compare-4)', dash: '12 4 2 4', pattern: 'dash-dot line' },
  { color: 'var(--compare-5)', dash: '6 6', pattern: 'wide-dashed line' },
  { color: 'var(--compare-6)', dash: '2 3 2 3 10 3', pattern: 'dot-dot-dash line' },
];

export interface CompareSeries {
  key: string;
  label: string;
  line: SeriesLineDto;
  style: SeriesStyle;
}

export const METRIC_INFO: Record<CompareMetric, { label: string; unit: string; domain: [number, number] }> = {
  rsrp: { label: 'RSRP', unit: 'dBm', domain: [-140, -40] },
  rssi: { label: 'RSSI', unit: 'dBm', domain: [-140, -40] },
  sinr: { label: 'SINR', unit: 'dB', domain: [-20, 35] },
  rsrq: { label: 'RSRQ', unit: 'dB', domain: [-20, 35] },
};

export const modemLabel = (m: ModemSignalDto) => `${m.name}${m.carrier ? ` (${m.carrier})` : ''}`;

/** Every modem of one router, one series each. */
export function modemSeries(charts: SignalChartsDto, metric: CompareMetric): CompareSeries[] {
  return charts.modems
    .slice(0, SERIES_STYLES.length)
    .map((m, i) => ({ key: m.modemId, label: modemLabel(m), line: m[metric], style: SERIES_STYLES[i]! }));
}

/**
 * One modem per router: the one chosen for it (this router's from the modem menu, another's from
 * the link), else its first. Routers without a modem are left out (the caller says so).
 */
export function routerSeries(
  answers: readonly { charts: SignalChartsDto; modemId: string | null }[],
  metric: CompareMetric,
): CompareSeries[] {
  const out: CompareSeries[] = [];
  for (const { charts, modemId } of answers) {
    const modem = charts.modems.find((m) => m.modemId === modemId) ?? charts.modems[0];
    if (!modem || out.length >= SERIES_STYLES.length) continue;
    out.push({
      key: `${charts.routerId}:${modem.modemId}`,
      label: `${charts.routerName} · ${modemLabel(modem)}`,
      line: modem[metric],
      style: SERIES_STYLES[out.length]!,
    });
  }
  return out;
}
