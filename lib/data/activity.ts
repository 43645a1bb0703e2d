import 'server-only';
/**
 * The audit trail: what people did through Fleet Console (our store) beside what happened in NCM
 * (its activity_logs). Reading checks 'activity:read' here; recording is done by the data function
 * that performed the change, after it has authorized the user itself.
 */
import type { SessionUser } from '@/lib/auth/session';
import { auditActor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/session';
import type { AuditPageDto, AuditQuery, NcmActivityDto } from '@/lib/dto/alerts';
import { readActivityLogs } from '@/lib/reads';
import { type AuditEntry, insertAudit, listAudit } from '@/lib/store/audit';
import type { StoreDb } from '@/lib/store/db';

export interface AuditRecordInput {
  user: SessionUser;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records an audit entry. It does not throw: when it runs the change has already happened upstream,
 * and reporting a failure to the user would invite a second, duplicate change. A failed write is
 * logged loudly instead (an operator must look at it).
 */
export function recordAudit(input: AuditRecordInput, db?: StoreDb): AuditEntry | null {
  try {
    return insertAudit(
      {
        at: new Date().toISOString(),
        ...auditActor(input.user),
        action: input.action,
        targetType: input.targetType,
        targetId: input.targetId,
        before: input.before,
        after: input.after,
      },
      db,
    );
  } catch (err) {
    console.error(
      `[audit] FAILED to record ${input.action} on ${input.targetType} ${input.targetId} by ${input.user.username}:`,
      err instanceof Error ? err.message : err,
    );
    return null;
  }
}

/** Only the fields that actually changed, as `before` and `after` objects (empty when none did). */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  keys: ReadonlyArray<keyof T & string>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of keys) {
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export async function getAuditPage(query: AuditQuery): Promise<AuditPageDto> {
  await authorize('activity:read');
  const { items, total } = listAudit(query);
  return { items, total, limit: query.limit, offset: query.offset };
}

export async function getNcmActivity(limit = 50): Promise<NcmActivityDto[]> {
  await authorize('activity:read');
  const { value } = await readActivityLogs(limit);
  return value.map((e) => ({ ...e }));
}
