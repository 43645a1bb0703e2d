import 'server-only';
/**
 * NCM alert → AlertDto: severity from our table, router and account names, and the acknowledgement
 * from our store. Names come from the shared read layer (the fleet snapshot, or a shared NCM read of
 * up to 100 routers per call). A router's alert may carry no account (NCM leaves it null when the
 * router is set), so the account is the router's. Callers must have authorized the user.
 */
import type { Alert } from '@/lib/domain/types';
import type { AlertAckDto, AlertDto } from '@/lib/dto/alerts';
import { readReference, readRouterFacts, type RouterFacts } from '@/lib/reads';
import { type AlertAck, findAcks } from '@/lib/store/alert-acks';
import { severityOf } from './severity';

export function toAckDto(ack: AlertAck): AlertAckDto {
  return {
    acknowledgedBy: ack.acknowledgedBy,
    acknowledgedByName: ack.acknowledgedByName,
    acknowledgedAt: ack.acknowledgedAt,
    comment: ack.comment,
  };
}

/** Names for these routers; a failed lookup leaves them without (the alert itself must still show). */
async function routerFacts(ids: string[]): Promise<Map<string, RouterFacts>> {
  try {
    return await readRouterFacts(ids);
  } catch (err) {
    console.error('[alerts] router name lookup failed:', err instanceof Error ? err.message : err);
    return new Map();
  }
}

/** The account an alert belongs to: its own, else its router's. */
function alertAccountId(alert: Alert, routers: ReadonlyMap<string, RouterFacts>): string | null {
  return alert.accountId ?? (alert.routerId ? (routers.get(alert.routerId)?.accountId ?? null) : null);
}

export async function toAlertDtos(alerts: readonly Alert[]): Promise<AlertDto[]> {
  if (alerts.length === 0) return [];
  const routerIds = alerts.flatMap((a) => (a.routerId ? [a.routerId] : []));
  const [routers, ref] = await Promise.all([routerFacts(routerIds), readReference().catch(() => null)]);
  const acks = findAcks(alerts.map((a) => a.id));
  return alerts.map((a) => {
    const ack = acks.get(a.id);
    const accountId = alertAccountId(a, routers);
    return {
      id: a.id,
      type: a.type,
      severity: severityOf(a.type),
      message: a.message,
      createdAt: a.createdAt,
      detectedAt: a.detectedAt,
      routerId: a.routerId,
      routerName: a.routerId ? (routers.get(a.routerId)?.name ?? null) : null,
      accountId,
      accountName: accountId ? (ref?.accounts.get(accountId)?.name ?? null) : null,
      ack: ack ? toAckDto(ack) : null,
    };
  });
}
