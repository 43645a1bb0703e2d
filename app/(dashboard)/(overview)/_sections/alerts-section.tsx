import { AlertsByType } from '@/components/overview/alerts-by-type';
import { getAlertsByType } from '@/lib/data/fleet';

/** From NCM's alert log, not the snapshot: it streams on its own, after the fleet's sections. */
export async function AlertsSection() {
  return <AlertsByType items={await getAlertsByType()} />;
}
