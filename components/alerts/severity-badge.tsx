import { SEVERITY_LABELS, type Severity } from '@/lib/alerts/severity';
import styles from './alerts.module.css';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge ${styles[`sev-${severity}`]}`} data-testid="severity-badge">
      {SEVERITY_LABELS[severity]}
    </span>
  );
}
