/**
 * Everything clients wrote, as overlays on the generated fleet. Generated data is never copied in
 * here; only the client's own changes (and the few records they created) are kept.
 */
export interface RouterEdit {
  name?: string;
  description?: string;
  asset_id?: string | null;
  custom1?: string | null;
  custom2?: string | null;
  /** group index, or null = no group */
  group?: number | null;
  account?: number;
  updatedMs: number;
}

export interface ConfigEdit {
  configuration: unknown;
  suspended?: boolean;
  version: number;
  updatedMs: number;
}

export interface LocationEdit {
  id: number;
  latitude: number;
  longitude: number;
  accuracy: number;
  method: string;
  updatedMs: number;
}

export interface PushDestination {
  destination_config_id: string;
  name: string;
  url: string;
  secret: string;
  enabled: boolean;
  suspended: boolean;
  account: number;
  updatedMs: number;
  lastErrorMs: number | null;
  lastErrorText: string | null;
}

export interface AlertRule {
  alert_config_id: string;
  account: number;
  fields: Record<string, unknown>;
  updatedMs: number;
}

export class Store {
  readonly routers = new Map<number, RouterEdit>();
  readonly configs = new Map<number, ConfigEdit>();
  /** router index → manual/overridden location, or null when the client deleted it */
  readonly locations = new Map<number, LocationEdit | null>();
  readonly pushDestinations = new Map<string, PushDestination>();
  readonly alertRules = new Map<string, AlertRule>();
  nextLocationId = 9_000_001;
  uuidCounter = 0;

  clear(): void {
    this.routers.clear();
    this.configs.clear();
    this.locations.clear();
    this.pushDestinations.clear();
    this.alertRules.clear();
    this.nextLocationId = 9_000_001;
    this.uuidCounter = 0;
  }
}
