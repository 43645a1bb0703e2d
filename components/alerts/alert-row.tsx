'use client';

import Link from 'next/link';
import { forwardRef } from 'react';
import { Time } from '@/components/ui/time';
import type { AlertAckDto, AlertDto } from '@/lib/dto/alerts';
import { AckForm } from './ack-form';
import styles from './alerts.module.css';
import { SeverityBadge } from './severity-badge';

interface Props {
  alert: AlertDto;
  selected: boolean;
  fresh: boolean;
  canAcknowledge: boolean;
  ackOpen: boolean;
  onSelect: () => void;
  onOpenAck: () => void;
  onCloseAck: () => void;
  onAcknowledged: (ack: AlertAckDto) => void;
}

/** One alert. Every NCM string is rendered as text (React escapes it), never as markup. */
export const AlertRow = forwardRef<HTMLTableRowElement, Props>(function AlertRow(props, ref) {
  const { alert, selected, fresh, canAcknowledge, ackOpen } = props;
  return (
    <tr
      ref={ref}
      className={`${styles.row} ${fresh ? styles.fresh : ''}`}
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      onClick={props.onSelect}
      onFocus={props.onSelect}
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-fresh={fresh ? 'true' : undefined}
    >
      <td data-label="Created">
        <Time iso={alert.createdAt} />
      </td>
      <td data-label="Severity">
        <SeverityBadge severity={alert.severity} />
      </td>
      <td data-label="Type">
        <code className="small">{alert.type}</code>
      </td>
      <td data-label="Router">
        {alert.routerId ? (
          <Link
            href={`/routers/${encodeURIComponent(alert.routerId)}`}
            prefetch={false}
            data-testid="alert-router-link"
          >
            {alert.routerName ?? `Router ${alert.routerId}`}
          </Link>
        ) : (
          <span className="muted">—</span>
        )}
        {alert.accountName && <div className="small muted">{alert.accountName}</div>}
      </td>
      <td className={styles.message} data-label="Message" data-testid="alert-message">
        {alert.message}
      </td>
      <td className={styles.ack} data-testid="alert-ack">
        {alert.ack ? (
          <span data-testid="ack-state">
            Acknowledged by <strong>{alert.ack.acknowledgedByName}</strong> ({alert.ack.acknowledgedBy}) at{' '}
            <Time iso={alert.ack.acknowledgedAt} />
            {alert.ack.comment && <span className="muted"> — “{alert.ack.comment}”</span>}
          </span>
        ) : ackOpen ? (
          <AckForm alertId={alert.id} onDone={props.onAcknowledged} onCancel={props.onCloseAck} />
        ) : canAcknowledge ? (
          <button type="button" onClick={props.onOpenAck} data-testid="ack-button">
            Acknowledge
          </button>
        ) : (
          <span className="muted small">Not acknowledged</span>
        )}
      </td>
    </tr>
  );
});
