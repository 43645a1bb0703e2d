/** What the field view (one router, on a phone) receives. Browser-safe types. */
import type { RouterState } from '@/lib/domain/types';
import type { SignalQuality } from './fleet-values';

export interface FieldReadingDto {
  at: string;
  rsrp: number | null;
  sinr: number | null;
}

export interface FieldModemDto {
  id: string;
  name: string;
  carrier: string | null;
  connectionState: string | null;
  serviceType: string | null;
  rsrp: number | null;
  rsrq: number | null;
  sinr: number | null;
  rsrpQuality: SignalQuality | null;
  sinrQuality: SignalQuality | null;
  /** When the modem reported these values (ISO 8601, UTC). */
  readingAt: string | null;
  /** The readings of the last minutes, oldest first, for a sparkline. */
  history: FieldReadingDto[];
}

export interface FieldLiveDto {
  routerId: string;
  modems: FieldModemDto[];
  /** When NCM said this (ISO 8601, UTC). */
  asOf: string;
  /** NCM did not answer the last read: these are its last values. */
  stale: boolean;
  /** A fresher read waits for the NCM call budget. */
  waiting: boolean;
}

export interface FieldMatchDto {
  id: string;
  name: string;
  state: RouterState;
  serialNumber: string | null;
  assetId: string | null;
  mac: string | null;
}
