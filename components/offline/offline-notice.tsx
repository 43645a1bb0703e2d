'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { offlineNotice } from '@/lib/offline/as-of';
import { OFFLINE_COPY_META } from '@/lib/offline/kept-copy';
import { parseWorkerMessage } from '@/lib/offline/messages';
import { keepShownPage, registerOfflineWorker } from './offline-worker-client';

/** The kept copy's time when this document came from the device (the worker stamps it into <head>). */
function documentCopyTime(): number | null {
  const value = Number(document.querySelector(`meta[name="${OFFLINE_COPY_META}"]`)?.getAttribute('content'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Registers the offline worker, and says so when the page shows data kept on the device rather than
 * fetched now — "Offline — showing data as of 10:42:07 UTC", the time of the oldest data on screen —
 * or when the browser knows it is offline. When the browser is online but Fleet Console did not answer,
 * it says that, with a Reload button. Nothing is rendered while the network answers.
 */
export function OfflineNotice() {
  const pathname = usePathname();
  const [online, setOnline] = useState(true);
  /** When the page's server-rendered data was fetched: the kept copy's time, or its load. */
  const [pageAt, setPageAt] = useState<number | null>(null);
  /** The oldest API answer served from the device since then. */
  const [dataAt, setDataAt] = useState<number | null>(null);
  const [fromDevice, setFromDevice] = useState(false);
  const shownPath = useRef<string | null>(null);

  useEffect(() => {
    registerOfflineWorker();
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    const onMessage = (event: MessageEvent) => {
      const message = parseWorkerMessage(event.data);
      if (!message) return;
      setFromDevice(true);
      setDataAt((previous) => (previous === null ? message.storedAt : Math.min(previous, message.storedAt)));
    };
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, []);

  useEffect(() => {
    if (shownPath.current === pathname) return;
    // After the first page, a new path is a client-side navigation, rendered on the server just now
    // (offline, Next loads the page in full instead, and the kept copy's own time applies).
    const copy = shownPath.current === null ? documentCopyTime() : null;
    shownPath.current = pathname;
    setPageAt(copy ?? Date.now());
    setFromDevice(copy !== null);
    setDataAt(null);
    if (copy === null) keepShownPage(window.location.href);
  }, [pathname]);

  if ((online && !fromDevice) || pageAt === null) return null;
  return (
    <p className="banner warn" role="status" data-testid="offline-notice">
      {offlineNotice(dataAt === null ? pageAt : Math.min(pageAt, dataAt), { browserOnline: online })}
      {online && (
        <>
          {' · '}
          <button type="button" className="link" onClick={() => window.location.reload()}>
            Reload
          </button>
        </>
      )}
    </p>
  );
}
