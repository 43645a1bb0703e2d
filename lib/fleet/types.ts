/** The raw, NCM-derived data the fleet snapshot holds. Never per-user output. */
import type {
  Account,
  Firmware,
  Group,
  NetDevice,
  NetDeviceHealth,
  NetDeviceMetrics,
  Product,
  Router,
  RouterLocation,
} from '@/lib/domain/types';

export interface FleetReference {
  groups: Map<string, Group>;
  accounts: Map<string, Account>;
  products: Map<string, Product>;
  firmwares: Map<string, Firmware>;
}

export interface FleetData {
  routers: Map<string, Router>;
  devices: Map<string, NetDevice>;
  /** Keyed by net device id. */
  metrics: Map<string, NetDeviceMetrics>;
  /** Keyed by net device id. */
  health: Map<string, NetDeviceHealth>;
  /** Keyed by router id. */
  locations: Map<string, RouterLocation>;
  reference: FleetReference;
}

export function emptyReference(): FleetReference {
  return { groups: new Map(), accounts: new Map(), products: new Map(), firmwares: new Map() };
}

export function emptyFleetData(): FleetData {
  return {
    routers: new Map(),
    devices: new Map(),
    metrics: new Map(),
    health: new Map(),
    locations: new Map(),
    reference: emptyReference(),
  };
}

export interface FleetPage<T> {
  items: T[];
  hasMore: boolean;
  /** When the upstream says how many there are (the spec's total_count), paging need not guess. */
  totalCount?: number;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/** The upstream calls the sync uses; one method call = one NCM list call (except `reference`). */
export interface FleetUpstream {
  routers(
    q: PageRequest & { stateUpdatedAfter?: string; updatedAfter?: string; stateOnly?: boolean },
  ): Promise<FleetPage<Router>>;
  netDevices(q: PageRequest & { updatedAfter?: string }): Promise<FleetPage<NetDevice>>;
  metrics(q: PageRequest & { updatedAfter?: string }): Promise<FleetPage<NetDeviceMetrics>>;
  health(q: PageRequest): Promise<FleetPage<NetDeviceHealth>>;
  locations(q: PageRequest): Promise<FleetPage<RouterLocation>>;
  /** Groups, accounts, products and firmwares (one paged list each). */
  reference(): Promise<FleetReference>;
}
