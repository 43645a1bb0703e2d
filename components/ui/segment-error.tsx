'use client';

import { useEffect } from 'react';

/** The body of every error.tsx: says what failed, keeps the rest of the page, offers a retry. */
export function SegmentError({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error ? String((error as { digest?: string }).digest ?? '') : '';
  return (
    <div className="banner error" role="status" data-testid="segment-error">
      <p>
        <strong>{what} could not be loaded.</strong> NCM may be unreachable or slow right now.
        {digest && <span className="small muted"> (ref {digest})</span>}
      </p>
      <button type="button" onClick={() => retry()}>
        Try again
      </button>
    </div>
  );
}
