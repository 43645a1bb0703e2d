import 'server-only';
/**
 * What to tell a signed-in user when NCM refuses the dashboard's API keys. Administrators learn
 * what happened and what to check; other roles, that pages show old data until an administrator
 * acts. Nothing when NCM accepts the keys (an outage is said by each page's "as of" banner).
 */
import { can } from '@/lib/auth/permissions';
import { authorize } from '@/lib/auth/session';
import { formatUtc } from '@/lib/format';
import { ncmKeyRefusal } from '@/lib/ncm';

export async function ncmAccessNotice(): Promise<string | null> {
  const user = await authorize('routers:read');
  const refusal = ncmKeyRefusal();
  if (!refusal) return null;
  if (!can(user.role, 'settings:manage')) {
    return 'NetCloud Manager is refusing this dashboard\u2019s requests, so pages show the last data it gave; an administrator has to check the dashboard\u2019s NCM settings.';
  }
  const when = formatUtc(new Date(refusal.at).toISOString());
  return refusal.status === 401
    ? `NCM refused the configured API keys (HTTP 401, last at ${when}). Check NCM_CP_API_ID, NCM_CP_API_KEY, NCM_ECM_API_ID and NCM_ECM_API_KEY on the server: the keys may have been revoked or replaced in NCM.`
    : `NCM refused the configured API keys access to ${refusal.resource} (HTTP 403, last at ${when}): the role of the keys in NCM does not allow it.`;
}
