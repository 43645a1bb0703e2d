'use client';

import { memo, type UIEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FleetRouterRow, FleetSortColumn } from '@/lib/dto/fleet';
import type { FleetColumnKey, FleetFilters } from '@/lib/queries/fleet-url';
import { FLEET_COLUMNS, type FleetColumn } from './fleet-columns';
import { SortHeader } from './sort-header';
import { firstVisibleRow, type VisibleRange, visibleRange } from './virtual-window';

/** Must match `.fleet-table tbody tr { height }` in globals.css. */
export const ROW_HEIGHT = 36;

/**
 * On a phone the rows are cards, taller than table rows; the stylesheet says how tall through
 * `--fleet-row-height`, so the layout is decided in CSS and the list only reads it.
 */
function rowHeightOf(el: HTMLElement): number {
  const h = Number.parseFloat(getComputedStyle(el).getPropertyValue('--fleet-row-height'));
  return h > 0 ? h : ROW_HEIGHT;
}
const OVERSCAN = 6;
const OFFSET_SETTLE_MS = 300;

interface FleetRowsProps {
  total: number;
  columns: FleetColumnKey[];
  filters: FleetFilters;
  /** Row at `index`, or undefined while its window loads. */
  rowAt: (index: number) => FleetRouterRow | undefined;
  /** Row to scroll to when the table first has rows (from the URL). */
  initialOffset: number;
  onRangeChange: (range: VisibleRange) => void;
  onOffsetSettled: (offset: number) => void;
  onSort: (sort: FleetSortColumn) => void;
  busy: boolean;
  /** The view (query string) the rows shown belong to. */
  rowsView: string;
  /** The rows are the previous view's, kept while this one loads. */
  previous: boolean;
}

/** One router's row; skipped on re-render while its data, place and columns are the same. */
const FleetRow = memo(function FleetRow({
  row,
  index,
  cols,
}: {
  row: FleetRouterRow;
  index: number;
  cols: readonly FleetColumn[];
}) {
  return (
    <tr aria-rowindex={index + 2} data-testid="router-row" data-row-index={index}>
      {cols.map((col) => (
        <td key={col.key} className={col.narrow ? undefined : 'hide-narrow'} data-column={col.key}>
          {col.cell(row)}
        </td>
      ))}
    </tr>
  );
});

/**
 * A windowed table: the scroll height is total × the row height (two spacer rows), and only the rows in
 * view plus an overscan are in the DOM, so 50,000 routers cost the same to paint as 50.
 */
export function FleetRows({
  total,
  columns,
  filters,
  rowAt,
  initialOffset,
  onRangeChange,
  onOffsetSettled,
  onSort,
  busy,
  rowsView,
  previous,
}: FleetRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(initialOffset * ROW_HEIGHT);
  const [viewport, setViewport] = useState(600);
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const restored = useRef(false);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const frame = useRef(0);

  const range = visibleRange(scrollTop, viewport, rowHeight, total, OVERSCAN);

  const { start, end } = range;
  useEffect(() => {
    onRangeChange({ start, end });
  }, [start, end, onRangeChange]);

  // Measured before paint (and again on resize or rotation): the viewport, and the row height in use.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      setViewport(el.clientHeight);
      setRowHeight(rowHeightOf(el));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Restore the scroll position named by the URL once there are rows to scroll through.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || restored.current || total === 0) return;
    restored.current = true;
    el.scrollTop = initialOffset * rowHeightOf(el);
    setScrollTop(el.scrollTop);
  }, [total, initialOffset]);

  // A new filter or sort starts at the top.
  const filtersKey = JSON.stringify(filters);
  const lastFiltersKey = useRef(filtersKey);
  useLayoutEffect(() => {
    if (lastFiltersKey.current === filtersKey) return;
    lastFiltersKey.current = filtersKey;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [filtersKey]);

  useEffect(() => () => clearTimeout(settleTimer.current), []);

  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const top = event.currentTarget.scrollTop;
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => setScrollTop(top));
      clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => onOffsetSettled(firstVisibleRow(top, rowHeight)), OFFSET_SETTLE_MS);
    },
    [onOffsetSettled, rowHeight],
  );

  // Keyed on the names: the caller may pass an equal array each render, and the rows memoise on it.
  const columnsKey = columns.join(',');
  const cols = useMemo(() => columnsKey.split(',').map((key) => FLEET_COLUMNS[key as FleetColumnKey]), [columnsKey]);
  const rows: number[] = [];
  for (let i = range.start; i < range.end; i++) rows.push(i);

  return (
    <div className="fleet-scroll card" ref={scrollRef} onScroll={onScroll} data-testid="fleet-scroll">
      <table
        className={previous ? 'data fleet-table previous-rows' : 'data fleet-table'}
        aria-rowcount={total + 1}
        aria-busy={busy}
        data-testid="routers-table"
        data-rows-view={rowsView}
      >
        <thead>
          <tr aria-rowindex={1}>
            {cols.map((col) => (
              <SortHeader key={col.key} column={col} sort={filters.sort} dir={filters.dir} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="spacer" style={{ height: range.start * rowHeight }} />
          {rows.map((index) => {
            const row = rowAt(index);
            if (!row) {
              return (
                <tr key={`placeholder-${index}`} aria-rowindex={index + 2} data-testid="router-row-placeholder">
                  <td colSpan={cols.length}>
                    <div className="skeleton" aria-hidden="true" />
                    <span className="visually-hidden">Loading row {index + 1}</span>
                  </td>
                </tr>
              );
            }
            return <FleetRow key={row.id} row={row} index={index} cols={cols} />;
          })}
          <tr className="spacer" style={{ height: Math.max(0, total - range.end) * rowHeight }} />
        </tbody>
      </table>
    </div>
  );
}
