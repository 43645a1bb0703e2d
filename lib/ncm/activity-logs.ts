import 'server-only';
/** NCM's own activity log (who changed what in NCM), 30-day retention. Newest first via order_by. */
import type { Page } from '@/lib/domain/types';
import { toNcmTime } from './alerts';
import { clampLimit, clampOffset, ncmGetPage } from './paginate';
import { toActivityLogEntry } from './normalize';
import { toDomainPage } from './resource-helpers';

export interface ActivityLogEntry {
  /** created_at_timeuuid when present, else a stable composite. */
  id: string;
  createdAt: string;
  actorName: string | null;
  actorType: string | null;
  actionType: string | null;
  objectName: string | null;
  objectType: string | null;
  objectId: string | null;
}

export interface ActivityLogQuery {
  createdAfter?: string;
  limit?: number;
  offset?: number;
}

export async function listActivityLogs(q: ActivityLogQuery = {}): Promise<Page<ActivityLogEntry>> {
  const page = await ncmGetPage(['activity_logs'], {
    created_at__gt: toNcmTime(q.createdAfter),
    order_by: '-created_at',
    limit: clampLimit(q.limit, 50),
    offset: clampOffset(q.offset),
  });
  return toDomainPage(page, toActivityLogEntry, 'activity_log');
}
