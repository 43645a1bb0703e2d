import 'server-only';
import { type ActivityLogEntry, listActivityLogs } from '@/lib/ncm';
import { type SharedRead, sharedRead } from './shared-read';

/** NCM's newest activity log entries, shared by every viewer of the activity page. */
export function readActivityLogs(limit: number): Promise<SharedRead<ActivityLogEntry[]>> {
  return sharedRead('activityLogs', { limit }, async () => (await listActivityLogs({ limit })).items);
}
