import Link from 'next/link';
import { type FleetFilters, filtersSearch } from '@/lib/queries/fleet-url';

/** The same routers on the map: the map reads the table's filter parameters. */
export function MapLink({ filters }: { filters: FleetFilters }) {
  const params = filtersSearch(filters);
  params.delete('sort');
  params.delete('dir');
  const search = params.toString();
  return (
    <Link className="button-link" href={search ? `/map?${search}` : '/map'} prefetch={false} data-testid="table-to-map">
      Show on map
    </Link>
  );
}
