/**
 * What the BFF sends the browser about alerts and acknowledgements. Browser-safe (types and schemas).
 */
import { z } from 'zod';
import { SEVERITIES, type Severity } from '@/lib/alerts/severity';
import { NUMERIC_ID } from './ids';

export interface AlertAckDto {
  acknowledgedBy: string;
  acknowledgedByName: string;
  acknowledgedAt: string;
  comment: string;
}

export interface AlertDto {
  id: string;
  type: string;
  severity: Severity;
  message: string;
  createdAt: string;
  detectedAt: string | null;
  routerId: string | null;
  routerName: string | null;
  accountId: string | null;
  accountName: string | null;
  ack: AlertAckDto | null;
}

export interface AlertsPageDto {
  items: AlertDto[];
  limit: number;
  offset: number;
  /** Alerts in the window after filtering. */
  total: number;
  hasMore: boolean;
  /** True when NCM held more alerts in the window than we keep (`windowCap`); some are then missing. */
  truncated: boolean;
  windowCap: number;
  /** The alert types in the window (before the type and severity filters), for the type menu. */
  types: string[];
  /** The window actually queried (ISO 8601, UTC). */
  from: string;
  to: string;
  /** When NCM last answered for this window (ISO 8601, UTC). */
  asOf: string;
  /** True when NCM failed and this is the last answer it gave (stale-if-error). */
  stale?: boolean;
}

const ALERT_RANGES = ['1h', '24h', '7d', 'custom'] as const;
export type AlertRange = (typeof ALERT_RANGES)[number];
export const ALERT_PAGE_SIZES = [25, 50, 100] as const;

const id = z.string().regex(NUMERIC_ID, 'Must be a numeric id');
const isoTime = z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 time' });
const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

export const alertsQuerySchema = z
  .object({
    type: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9_]{1,64}$/, 'Unknown alert type')
        .optional(),
    ),
    severity: z.preprocess(emptyAsUndefined, z.enum(SEVERITIES).optional()),
    router: z.preprocess(emptyAsUndefined, id.optional()),
    group: z.preprocess(emptyAsUndefined, id.optional()),
    account: z.preprocess(emptyAsUndefined, id.optional()),
    range: z.preprocess(emptyAsUndefined, z.enum(ALERT_RANGES).default('24h')),
    from: z.preprocess(emptyAsUndefined, isoTime.optional()),
    to: z.preprocess(emptyAsUndefined, isoTime.optional()),
    limit: z.coerce
      .number()
      .int()
      .refine((n) => (ALERT_PAGE_SIZES as readonly number[]).includes(n), 'Page size must be 25, 50 or 100')
      .default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict()
  .refine((q) => q.range !== 'custom' || q.from !== undefined, {
    message: 'A custom range needs a start time',
    path: ['from'],
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'The range must start before it ends',
    path: ['to'],
  });
export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

export const ackInputSchema = z
  .object({ comment: z.string().trim().max(500, 'Keep the comment under 500 characters').default('') })
  .strict();
export type AckInput = z.infer<typeof ackInputSchema>;

export const ALERT_ID = /^[A-Za-z0-9-]{1,64}$/;

export type LiveMode = 'push' | 'polling';

/** Server-Sent Event payloads on /api/alerts/stream, by event name. */
export interface AlertStreamEvents {
  mode: { mode: LiveMode; pollIntervalSeconds: number };
  alert: AlertDto;
  ack: { alertId: string; ack: AlertAckDto };
}

export interface UnackedCountDto {
  count: number;
  windowHours: number;
  asOf: string;
}
