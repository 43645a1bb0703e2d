import { RouterAlertsList } from '@/components/routers/router-alerts';
import { listRecentRouterAlerts } from '@/lib/data/routers';
import type { AlertWindow } from '@/lib/dto/routers';

export async function AlertsSection({ routerId, window }: { routerId: string; window: AlertWindow }) {
  return <RouterAlertsList alerts={await listRecentRouterAlerts(routerId, window)} window={window} />;
}
