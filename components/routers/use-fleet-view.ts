'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_COLUMNS,
  type FleetColumnKey,
  type FleetFilters,
  type FleetView,
  normaliseColumns,
  parseColumns,
  parseFleetView,
  serialiseFleetView,
} from '@/lib/queries/fleet-url';

const COLUMNS_STORAGE_KEY = 'fleet-console:routers:columns';
const FILTERS_CHANGED_MARK = 'fleet:filters-changed';

export interface FleetViewState {
  view: FleetView;
  /** The columns shown: the URL's, else the user's saved default, else ours. */
  columns: FleetColumnKey[];
  setFilters: (next: Partial<FleetFilters>) => void;
  setColumns: (cols: FleetColumnKey[]) => void;
  /** Records the first visible row without adding a history entry per scroll. */
  setOffset: (offset: number) => void;
}

/**
 * The table's view lives in the URL (STYLE 13). Filter changes push a history entry (Back undoes a
 * filter); scrolling replaces the current one. Next keeps useSearchParams in step with both.
 */
export function useFleetView(onFiltersChange?: (filters: FleetFilters) => void): FleetViewState {
  const searchParams = useSearchParams();
  const view = useMemo(() => parseFleetView(new URLSearchParams(searchParams.toString())).view, [searchParams]);
  const [savedColumns, setSavedColumns] = useState<FleetColumnKey[] | null>(null);

  useEffect(() => {
    try {
      setSavedColumns(parseColumns(window.localStorage.getItem(COLUMNS_STORAGE_KEY)));
    } catch {
      // Storage may be disabled; the built-in default applies.
    }
  }, []);

  const write = useCallback((next: FleetView, mode: 'push' | 'replace') => {
    const search = serialiseFleetView(next);
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
    return search;
  }, []);

  const setFilters = useCallback(
    (next: Partial<FleetFilters>) => {
      // A User Timing mark: field monitoring (and the benchmark) can time "filter committed → rows
      // painted" without the search box's deliberate debounce.
      performance.mark(FILTERS_CHANGED_MARK);
      const search = write({ ...view, filters: { ...view.filters, ...next }, offset: 0 }, 'push');
      // The filters as the page will read them back from the URL, so a query keyed on them matches.
      onFiltersChange?.(parseFleetView(new URLSearchParams(search)).view.filters);
    },
    [view, write, onFiltersChange],
  );

  const setColumns = useCallback(
    (cols: FleetColumnKey[]) => {
      const normalised = normaliseColumns(cols);
      try {
        window.localStorage.setItem(COLUMNS_STORAGE_KEY, normalised.join(','));
      } catch {
        // Not fatal: the URL still carries the choice.
      }
      setSavedColumns(normalised);
      write({ ...view, columns: normalised }, 'replace');
    },
    [view, write],
  );

  const setOffset = useCallback(
    (offset: number) => {
      if (offset !== view.offset) write({ ...view, offset }, 'replace');
    },
    [view, write],
  );

  const columns = view.columns ?? savedColumns ?? [...DEFAULT_COLUMNS];
  return { view, columns, setFilters, setColumns, setOffset };
}
