import 'server-only';
/**
 * The shared read layer: how data functions read NCM. Every read here is shared between viewers and
 * requests (see shared-read.ts), and prefers the fleet snapshot where it already holds the answer.
 * NCM writes go through lib/ncm directly.
 */
export { alertIsKnown, heldAlertTypes, readAlertWindow, readRouterAlerts } from './alerts';
export { readActivityLogs } from './activity';
export { type Reading, readLiveMetrics, recentReadings } from './live-signal';
export { type ReferenceData, readReference } from './reference';
export {
  type RouterFacts,
  readNetDeviceHealth,
  readNetDeviceMetrics,
  readRouter,
  readRouterFacts,
  readRouterForWrite,
  readRouterIdsIn,
  readRouterNetDevices,
  readRoutersPage,
  rememberRouter,
} from './routers';
export { readLocationTrack, readRouterStates, readSignalSeries, readUsageSeries, type SeriesRead } from './series';
export { CHUNK_MS, CLOSED_AFTER_MS, chunkWindow, RETENTION_MS, type SeriesKind, type SeriesWindow, SETTLE_MS, seriesWindow } from './series-window';
export { READ_POLICIES, resetSharedReads, type SharedRead, sharedReadStats } from './shared-read';
export { usableSnapshot } from './snapshot';
