import 'server-only';
import { authorize } from '@/lib/auth/session';
import { ncmBudgetWaitMs } from '@/lib/ncm';

/** Below this a wait is not worth a word: the section simply loads. */
const NOTEWORTHY_MS = 1_500;

/**
 * What a loading section should say when its NCM reads will queue behind the call budget (many
 * routers being synced, or many people opening pages NCM has not been asked about yet), instead of
 * spinning silently; null when they will not.
 */
export async function budgetWaitNote(): Promise<string | null> {
  await authorize('routers:read');
  const waitMs = ncmBudgetWaitMs();
  if (waitMs < NOTEWORTHY_MS) return null;
  return `Waiting about ${Math.ceil(waitMs / 1000)} s for NetCloud Manager's call budget (it allows a fixed number of calls per minute).`;
}
