import 'server-only';
/**
 * The process's one held alert window (see held-window.ts), read from NCM and fed by push; new alerts a
 * refresh finds go out to open streams like pushed ones.
 */
import { listAlerts } from '@/lib/ncm';
import { processSingleton } from '@/lib/process-state';
import { HeldAlertWindow } from './held-window';
import { publishNewAlerts } from './publish';

export function getAlertWindow(): HeldAlertWindow {
  return processSingleton(
    'alert-window',
    () =>
      new HeldAlertWindow({
        fetchPage: (q) => listAlerts(q),
        onNew: (alerts) => {
          publishNewAlerts(alerts).catch((err: unknown) => {
            console.error('[alerts] could not publish new alerts:', err instanceof Error ? err.message : err);
          });
        },
      }),
  );
}
