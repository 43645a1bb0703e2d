/**
 * The activity page's two logs as the browser sees them: the dashboard's own audit entries (router
 * changes, reboots, acknowledgements) and NCM's activity log. Browser-safe (types and schemas).
 */
import { z } from 'zod';

export interface AuditEntryDto {
  id: number;
  at: string;
  /** `credentials` (a local account) or `oidc` (single sign-on; `subject` is the provider's id). */
  provider: string;
  subject: string | null;
  username: string;
  name: string;
  role: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditPageDto {
  items: AuditEntryDto[];
  total: number;
  limit: number;
  offset: number;
}

export interface NcmActivityDto {
  id: string;
  createdAt: string;
  actorName: string | null;
  actorType: string | null;
  actionType: string | null;
  objectName: string | null;
  objectType: string | null;
  objectId: string | null;
}

export const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;
