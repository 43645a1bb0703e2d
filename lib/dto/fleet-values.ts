/**
 * The fleet table's closed value lists, without zod: the browser imports these (a zod import costs
 * ~25 kB gzip on /routers), and lib/dto/fleet.ts builds its schemas from the same lists.
 */

export const SIGNAL_QUALITIES = ['excellent', 'good', 'fair', 'poor'] as const;
export type SignalQuality = (typeof SIGNAL_QUALITIES)[number];

/** How each quality reads in the UI (the thresholds are in lib/signal/bands.ts). */
export const QUALITY_LABEL: Readonly<Record<SignalQuality, string>> = {
  excellent: 'Excellent',
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
};

export const FLEET_SORT_COLUMNS = [
  'name',
  'state',
  'stateUpdatedAt',
  'productName',
  'firmwareVersion',
  'groupName',
  'accountName',
  'carrier',
  'rsrp',
  'rsrq',
  'sinr',
  'healthScore',
  'ipv4Address',
  'serialNumber',
  'mac',
  'assetId',
] as const;
export type FleetSortColumn = (typeof FLEET_SORT_COLUMNS)[number];
