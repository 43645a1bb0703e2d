import 'server-only';
/**
 * NCM alert → AlertDto: severity from our table, router and account names, and the acknowledgement
 * from our store. Router names come from a short-lived shared cache, so a page of 100 alerts costs at
 * most one `id__in` call, and a burst of pushed alerts for the same routers costs none. Callers must
 * have authorized the user: this returns shared data.
 */
import { getReferenceData } from '@/lib/data/reference';
import type { Alert } from '@/lib/domain/types';
import type { AlertAckDto, AlertDto } from '@/lib/dto/alerts';
import { listAllRouters, listRouters } from '@/lib/ncm';
import { type AlertAck, findAcks } from '@/lib/store/alert-acks';
import { severityOf } from './severity';

interface RouterFacts {
  name: string;
  groupId: string | null;
  expiresAt: number;
}

const ROUTER_TTL_MS = 5 * 60_000;
const GROUP_TTL_MS = 60_000;
const MAX_CACHED_ROUTERS = 20_000;

const holder = globalThis as typeof globalThis & {
  __fleetConsoleAlertRouters?: Map<string, RouterFacts>;
  __fleetConsoleGroupMembers?: Map<string, { ids: Promise<Set<string>>; expiresAt: number }>;
};
holder.__fleetConsoleAlertRouters ??= new Map();
holder.__fleetConsoleGroupMembers ??= new Map();
const routerCache = holder.__fleetConsoleAlertRouters;
const groupCache = holder.__fleetConsoleGroupMembers;

export function toAckDto(ack: AlertAck): AlertAckDto {
  return {
    acknowledgedBy: ack.acknowledgedBy,
    acknowledgedByName: ack.acknowledgedByName,
    acknowledgedAt: ack.acknowledgedAt,
    comment: ack.comment,
  };
}

/** Names for these routers; unknown or failed lookups simply stay without a name. */
async function routerFacts(ids: string[]): Promise<Map<string, RouterFacts>> {
  const now = Date.now();
  const missing = [...new Set(ids)].filter((id) => (routerCache.get(id)?.expiresAt ?? 0) <= now);
  for (let i = 0; i < missing.length; i += 100) {
    const chunk = missing.slice(i, i + 100);
    try {
      const page = await listRouters({ ids: chunk, limit: 100, fields: ['group', 'account'] });
      for (const r of page.items) routerCache.set(r.id, { name: r.name, groupId: r.groupId, expiresAt: now + ROUTER_TTL_MS });
    } catch (err) {
      // Names are a nicety: the alert itself (with its router link) must still be shown.
      console.error('[alerts] router name lookup failed:', err instanceof Error ? err.message : err);
      break;
    }
  }
  if (routerCache.size > MAX_CACHED_ROUTERS) routerCache.clear();
  return routerCache;
}

/** The ids of the routers in a group, for the group filter (NCM alerts cannot filter by group). */
export function routerIdsInGroup(groupId: string): Promise<Set<string>> {
  const now = Date.now();
  const cached = groupCache.get(groupId);
  if (cached && cached.expiresAt > now) return cached.ids;
  const ids = listAllRouters({ groupIds: [groupId], fields: ['group'] }).then((routers) => new Set(routers.map((r) => r.id)));
  groupCache.set(groupId, { ids, expiresAt: now + GROUP_TTL_MS });
  ids.catch(() => groupCache.delete(groupId));
  return ids;
}

export async function toAlertDtos(alerts: readonly Alert[]): Promise<AlertDto[]> {
  if (alerts.length === 0) return [];
  const routerIds = alerts.flatMap((a) => (a.routerId ? [a.routerId] : []));
  const [routers, ref] = await Promise.all([
    routerFacts(routerIds),
    getReferenceData().catch(() => null),
  ]);
  const acks = findAcks(alerts.map((a) => a.id));
  return alerts.map((a) => {
    const ack = acks.get(a.id);
    return {
      id: a.id,
      type: a.type,
      severity: severityOf(a.type),
      message: a.message,
      createdAt: a.createdAt,
      detectedAt: a.detectedAt,
      routerId: a.routerId,
      routerName: a.routerId ? (routers.get(a.routerId)?.name ?? null) : null,
      accountId: a.accountId,
      accountName: a.accountId ? (ref?.accounts.get(a.accountId)?.name ?? null) : null,
      ack: ack ? toAckDto(ack) : null,
    };
  });
}
