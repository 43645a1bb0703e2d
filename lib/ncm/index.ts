import 'server-only';
/**
 * The NCM client's public surface: the only way the rest of the app reaches NCM (the lint step's
 * boundary check refuses imports of the files behind it). Everything here speaks domain types from
 * lib/domain/types; NCM's paging, filter names and record shapes stay inside this folder.
 */
export { type ActivityLogEntry, listActivityLogs } from './activity-logs';
export {
  ALERT_PUSH_SIGNATURE_HEADER,
  isSignedAlertPush,
  MAX_ALERT_PUSH_BYTES,
  parseAlertPush,
  signAlertPush,
} from './alert-push';
export { listAlerts } from './alerts';
export { ncmBudgetWaitMs, withNcmBudgetWait } from './budget';
export { listAccounts, listFirmwares, listProducts } from './catalog';
export { mapWithConcurrency } from './concurrency';
export { logNcmError, NcmError } from './errors';
export { ncmKeyRefusal } from './key-refusal';
export { listGroups } from './groups';
export { listLocations } from './locations';
export {
  listNetDeviceHealth,
  listNetDeviceHealthPage,
  listNetDeviceMetrics,
  listNetDeviceMetricsPage,
  listNetDevices,
  listNetDevicesForRouter,
} from './net-devices';
export { createAlertPushDestination, listAlertPushDestinations, updateAlertPushDestination } from './push-destinations';
export { rebootRouter } from './reboot';
export { getRouter, listAllRouters, listRouters, updateRouter } from './routers';
export {
  listHistoricalLocations,
  listRouterStateSamples,
  listSignalSamples,
  listUsageSamples,
  type TimeSeriesList,
  type TimeWindow,
} from './time-series';
