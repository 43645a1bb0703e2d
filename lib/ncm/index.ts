import 'server-only';
/** The NCM client's public surface. Everything returns domain types from lib/domain/types. */
export { describeNcmTarget, getNcmConfig, type NcmConfig, type NcmMode } from './config';
export { isNcmError, logNcmError, NcmError, type NcmErrorKind } from './errors';
export { mapWithConcurrency } from './concurrency';
export { ALERT_PUSH_SIGNATURE_HEADER, isSignedAlertPush, MAX_ALERT_PUSH_BYTES, parseAlertPush, signAlertPush } from './alert-push';
export { type AlertQuery, listAlerts } from './alerts';
export { type ActivityLogEntry, type ActivityLogQuery, listActivityLogs } from './activity-logs';
export {
  type AlertPushDestination,
  type AlertPushDestinationInput,
  createAlertPushDestination,
  listAlertPushDestinations,
  updateAlertPushDestination,
} from './push-destinations';
export { listAccounts, listFirmwares, listProducts } from './catalog';
export { getGroup, listGroups } from './groups';
export {
  listNetDeviceHealth,
  listNetDeviceMetrics,
  listNetDevices,
  listNetDevicesForRouter,
  type NetDeviceQuery,
} from './net-devices';
export type { PaginateOptions } from './paginate';
export { rebootRouter } from './reboot';
export { getRouter, listAllRouters, listRouters, type RouterQuery, updateRouter } from './routers';
export {
  listHistoricalLocations,
  listRouterStateSamples,
  listSignalSamples,
  listUsageSamples,
  type TimeSeriesList,
  type TimeSeriesOptions,
  type TimeWindow,
} from './time-series';
