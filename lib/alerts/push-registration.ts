import 'server-only';
/**
 * Makes this dashboard an NCM alert push destination: find ours by name ("Fleet Console <host>"),
 * else create it. NCM masks secrets on read, so a found destination is always re-sent our URL and
 * secret (idempotent: the same values every time). The secret is generated once and kept in the
 * store, so a restart keeps verifying deliveries NCM signed before it.
 */
import { randomBytes } from 'node:crypto';
import { siteEnv } from '@/lib/env';
import { createAlertPushDestination, listAlertPushDestinations, updateAlertPushDestination } from '@/lib/ncm';
import { getOrCreateSetting } from '@/lib/store/settings';

const PUSH_SECRET_KEY = 'ncm_push_secret';
const WEBHOOK_PATH = '/api/ncm-webhook';

export type RegistrationResult =
  | { status: 'registered'; destinationId: string; created: boolean }
  | { status: 'disabled'; reason: string };

/** `PUBLIC_URL` is the address NCM can reach us at; without it push cannot work and we poll. */
function webhookTarget(): { url: string; name: string } | null {
  const base = siteEnv().publicUrl;
  if (!base) return null;
  const path = base.pathname.replace(/\/+$/, '');
  return { url: `${base.origin}${path}${WEBHOOK_PATH}`, name: `Fleet Console ${base.host}` };
}

export function getPushSecret(): string {
  return getOrCreateSetting(PUSH_SECRET_KEY, () => randomBytes(32).toString('hex'));
}

export async function registerPushDestination(): Promise<RegistrationResult> {
  const target = webhookTarget();
  if (!target) return { status: 'disabled', reason: 'PUBLIC_URL is not set to an http(s) URL' };
  const secret = getPushSecret();
  const existing = (await listAlertPushDestinations()).find((d) => d.name === target.name);
  if (existing) {
    await updateAlertPushDestination(existing.id, { url: target.url, secret, enabled: true });
    return { status: 'registered', destinationId: existing.id, created: false };
  }
  const created = await createAlertPushDestination({ name: target.name, url: target.url, secret, enabled: true });
  return { status: 'registered', destinationId: created.id, created: true };
}
