import { PRIVATE_NO_STORE, errorResponse } from '@/lib/api/respond';
import { getAlertHub, type HubEvent } from '@/lib/alerts/hub';
import { getLiveAlerts, POLL_INTERVAL_MS } from '@/lib/alerts/live';
import { AuthorizationError, authorize } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

function frame(event: HubEvent): Uint8Array {
  return encoder.encode(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/**
 * Server-Sent Events: new alerts, acknowledgements and the live mode. Heartbeats keep proxies from
 * closing an idle connection; each heartbeat also re-checks the session, so a removed or demoted
 * user's stream ends within one interval.
 */
export async function GET(request: Request) {
  try {
    await authorize('alerts:read');
  } catch (err) {
    return errorResponse(err, 'GET /api/alerts/stream');
  }
  const live = getLiveAlerts();
  void live.ensureStarted();
  const hub = getAlertHub();

  let cleanup: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (bytes: Uint8Array) => {
        if (!closed) controller.enqueue(bytes);
      };
      const unsubscribe = hub.subscribe((event) => send(frame(event)));
      const heartbeat = setInterval(() => {
        send(encoder.encode(`: heartbeat ${new Date().toISOString()}\n\n`));
        authorize('alerts:read').catch((err: unknown) => {
          if (err instanceof AuthorizationError) cleanup();
        });
      }, HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime after the client went away.
        }
      };
      request.signal.addEventListener('abort', cleanup, { once: true });
      send(encoder.encode('retry: 3000\n\n'));
      send(frame({ name: 'mode', data: { mode: live.mode, pollIntervalSeconds: POLL_INTERVAL_MS / 1000 } }));
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': `${PRIVATE_NO_STORE}, no-transform`,
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
