'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { FleetRouterRow, FleetSortColumn } from '@/lib/dto/fleet';
import { FLEET_WINDOW_SIZE, type FleetWindow, fleetWindowQuery, windowSearch } from '@/lib/queries/fleet';
import type { FleetFilters } from '@/lib/queries/fleet-url';
import type { QuerySeed } from '@/lib/queries/seed';
import { useQuerySeed } from '@/lib/queries/use-query-seed';
import { ColumnChooser } from './column-chooser';
import { ExportButton } from './export-button';
import { FleetFilterBar } from './fleet-filter-bar';
import { FleetRows, ROW_HEIGHT } from './fleet-rows';
import { FleetStatus } from './fleet-status';
import { MapLink } from './map-link';
import { StateChips } from './state-chips';
import { useFleetView } from './use-fleet-view';
import { type VisibleRange, windowsFor } from './virtual-window';

/**
 * The /routers table: filters, chips and status above a windowed list that fetches rows as it scrolls.
 * `seed` is the window holding the first visible row, as the server fetched it with the page.
 */
export function FleetTable({ canExport, seed }: { canExport: boolean; seed: QuerySeed<FleetWindow> | null }) {
  useQuerySeed(seed);
  const queryClient = useQueryClient();
  // A new filter or sort shows its first rows: ask for them in the click itself, not after the
  // URL change has re-rendered the table (React Query picks up the request already in flight).
  const prefetchFirstWindow = useCallback(
    (next: FleetFilters) => void queryClient.prefetchQuery(fleetWindowQuery(next, 0)),
    [queryClient],
  );
  const { view, columns, setFilters, setColumns, setOffset } = useFleetView(prefetchFirstWindow);
  const { filters } = view;
  const [range, setRange] = useState<VisibleRange>(() => ({
    start: view.offset,
    end: view.offset + Math.ceil(800 / ROW_HEIGHT),
  }));
  const windowIndexes = windowsFor(range, FLEET_WINDOW_SIZE);
  const results = useQueries({ queries: windowIndexes.map((i) => fleetWindowQuery(filters, i)) });

  // Total, counts and facets come from the freshest window; the last ones stay while a new filter loads,
  // so the scroll height does not collapse between answers.
  const lastMeta = useRef<FleetWindow | null>(null);
  let freshest: FleetWindow | null = null;
  let freshestAt = -1;
  for (const r of results) {
    if (r.data && r.dataUpdatedAt > freshestAt) {
      freshest = r.data;
      freshestAt = r.dataUpdatedAt;
    }
  }
  if (freshest) lastMeta.current = freshest;
  const meta = freshest ?? lastMeta.current;
  const error = results.find((r) => r.error)?.error ?? null;
  const busy = results.some((r) => r.isFetching);

  const byWindow = new Map<number, FleetRouterRow[]>();
  windowIndexes.forEach((w, i) => {
    const rows = results[i]?.data?.rows;
    if (rows) byWindow.set(w, rows);
  });
  // While a new filter or sort loads, the previous view's rows stay (dimmed) rather than turning
  // into placeholders and back: no flash, and half the DOM work of a sort.
  const viewKey = windowSearch(filters, 0);
  const shown = useRef<{ key: string; byWindow: Map<number, FleetRouterRow[]> } | null>(null);
  const showingPrevious = byWindow.size === 0 && !error && shown.current !== null && shown.current.key !== viewKey;
  if (byWindow.size > 0) shown.current = { key: viewKey, byWindow };
  const visible = showingPrevious && shown.current ? shown.current.byWindow : byWindow;
  const rowAt = useCallback(
    (index: number) => visible.get(Math.floor(index / FLEET_WINDOW_SIZE))?.[index % FLEET_WINDOW_SIZE],
    [visible],
  );

  const onSort = useCallback(
    (sort: FleetSortColumn) =>
      setFilters({ sort, dir: filters.sort === sort && filters.dir === 'asc' ? 'desc' : 'asc' }),
    [filters.sort, filters.dir, setFilters],
  );
  const total = freshest?.total ?? (lastMeta.current && !error ? lastMeta.current.total : 0);
  // Which view the rows on screen belong to: tests and benchmarks wait for it.
  const rowsView = showingPrevious && shown.current ? shown.current.key : viewKey;

  return (
    <section aria-labelledby="routers-heading" className="fleet">
      <h2 id="routers-heading" className="visually-hidden">
        Router list
      </h2>
      <FleetStatus meta={meta} />
      <StateChips
        counts={meta?.counts ?? null}
        selected={filters.state ?? []}
        onChange={(state) => setFilters({ state })}
      />
      <FleetFilterBar filters={filters} facets={meta?.facets ?? null} onChange={setFilters}>
        <ColumnChooser columns={columns} onChange={setColumns} />
        {canExport && <ExportButton filters={filters} columns={columns} />}
        <MapLink filters={filters} />
      </FleetFilterBar>
      <p className="small" aria-live="polite" data-testid="routers-total">
        {meta
          ? `${total.toLocaleString('en-US')} routers match${meta.sync.phase === 'initial' ? ' so far' : ''}`
          : 'Loading routers…'}
        {busy && <span className="muted"> · updating…</span>}
      </p>
      {error && (
        <div className="banner error" role="status" data-testid="routers-error">
          {meta ? 'Showing the last data we had. ' : ''}
          {error.message}{' '}
          <button
            type="button"
            onClick={() => {
              for (const r of results) if (r.error) r.refetch();
            }}
          >
            Try again
          </button>
        </div>
      )}
      {meta && total === 0 ? (
        <div className="card" data-testid="routers-empty">
          <p>No routers match these filters.</p>
        </div>
      ) : (
        <FleetRows
          total={total}
          columns={columns}
          filters={filters}
          rowAt={rowAt}
          initialOffset={view.offset}
          onRangeChange={setRange}
          onOffsetSettled={setOffset}
          onSort={onSort}
          busy={busy}
          rowsView={rowsView}
          previous={showingPrevious}
        />
      )}
    </section>
  );
}
