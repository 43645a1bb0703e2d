import 'server-only';
/** The fleet sync's view of NCM: one NCM list page per call, through the NCM client's index. */
import {
  listLocations,
  listNetDeviceHealthPage,
  listNetDeviceMetricsPage,
  listNetDevices,
  listRouters,
} from '@/lib/ncm';
import { loadReference } from './reference';
import type { FleetUpstream } from './types';

export const ncmFleetUpstream: FleetUpstream = {
  routers: (q) =>
    listRouters({
      offset: q.offset,
      limit: q.limit,
      stateUpdatedAfter: q.stateUpdatedAfter,
      updatedAfter: q.updatedAfter,
      only: q.stateOnly ? 'state' : undefined,
    }),
  netDevices: (q) => listNetDevices(q),
  metrics: (q) => listNetDeviceMetricsPage(q),
  health: (q) => listNetDeviceHealthPage(q),
  locations: (q) => listLocations(q),
  reference: loadReference,
};
