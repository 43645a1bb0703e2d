import 'server-only';
/**
 * Alert feed data functions. Every alert view reads the one held alert window (lib/alerts/held-window.ts),
 * kept current incrementally and by push, and filters it here: NCM cannot sort alerts, and its account
 * filter misses router alerts that carry no account. Each function authorizes itself.
 */
import { HttpError } from '@/lib/dto/errors';
import { toAckDto, toAlertDtos } from '@/lib/alerts/enrich';
import { HELD_CAP } from '@/lib/alerts/held-window';
import { getAlertHub } from '@/lib/alerts/hub';
import { getLiveAlerts } from '@/lib/alerts/live';
import { severityOf } from '@/lib/alerts/severity';
import { actorLabel, auditActor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/session';
import type { Alert } from '@/lib/domain/types';
import {
  ALERT_ID,
  type AckInput,
  type AlertAckDto,
  type AlertsPageDto,
  type AlertsQuery,
  type UnackedCountDto,
} from '@/lib/dto/alerts';
import { alertIsKnown, readAlertWindow, readRouterIdsIn } from '@/lib/reads';
import { acknowledge, findAcks } from '@/lib/store/alert-acks';
import { insertAudit } from '@/lib/store/audit';
import { getStore } from '@/lib/store/db';

const RANGE_MS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 } as const;
const UNACKED_WINDOW_HOURS = 24;
const DAY_MS = 86_400_000;

/** The time window of a query (ISO 8601, UTC); `open` when it runs up to now. */
function alertWindow(
  query: Pick<AlertsQuery, 'range' | 'from' | 'to'>,
  now = Date.now(),
): { from: string; to: string; open: boolean } {
  if (query.range === 'custom' && query.from) {
    const to = query.to ? new Date(query.to).toISOString() : new Date(now).toISOString();
    return { from: new Date(query.from).toISOString(), to, open: !query.to };
  }
  const range = query.range === 'custom' ? '24h' : query.range;
  return { from: new Date(now - RANGE_MS[range]).toISOString(), to: new Date(now).toISOString(), open: true };
}

/** Alerts of the routers in the query's group and account (null: no such filter). */
async function memberFilter(query: AlertsQuery): Promise<((a: Alert) => boolean) | null> {
  if (!query.group && !query.account) return null;
  const [groupMembers, accountMembers] = await Promise.all([
    query.group ? readRouterIdsIn({ groupId: query.group }) : null,
    query.account ? readRouterIdsIn({ accountId: query.account }) : null,
  ]);
  return (a) => {
    if (groupMembers && !(a.routerId !== null && groupMembers.has(a.routerId))) return false;
    // A router's alert belongs to the router's account; one without a router, to the account it names.
    if (accountMembers) return a.routerId !== null ? accountMembers.has(a.routerId) : a.accountId === query.account;
    return true;
  };
}

export async function getAlertsPage(query: AlertsQuery): Promise<AlertsPageDto> {
  await authorize('alerts:read');
  void getLiveAlerts().ensureStarted();
  const window = alertWindow(query);
  const held = await readAlertWindow(Date.parse(window.from), window.open ? undefined : Date.parse(window.to));
  const members = await memberFilter(query);
  const inScope = held.alerts.filter((a) => (!query.router || a.routerId === query.router) && (!members || members(a)));
  const types = [...new Set(inScope.map((a) => a.type))].sort();
  // The held window is newest first already.
  const matching = inScope.filter(
    (a) => (!query.type || a.type === query.type) && (!query.severity || severityOf(a.type) === query.severity),
  );
  const slice = matching.slice(query.offset, query.offset + query.limit);
  return {
    items: await toAlertDtos(slice),
    limit: query.limit,
    offset: query.offset,
    total: matching.length,
    hasMore: query.offset + query.limit < matching.length,
    truncated: held.truncated,
    windowCap: HELD_CAP,
    types,
    from: window.from,
    to: window.to,
    asOf: new Date(held.asOf).toISOString(),
    stale: held.stale,
  };
}

export async function getUnackedCount(): Promise<UnackedCountDto> {
  await authorize('alerts:read');
  const held = await readAlertWindow(Date.now() - UNACKED_WINDOW_HOURS * 3_600_000);
  const acked = findAcks(held.alerts.map((a) => a.id));
  return {
    count: held.alerts.length - acked.size,
    windowHours: UNACKED_WINDOW_HOURS,
    asOf: new Date(held.asOf).toISOString(),
  };
}

/**
 * Acknowledges an alert; the first acknowledgement wins and a repeat returns the stored one. The ack
 * and its audit entry are written in one transaction, so neither exists without the other.
 */
export async function acknowledgeAlert(
  alertId: string,
  input: AckInput,
): Promise<{ ack: AlertAckDto; created: boolean }> {
  const user = await authorize('alerts:acknowledge');
  // Only an alert NCM has sent can be acknowledged: an id made up by a client gets no record.
  if (!ALERT_ID.test(alertId) || !(await alertIsKnown(alertId, DAY_MS)))
    throw new HttpError(404, 'not_found', 'No such alert');
  const db = getStore();
  const result = db.transaction(() => {
    const stored = acknowledge(
      {
        alertId,
        acknowledgedBy: actorLabel(user),
        acknowledgedByName: user.name,
        acknowledgedAt: new Date().toISOString(),
        comment: input.comment,
      },
      db,
    );
    if (stored.created) {
      // insertAudit (not recordAudit) so a failed audit write rolls the acknowledgement back.
      insertAudit(
        {
          at: stored.ack.acknowledgedAt,
          ...auditActor(user),
          action: 'alert.acknowledge',
          targetType: 'alert',
          targetId: alertId,
          before: null,
          after: { comment: stored.ack.comment },
        },
        db,
      );
    }
    return stored;
  })();
  const ack = toAckDto(result.ack);
  if (result.created) getAlertHub().publish({ name: 'ack', data: { alertId, ack } });
  return { ack, created: result.created };
}
