'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import type { AlertAckDto, AlertDto, AlertsPageDto, AlertsQuery } from '@/lib/dto/alerts';
import { useTimes } from '@/components/ui/times-context';
import { formatTime } from '@/lib/format';
import { ALERTS_CHANGED_EVENT, alertKeys, alertsListQuery } from '@/lib/queries/alerts';
import { AlertFilters } from './alert-filters';
import { AlertRow } from './alert-row';
import styles from './alerts.module.css';
import { AttentionSettings } from './attention-settings';
import { LiveStatus } from './live-status';
import { beep, notify } from './notify';
import { useAlertStream } from './use-alert-stream';
import { useAlertsQueryState } from './use-alerts-query-state';

const FRESH_MS = 5_000;

/** Whether a live alert belongs in the current view without asking the server. */
function matchesView(query: AlertsQuery, alert: AlertDto): boolean {
  if (query.type && alert.type !== query.type) return false;
  if (query.severity && alert.severity !== query.severity) return false;
  if (query.router && alert.routerId !== query.router) return false;
  if (query.account && alert.accountId !== query.account) return false;
  if (query.range === 'custom' && query.to) return false;
  return true;
}

/** Tells the nav badge to recount now rather than at its next 30 s poll. */
function announceChange(): void {
  window.dispatchEvent(new Event(ALERTS_CHANGED_EVENT));
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function withAck(page: AlertsPageDto | undefined, alertId: string, ack: AlertAckDto): AlertsPageDto | undefined {
  if (!page) return page;
  return { ...page, items: page.items.map((a) => (a.id === alertId && !a.ack ? { ...a, ack } : a)) };
}

export function AlertsFeed({ canAcknowledge }: { canAcknowledge: boolean }) {
  const [query, setQuery, queryValid] = useAlertsQueryState();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { zone } = useTimes();
  const { data, error, isPending, isFetching, refetch } = useQuery({
    ...alertsListQuery(query),
    placeholderData: keepPreviousData,
  });
  // Selection follows the alert, not the row index: live alerts are inserted above it.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [ackOpenFor, setAckOpenFor] = useState<string | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [waiting, setWaiting] = useState(0);
  const [soundOn, setSoundOn] = useState(false);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const items = data?.items ?? [];
  const selected = Math.max(
    0,
    items.findIndex((a) => a.id === selectedId),
  );

  const applyAck = useCallback(
    (alertId: string, ack: AlertAckDto) => {
      queryClient.setQueriesData<AlertsPageDto>({ queryKey: alertKeys.lists }, (page) => withAck(page, alertId, ack));
      announceChange();
    },
    [queryClient],
  );

  const status = useAlertStream({
    onAlert: (alert) => {
      announceChange();
      if (!matchesView(query, alert)) return;
      if (soundOn) beep();
      notify(`${alert.severity.toUpperCase()}: ${alert.type}`, alert.message);
      if (query.offset > 0 || query.group) {
        // Not on the first page, or a filter only the server can apply: offer, don't reshuffle.
        setWaiting((n) => n + 1);
        return;
      }
      queryClient.setQueryData<AlertsPageDto>(alertKeys.list(query), (page) => {
        if (!page || page.items.some((a) => a.id === alert.id)) return page;
        // Newest first by creation time: push order is not creation order (NCM batches deliveries).
        const merged = [alert, ...page.items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
        return {
          ...page,
          items: merged.slice(0, page.limit),
          total: page.total + 1,
          hasMore: page.hasMore || merged.length > page.limit,
        };
      });
      setFresh((s) => new Set(s).add(alert.id));
      window.setTimeout(
        () =>
          setFresh((s) => {
            const next = new Set(s);
            next.delete(alert.id);
            return next;
          }),
        FRESH_MS,
      );
    },
    onAck: ({ alertId, ack }) => applyAck(alertId, ack),
  });

  // Keyboard: j/k move, a acknowledges, o opens the router; never while the user types.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) || items.length === 0) return;
      const current = selected;
      const move = (to: number) => {
        const next = Math.max(0, Math.min(items.length - 1, to));
        setSelectedId(items[next].id);
        rows.current.get(items[next].id)?.focus();
      };
      if (event.key === 'j') move(current + 1);
      else if (event.key === 'k') move(current - 1);
      else if (event.key === 'a' && canAcknowledge && !items[current].ack) setAckOpenFor(items[current].id);
      else if (event.key === 'o' && items[current].routerId)
        router.push(`/routers/${encodeURIComponent(items[current].routerId as string)}`);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, selected, canAcknowledge, router]);

  const showNewest = () => {
    setWaiting(0);
    setQuery({ offset: 0 });
    void queryClient.invalidateQueries({ queryKey: alertKeys.lists });
  };

  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" className="visually-hidden">
        Alert feed
      </h2>
      {!queryValid && (
        <div className="banner warn" role="status">
          The link had filters this page does not understand; showing the defaults.
        </div>
      )}
      <AlertFilters query={query} setQuery={setQuery} types={data?.types} />
      <div className="toolbar">
        <LiveStatus status={status} />
        <AttentionSettings soundOn={soundOn} onSoundChange={setSoundOn} />
        <span className="small muted" aria-live="polite" data-testid="alerts-as-of">
          {isFetching
            ? 'Updating…'
            : data
              ? `${data.total} alerts from ${formatTime(data.from, zone)} to ${formatTime(data.to, zone)}.`
              : ''}
        </span>
      </div>
      <p className={styles.hints} data-testid="shortcut-hints">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous alert
        {canAcknowledge && (
          <>
            , <kbd>a</kbd> acknowledge
          </>
        )}
        , <kbd>o</kbd> open router, <kbd>Esc</kbd> cancel.
      </p>

      {waiting > 0 && (
        <div className="banner ok" role="status" data-testid="alerts-waiting">
          {waiting} new alert{waiting === 1 ? '' : 's'} arrived.{' '}
          <button type="button" onClick={showNewest}>
            Show newest
          </button>
        </div>
      )}
      {data?.truncated && (
        <div className="banner warn" role="status">
          This window holds more than {data.windowCap.toLocaleString('en')} alerts; the oldest are not shown. Narrow the
          time range or filters.
        </div>
      )}
      {data?.stale && (
        <div className="banner warn" role="status" data-testid="alerts-stale">
          NCM is not answering. Showing alerts as of {formatTime(data.asOf, zone)}; new alerts will appear when it is
          back.
        </div>
      )}
      {error && (
        <div className="banner error" role="status" data-testid="alerts-error">
          {data ? 'Showing the last alerts we had. ' : ''}
          {error.message}{' '}
          <button type="button" onClick={() => refetch()}>
            Try again
          </button>
        </div>
      )}

      {isPending && !data ? (
        <TableSkeleton rows={10} columns={6} label="Loading alerts" />
      ) : data && items.length === 0 ? (
        <div className="card" data-testid="alerts-empty">
          <p>No alerts match these filters in this time range.</p>
        </div>
      ) : data ? (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table
            className="data stack"
            aria-label="Alerts, newest first"
            data-testid="alerts-table"
            aria-busy={isFetching}
          >
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Severity</th>
                <th scope="col">Type</th>
                <th scope="col">Router</th>
                <th scope="col">Message</th>
                <th scope="col">Acknowledgement</th>
              </tr>
            </thead>
            <tbody>
              {items.map((alert, index) => (
                <AlertRow
                  key={alert.id}
                  ref={(el) => {
                    if (el) rows.current.set(alert.id, el);
                    else rows.current.delete(alert.id);
                  }}
                  alert={alert}
                  selected={index === selected}
                  fresh={fresh.has(alert.id)}
                  canAcknowledge={canAcknowledge}
                  ackOpen={ackOpenFor === alert.id}
                  onSelect={() => setSelectedId(alert.id)}
                  onOpenAck={() => setAckOpenFor(alert.id)}
                  onCloseAck={() => setAckOpenFor(null)}
                  onAcknowledged={(ack) => {
                    setAckOpenFor(null);
                    applyAck(alert.id, ack);
                    rows.current.get(alert.id)?.focus();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {data && (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            disabled={query.offset === 0}
            onClick={() => setQuery({ offset: Math.max(0, query.offset - query.limit) })}
          >
            Previous
          </button>
          <span data-testid="alerts-range">
            Alerts {items.length === 0 ? 0 : query.offset + 1}–{query.offset + items.length} of {data.total}
          </span>
          <button
            type="button"
            disabled={!data.hasMore}
            onClick={() => setQuery({ offset: query.offset + query.limit })}
          >
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
