'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fetchJson } from '@/lib/queries/fetch-json';

/** Ends one person's sessions, then shows the list again without them. */
export function EndSessionsButton({ userId, label }: { userId: string; label: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'failed'; message: string }>({
    kind: 'idle',
  });
  const end = async () => {
    setState({ kind: 'sending' });
    try {
      await fetchJson('/api/sessions/end', { method: 'POST', body: JSON.stringify({ userId }) });
      router.refresh();
      setState({ kind: 'idle' });
    } catch (err) {
      setState({ kind: 'failed', message: err instanceof Error ? err.message : 'The sessions could not be ended.' });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={end}
        disabled={state.kind === 'sending'}
        aria-label={`End the sessions of ${label}`}
      >
        {state.kind === 'sending' ? 'Ending…' : 'End sessions'}
      </button>
      {state.kind === 'failed' && (
        <span className="small error" role="status">
          {' '}
          {state.message}
        </span>
      )}
    </>
  );
}
