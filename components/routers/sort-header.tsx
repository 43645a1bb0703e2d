'use client';

import type { FleetSortColumn } from '@/lib/dto/fleet';
import type { FleetColumn } from './fleet-columns';

interface SortHeaderProps {
  column: FleetColumn;
  sort: FleetSortColumn;
  dir: 'asc' | 'desc';
  onSort: (sort: FleetSortColumn) => void;
}

/** A column header; a button inside makes sorting reachable by keyboard, aria-sort tells the state. */
export function SortHeader({ column, sort, dir, onSort }: SortHeaderProps) {
  const className = column.narrow ? undefined : 'hide-narrow';
  const style = { width: `${column.width}rem` };
  if (!column.sort) {
    return (
      <th scope="col" className={className} style={style}>
        {column.label}
      </th>
    );
  }
  const sortKey = column.sort;
  // Signal and RSRP share a sort key (quality is banded RSRP), so both show it.
  const active = sort === sortKey;
  const ariaSort = active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" className={className} style={style} aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {column.label}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
