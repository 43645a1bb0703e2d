import Link from 'next/link';
import { Time } from '@/components/ui/time';
import { ALERT_WINDOWS, type AlertWindow, type RouterAlertDto } from '@/lib/dto/routers';
import { formatAge } from '@/lib/format';

const WINDOW_LABEL: Record<AlertWindow, string> = { '24h': '24 hours', '7d': '7 days', '30d': '30 days' };

export function parseAlertWindow(raw: unknown): AlertWindow {
  return (ALERT_WINDOWS as readonly unknown[]).includes(raw) ? (raw as AlertWindow) : '7d';
}

/** The time window as links, so it lives in `?window=` next to `?tab=`. */
export function AlertWindowPicker({ routerId, active }: { routerId: string; active: AlertWindow }) {
  return (
    <nav className="segmented" aria-label="Alert time window" data-testid="alert-window">
      {ALERT_WINDOWS.map((w) => (
        <Link
          key={w}
          href={`/routers/${encodeURIComponent(routerId)}?tab=alerts&window=${w}`}
          aria-current={w === active ? 'true' : undefined}
          scroll={false}
          // Each prefetch would render this router's page, with NCM calls, before anyone asks.
          prefetch={false}
        >
          {WINDOW_LABEL[w]}
        </Link>
      ))}
    </nav>
  );
}

export function RouterAlertsList({ alerts, window }: { alerts: RouterAlertDto[]; window: AlertWindow }) {
  if (alerts.length === 0) {
    return (
      <p className="muted" data-testid="router-alerts-empty">
        No alerts for this router in the last {WINDOW_LABEL[window]}.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data stack" data-testid="router-alerts">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Type</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid="router-alert-row">
              <td data-label="When">
                <Time iso={a.createdAt} /> <span className="small muted">{formatAge(a.createdAt)}</span>
              </td>
              <td data-label="Type">{a.type.replaceAll('_', ' ')}</td>
              <td data-label="Message" style={{ whiteSpace: 'normal' }}>
                {a.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
