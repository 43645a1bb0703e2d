import 'server-only';
import { cache } from 'react';
import { getFleetOverview } from '@/lib/data/fleet';

/** One read of the snapshot per request, however many sections ask for it. */
export const fleetOverviewOnce = cache(getFleetOverview);
