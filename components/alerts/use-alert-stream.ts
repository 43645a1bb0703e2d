'use client';

import { useEffect, useRef, useState } from 'react';
import type { AlertStreamEvents, LiveMode } from '@/lib/dto/alerts';

export type StreamStatus =
  | { state: 'connecting' }
  | { state: 'live'; mode: LiveMode; pollIntervalSeconds: number }
  | { state: 'disconnected' };

interface Handlers {
  onAlert: (alert: AlertStreamEvents['alert']) => void;
  onAck: (event: AlertStreamEvents['ack']) => void;
}

function parse<T>(event: MessageEvent): T | null {
  try {
    return JSON.parse(String(event.data)) as T;
  } catch {
    return null;
  }
}

/**
 * Subscribes to /api/alerts/stream. EventSource reconnects by itself (the server sets `retry: 3000`);
 * while it does, the page says "Disconnected — retrying".
 */
export function useAlertStream(handlers: Handlers): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>({ state: 'connecting' });
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const source = new EventSource('/api/alerts/stream');
    source.addEventListener('mode', (event) => {
      const data = parse<AlertStreamEvents['mode']>(event as MessageEvent);
      if (data) setStatus({ state: 'live', mode: data.mode, pollIntervalSeconds: data.pollIntervalSeconds });
    });
    source.addEventListener('alert', (event) => {
      const data = parse<AlertStreamEvents['alert']>(event as MessageEvent);
      if (data) latest.current.onAlert(data);
    });
    source.addEventListener('ack', (event) => {
      const data = parse<AlertStreamEvents['ack']>(event as MessageEvent);
      if (data) latest.current.onAck(data);
    });
    source.onerror = () => setStatus({ state: 'disconnected' });
    return () => source.close();
  }, []);

  return status;
}
