/**
 * What the BFF sends the browser about routers: our own shapes, rebuilt from domain records, never
 * NCM's wire objects. Browser-safe (types and schemas only).
 */
import { z } from 'zod';
import type { RouterState } from '@/lib/domain/types';
import { NUMERIC_ID } from './ids';

export interface RouterRowDto {
  id: string;
  name: string;
  state: RouterState;
  stateUpdatedAt: string | null;
  productName: string | null;
  firmwareVersion: string | null;
  groupId: string | null;
  groupName: string | null;
  accountId: string | null;
  accountName: string | null;
}

export interface NetDeviceDto {
  id: string;
  name: string;
  type: string;
  mode: string | null;
  connectionState: string | null;
  carrier: string | null;
  iccid: string | null;
  imei: string | null;
  ipv4Address: string | null;
  port: string | null;
  model: string | null;
}

export interface RouterDetailDto extends RouterRowDto {
  description: string;
  serialNumber: string | null;
  mac: string | null;
  ipv4Address: string | null;
  assetId: string | null;
  locality: string | null;
  targetFirmwareVersion: string | null;
  configStatus: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  netDevices: NetDeviceDto[];
  /** When NCM said what is shown (ISO 8601, UTC). */
  asOf: string;
  /** Set when NCM did not answer and this is the last view of the router we had. */
  unavailable?: { asOf: string | null; reason: string };
  /** A fresher read is queued behind the NCM call budget; this is the last one. */
  waitingForBudget?: boolean;
  /** Last known location, when the fleet snapshot has one. */
  latitude?: number | null;
  longitude?: number | null;
}

/** A modem of one router with its latest radio metrics and health. */
export interface ModemDto {
  id: string;
  name: string;
  carrier: string | null;
  connectionState: string | null;
  rsrp: number | null;
  rsrq: number | null;
  sinr: number | null;
  /** Banded RSRP: excellent ≥ −80 dBm, good ≥ −90, fair ≥ −100, else poor. */
  signalQuality: 'excellent' | 'good' | 'fair' | 'poor' | null;
  healthScore: number | null;
  iccid: string | null;
  imei: string | null;
  ipv4Address: string | null;
  model: string | null;
  metricsUpdatedAt: string | null;
}

export const ALERT_WINDOWS = ['24h', '7d', '30d'] as const;
export type AlertWindow = (typeof ALERT_WINDOWS)[number];

export interface RouterAlertDto {
  id: string;
  type: string;
  message: string;
  createdAt: string;
}

/** One page of GET /api/routers: routers in NCM's name order, straight from NCM (shared briefly). */
export interface RoutersPageDto {
  items: RouterRowDto[];
  limit: number;
  offset: number;
  hasMore: boolean;
  /** When NCM said this (ISO 8601, UTC). */
  asOf: string;
}

const ROUTER_PAGE_SIZES = [25, 50, 100, 200] as const;

/** Query of GET /api/routers. */
export const routersQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .refine((n) => (ROUTER_PAGE_SIZES as readonly number[]).includes(n), 'limit must be 25, 50, 100 or 200')
    .default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  state: z.enum(['online', 'offline', 'initialized']).optional(),
});
export type RoutersQuery = z.infer<typeof routersQuerySchema>;

export interface GroupOptionDto {
  id: string;
  name: string;
  accountId: string | null;
  accountName: string | null;
}

/**
 * Control characters and bidi overrides have no place in a router name: they hide or reorder what
 * an operator reads (U+202E can make "evil.exe" look like "exe.live"). Descriptions may keep
 * line breaks and tabs.
 */
export function hasUnsafeCharacters(value: string, allowLineBreaks: boolean): boolean {
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (allowLineBreaks && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

/** The body of PATCH /api/routers/[id]: the only fields a dashboard user may change. */
export const routerChangesSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'Name cannot be empty')
      .max(100, 'Name is at most 100 characters')
      .refine((s) => !hasUnsafeCharacters(s, false), 'Name contains control characters')
      .optional(),
    description: z
      .string()
      .max(1000, 'Description is at most 1,000 characters')
      .refine((s) => !hasUnsafeCharacters(s, true), 'Description contains control characters')
      .optional(),
    groupId: z.string().regex(NUMERIC_ID, 'groupId must be a numeric id').nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined || v.groupId !== undefined, 'Nothing to change');
export type RouterChangesInput = z.infer<typeof routerChangesSchema>;
