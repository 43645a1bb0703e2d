'use client';

import { useState } from 'react';
import { Time } from '@/components/ui/time';
import { fetchJson } from '@/lib/queries/fetch-json';

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'sending' }
  | { kind: 'sent'; at: string }
  | { kind: 'failed'; message: string };

/** Reboot with a confirmation that names the router: a wrong tap on a phone must not reboot it. */
export function RebootButton({ routerId, name }: { routerId: string; name: string }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const send = async () => {
    setStep({ kind: 'sending' });
    try {
      await fetchJson(`/api/routers/${encodeURIComponent(routerId)}/reboot`, { method: 'POST', body: '{}' });
      setStep({ kind: 'sent', at: new Date().toISOString() });
    } catch (err) {
      setStep({ kind: 'failed', message: err instanceof Error ? err.message : 'The reboot could not be sent.' });
    }
  };
  return (
    <section aria-labelledby="reboot-heading" className="card">
      <h2 id="reboot-heading">Reboot</h2>
      {step.kind === 'idle' && (
        <button type="button" className="danger" onClick={() => setStep({ kind: 'confirm' })}>
          Reboot…
        </button>
      )}
      {(step.kind === 'confirm' || step.kind === 'sending') && (
        <div role="alertdialog" aria-labelledby="reboot-question" className="confirm">
          <p id="reboot-question">
            Reboot <strong>{name}</strong>? It will be offline for a few minutes.
          </p>
          <button type="button" className="danger" onClick={send} disabled={step.kind === 'sending'}>
            Reboot {name}
          </button>{' '}
          <button type="button" onClick={() => setStep({ kind: 'idle' })} disabled={step.kind === 'sending'}>
            Cancel
          </button>
        </div>
      )}
      {step.kind === 'sent' && (
        <p className="banner ok" role="status" data-testid="reboot-sent">
          Reboot sent to NetCloud Manager at <Time iso={step.at} />. The router will be back in a few minutes.
        </p>
      )}
      {step.kind === 'failed' && (
        <p className="banner error" role="status">
          {step.message}{' '}
          <button type="button" onClick={() => setStep({ kind: 'idle' })}>
            Back
          </button>
        </p>
      )}
    </section>
  );
}
