'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import type { RouterState } from '@/lib/domain/types';
import type { FleetMapDto } from '@/lib/dto/fleet-map';
import { useTimes } from '@/components/ui/times-context';
import { formatTime } from '@/lib/format';
import { type FleetFilters, filtersSearch } from '@/lib/queries/fleet-url';
import type { TileConfig } from './basemap';
import { STATE_COLORS, STATE_ORDER } from './state-colors';

// Leaflet only ever loads in the browser, and only on this page.
const FleetMap = dynamic(() => import('./fleet-map'), {
  ssr: false,
  loading: () => (
    <div className="map-canvas map-loading" role="status" aria-busy="true">
      Loading map…
    </div>
  ),
});

interface Props {
  filters: FleetFilters;
  tiles: TileConfig | null;
  focus: { id: string; latitude: number; longitude: number } | null;
}

const LABELS: Record<RouterState, string> = {
  online: 'Online',
  offline: 'Offline',
  initialized: 'Initialized',
  unknown: 'Unknown',
};

export function FleetMapView({ filters, tiles, focus }: Props) {
  const [status, setStatus] = useState<{ data?: FleetMapDto; error: Error | null; fetching: boolean }>({
    error: null,
    fetching: true,
  });
  const onData = useCallback(
    (data: FleetMapDto | undefined, error: Error | null, fetching: boolean) => setStatus({ data, error, fetching }),
    [],
  );
  const { data, error, fetching } = status;
  const { zone } = useTimes();
  const tableSearch = filtersSearch(filters).toString();
  return (
    <section aria-labelledby="map-heading">
      <div className="header-row">
        <h1 id="map-heading">Fleet map</h1>
        <Link href={tableSearch ? `/routers?${tableSearch}` : '/routers'} prefetch={false} data-testid="map-to-table">
          Open these routers in the table
        </Link>
      </div>
      <div className="toolbar">
        <ul className="map-legend" aria-label="Legend">
          {STATE_ORDER.map((s) => (
            <li key={s}>
              <span
                className="map-legend-dot"
                ref={(el) => el?.style.setProperty('background', STATE_COLORS[s])}
                aria-hidden="true"
              />
              {LABELS[s]}
            </li>
          ))}
        </ul>
        <span className="small muted" aria-live="polite" data-testid="map-status">
          {data
            ? `${data.located.toLocaleString('en')} routers on the map${data.unlocated > 0 ? `, ${data.unlocated.toLocaleString('en')} without a known location` : ''}${data.asOf ? `, as of ${formatTime(data.asOf, zone)}` : ''}.`
            : fetching
              ? 'Loading routers…'
              : ''}
        </span>
      </div>
      {data?.stale && (
        <div className="banner warn" role="status" data-testid="map-stale">
          NCM is not answering. Showing positions as of {formatTime(data.asOf, zone)}.
        </div>
      )}
      {data?.capped && (
        <div className="banner info" role="status">
          More routers are in view than the map draws at once; zoom in to see them all.
        </div>
      )}
      {error && (
        <div className="banner error" role="status" data-testid="map-error">
          {data ? 'Showing the last positions we had. ' : ''}
          {error.message}
        </div>
      )}
      <div className="map-frame" data-testid="fleet-map">
        <FleetMap filters={filters} tiles={tiles} focus={focus} onData={onData} />
      </div>
    </section>
  );
}
