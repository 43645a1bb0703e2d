import 'server-only';
/**
 * The shared read layer: how data functions read NCM. Every read here is shared between viewers and
 * requests (see shared-read.ts), and prefers the fleet snapshot where it already holds the answer.
 * NCM writes go through lib/ncm directly.
 */
export { alertIsKnown, readAlertWindow, readRouterAlerts } from './alerts';
export { readActivityLogs } from './activity';
export { readLiveMetrics, recentReadings } from './live-signal';
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
export { type SeriesKind, seriesWindow } from './series-window';
export { resetSharedReads, type SharedRead } from './shared-read';
