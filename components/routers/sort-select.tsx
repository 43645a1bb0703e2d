'use client';

import type { FleetSortColumn } from '@/lib/dto/fleet';
import type { FleetFilters } from '@/lib/queries/fleet-url';
import { FLEET_COLUMNS } from './fleet-columns';

// One entry per sort key, named after the first column that sorts by it (Signal and RSRP share one).
const SORTS = [
  ...new Map(Object.values(FLEET_COLUMNS).flatMap((c) => (c.sort ? [[c.sort, c.label] as const] : []))).entries(),
];

/** The sort as a menu, for phones, where the list has no column headers to click (CSS shows it there only). */
export function SortSelect({
  filters,
  onChange,
}: {
  filters: FleetFilters;
  onChange: (next: Partial<FleetFilters>) => void;
}) {
  return (
    <label className="narrow-only">
      Sort
      <select
        value={`${filters.sort} ${filters.dir}`}
        onChange={(e) => {
          const [sort, dir] = e.target.value.split(' ');
          onChange({ sort: sort as FleetSortColumn, dir: dir === 'desc' ? 'desc' : 'asc' });
        }}
        data-testid="fleet-sort"
      >
        {SORTS.flatMap(([sort, label]) => [
          <option key={`${sort} asc`} value={`${sort} asc`}>
            {label}, ascending
          </option>,
          <option key={`${sort} desc`} value={`${sort} desc`}>
            {label}, descending
          </option>,
        ])}
      </select>
    </label>
  );
}
