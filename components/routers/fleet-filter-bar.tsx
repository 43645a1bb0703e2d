'use client';

import type { ReactNode } from 'react';
import type { FleetRoutersPageDto, SignalQuality } from '@/lib/dto/fleet';
import { type FleetFilters, SIGNAL_FILTER_VALUES } from '@/lib/queries/fleet-url';
import { FacetFilter } from './facet-filter';
import { SearchBox } from './search-box';
import { SortSelect } from './sort-select';
import { QUALITY_LABEL } from '@/lib/dto/fleet-values';

const SIGNAL_OPTIONS = SIGNAL_FILTER_VALUES.map((q) => ({ value: q, label: QUALITY_LABEL[q] }));

/** Search plus one multi-select per facet; every change goes to the URL through onChange. */
export function FleetFilterBar({
  filters,
  facets,
  onChange,
  children,
}: {
  filters: FleetFilters;
  facets: FleetRoutersPageDto['facets'] | null;
  onChange: (next: Partial<FleetFilters>) => void;
  children?: ReactNode;
}) {
  return (
    <div className="toolbar fleet-filters">
      <SearchBox value={filters.q ?? ''} onSearch={(q) => onChange({ q })} />
      <SortSelect filters={filters} onChange={onChange} />
      <FacetFilter
        label="Group"
        options={facets?.groups ?? []}
        selected={filters.group ?? []}
        onChange={(group) => onChange({ group })}
      />
      <FacetFilter
        label="Product"
        options={facets?.products ?? []}
        selected={filters.product ?? []}
        onChange={(product) => onChange({ product })}
      />
      <FacetFilter
        label="Firmware"
        options={facets?.firmwares ?? []}
        selected={filters.firmware ?? []}
        onChange={(firmware) => onChange({ firmware })}
      />
      <FacetFilter
        label="Carrier"
        options={facets?.carriers ?? []}
        selected={filters.carrier ?? []}
        onChange={(carrier) => onChange({ carrier })}
      />
      <FacetFilter
        label="Account"
        options={facets?.accounts ?? []}
        selected={filters.account ?? []}
        onChange={(account) => onChange({ account })}
      />
      <FacetFilter
        label="Signal"
        options={SIGNAL_OPTIONS}
        selected={filters.signal ?? []}
        onChange={(signal) => onChange({ signal: signal as SignalQuality[] | undefined })}
      />
      {children}
    </div>
  );
}
