/**
 * Signal and usage charts of one router: the window (a preset or a UTC from/to, as in the page URL)
 * and the chart's width in pixels, so the server sends at most two points per pixel. Browser-safe.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SignalChartsDto, TrackDto, UsageChartsDto } from '@/lib/dto/series';
import { fetchJson } from './fetch-json';

export const CHART_RANGES = ['1h', '24h', '7d'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

/** What the Signal tab shows, as it lives in the URL. */
export interface ChartWindow {
  range: ChartRange;
  /** A zoomed or custom window (ISO, UTC); replaces the range when both are set. */
  from?: string;
  to?: string;
}

export function chartWindowSearch(w: ChartWindow, width: number): string {
  const params = new URLSearchParams();
  if (w.from && w.to) {
    params.set('from', w.from);
    params.set('to', w.to);
  } else params.set('window', w.range);
  params.set('width', String(Math.max(100, Math.min(4000, Math.round(width)))));
  return params.toString();
}

export function signalChartsQuery(routerId: string, w: ChartWindow, width: number) {
  const search = chartWindowSearch(w, width);
  return queryOptions({
    queryKey: ['router', routerId, 'signal', search] as const,
    queryFn: ({ signal }) =>
      fetchJson<SignalChartsDto>(`/api/routers/${encodeURIComponent(routerId)}/signal?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: w.from ? false : 60_000,
  });
}

export function usageChartsQuery(routerId: string, w: ChartWindow, width: number) {
  const search = chartWindowSearch(w, width);
  return queryOptions({
    queryKey: ['router', routerId, 'usage', search] as const,
    queryFn: ({ signal }) =>
      fetchJson<UsageChartsDto>(`/api/routers/${encodeURIComponent(routerId)}/usage?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: w.from ? false : 5 * 60_000,
  });
}

/** The router's track drawn for a map at `zoom`, `width` pixels wide (each zoom its own level). */
export function locationTrackQuery(routerId: string, w: ChartWindow, width: number, zoom: number) {
  const search = `${chartWindowSearch(w, width)}&zoom=${Math.max(0, Math.min(20, Math.round(zoom)))}`;
  return queryOptions({
    queryKey: ['router', routerId, 'track', search] as const,
    queryFn: ({ signal }) =>
      fetchJson<TrackDto>(`/api/routers/${encodeURIComponent(routerId)}/track?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: w.from ? false : 60_000,
  });
}
