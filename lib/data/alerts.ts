import 'server-only';
/**
 * Alert feed data functions. NCM cannot sort /alerts/ (409 on order_by), so the whole window is read
 * (500 per page, up to WINDOW_CAP), sorted newest first and paged here. One read per window and
 * filter set is shared between viewers for a few seconds (lib/alerts/window-cache.ts); new alerts arrive through the live stream.
 * Each function authorizes itself.
 */
import { HttpError } from '@/lib/api/http-error';
import { toAckDto, toAlertDtos, routerIdsInGroup } from '@/lib/alerts/enrich';
import { getAlertHub } from '@/lib/alerts/hub';
import { getLiveAlerts } from '@/lib/alerts/live';
import { severityOf, typesWithSeverity } from '@/lib/alerts/severity';
import { cachedWindow, WINDOW_TTL_MS, type WindowResult, windowWithFallback } from '@/lib/alerts/window-cache';
import { authorize } from '@/lib/auth/session';
import type { Alert } from '@/lib/domain/types';
import { ALERT_ID, type AckInput, type AlertAckDto, type AlertsPageDto, type AlertsQuery, type UnackedCountDto } from '@/lib/dto/alerts';
import { listAlerts } from '@/lib/ncm';
import { acknowledge, findAcks } from '@/lib/store/alert-acks';
import { insertAudit } from '@/lib/store/audit';
import { getStore } from '@/lib/store/db';

export const WINDOW_CAP = 10_000;
const RANGE_MS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 } as const;
const UNACKED_WINDOW_HOURS = 24;

interface WindowFilters {
  from: string;
  to?: string;
  types?: string[];
  routerIds?: string[];
  accountIds?: string[];
}

async function readWindow(f: WindowFilters): Promise<WindowResult> {
  const alerts: Alert[] = [];
  for (let offset = 0; ; ) {
    const page = await listAlerts({
      createdAfter: f.from,
      createdBefore: f.to,
      types: f.types,
      routerIds: f.routerIds,
      accountIds: f.accountIds,
      limit: 500,
      offset,
    });
    alerts.push(...page.items);
    if (!page.hasMore) return { alerts, truncated: false };
    if (alerts.length >= WINDOW_CAP) return { alerts: alerts.slice(0, WINDOW_CAP), truncated: true };
    offset += page.items.length;
  }
}

/** The time window of a query; preset ranges are rounded to 10 s so viewers share one cache entry. */
export function alertWindow(query: Pick<AlertsQuery, 'range' | 'from' | 'to'>, now = Date.now()): { from: string; to: string; open: boolean } {
  if (query.range === 'custom' && query.from) {
    const to = query.to ? new Date(query.to).toISOString() : new Date(now).toISOString();
    return { from: new Date(query.from).toISOString(), to, open: !query.to };
  }
  const range = query.range === 'custom' ? '24h' : query.range;
  const end = Math.floor(now / WINDOW_TTL_MS) * WINDOW_TTL_MS;
  return { from: new Date(end - RANGE_MS[range]).toISOString(), to: new Date(now).toISOString(), open: true };
}

function narrowTypes(query: AlertsQuery): string[] | undefined {
  if (query.type) return [query.type];
  // Unknown types count as info, so only the other severities can be narrowed upstream.
  if (query.severity && query.severity !== 'info') return typesWithSeverity(query.severity);
  return undefined;
}

export async function getAlertsPage(query: AlertsQuery): Promise<AlertsPageDto> {
  await authorize('alerts:read');
  void getLiveAlerts().ensureStarted();
  const window = alertWindow(query);
  const filters: WindowFilters = {
    from: window.from,
    to: window.open ? undefined : window.to,
    types: narrowTypes(query),
    routerIds: query.router ? [query.router] : undefined,
    accountIds: query.account ? [query.account] : undefined,
  };
  const key = JSON.stringify(filters);
  const fallbackKey = JSON.stringify({ ...filters, from: query.range === 'custom' ? filters.from : query.range });
  const [answer, groupMembers] = await Promise.all([
    windowWithFallback(key, fallbackKey, filters.from, () => readWindow(filters)),
    query.group ? routerIdsInGroup(query.group) : Promise.resolve(null),
  ]);
  const { alerts, truncated } = answer.result;
  const matching = alerts
    .filter((a) => !query.severity || severityOf(a.type) === query.severity)
    .filter((a) => !groupMembers || (a.routerId !== null && groupMembers.has(a.routerId)))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
  const slice = matching.slice(query.offset, query.offset + query.limit);
  return {
    items: await toAlertDtos(slice),
    limit: query.limit,
    offset: query.offset,
    total: matching.length,
    hasMore: query.offset + query.limit < matching.length,
    truncated,
    windowCap: WINDOW_CAP,
    from: window.from,
    to: window.to,
    asOf: new Date(answer.fetchedAt).toISOString(),
    stale: answer.stale,
  };
}

export async function getUnackedCount(): Promise<UnackedCountDto> {
  await authorize('alerts:read');
  const window = alertWindow({ range: '24h' });
  const filters: WindowFilters = { from: window.from };
  const { alerts } = await cachedWindow(JSON.stringify(filters), () => readWindow(filters));
  const acked = findAcks(alerts.map((a) => a.id));
  return { count: alerts.length - acked.size, windowHours: UNACKED_WINDOW_HOURS, asOf: new Date().toISOString() };
}

/**
 * Acknowledges an alert; the first acknowledgement wins and a repeat returns the stored one. The ack
 * and its audit entry are written in one transaction, so neither exists without the other.
 */
export async function acknowledgeAlert(alertId: string, input: AckInput): Promise<{ ack: AlertAckDto; created: boolean }> {
  const user = await authorize('alerts:acknowledge');
  if (!ALERT_ID.test(alertId)) throw new HttpError(404, 'not_found', 'No such alert');
  const db = getStore();
  const result = db.transaction(() => {
    const stored = acknowledge(
      {
        alertId,
        acknowledgedBy: user.username,
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
          username: user.username,
          name: user.name,
          role: user.role,
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
