import styles from './alerts.module.css';
import type { StreamStatus } from './use-alert-stream';

function label(status: StreamStatus): { text: string; dot: string } {
  if (status.state === 'connecting') return { text: 'Connecting…', dot: 'connecting' };
  if (status.state === 'disconnected') return { text: 'Disconnected — retrying', dot: 'disconnected' };
  if (status.mode === 'push') return { text: 'Live (push)', dot: 'push' };
  return { text: `Live (polling every ${status.pollIntervalSeconds} s)`, dot: 'polling' };
}

export function LiveStatus({ status }: { status: StreamStatus }) {
  const { text, dot } = label(status);
  return (
    <span className={styles.live} role="status" data-testid="live-status">
      <span className={styles.dot} data-state={dot} aria-hidden="true" />
      {text}
    </span>
  );
}
