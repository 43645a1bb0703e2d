import 'server-only';
import { cache } from 'react';
import { getOverview } from '@/lib/data/fleet';

/** One overview per request, however many sections ask for it. */
export const getOverviewOnce = cache(getOverview);
