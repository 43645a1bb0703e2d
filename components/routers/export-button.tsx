'use client';

import { useRef, useState } from 'react';
import type { FleetFilters } from '@/lib/queries/fleet-url';
import { exportUrl } from '@/lib/queries/fleet';
import type { ExportProgress } from './csv-download';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExportProgress }
  | { kind: 'done'; rows: number }
  | { kind: 'error'; message: string };

const n = (v: number) => v.toLocaleString('en-US');

/** CSV of the current filtered set with the visible columns; shown only to roles that may export. */
export function ExportButton({ filters, columns }: { filters: FleetFilters; columns: readonly string[] }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running', progress: { rows: 0, total: null } });
    try {
      // The download code loads on the first export, not with the page: most visits never export.
      const { downloadCsv } = await import('./csv-download');
      const rows = await downloadCsv(exportUrl(filters, columns), controller.signal, (progress) =>
        setStatus({ kind: 'running', progress }),
      );
      setStatus({ kind: 'done', rows });
    } catch (err) {
      if (controller.signal.aborted) setStatus({ kind: 'idle' });
      else setStatus({ kind: 'error', message: err instanceof Error ? err.message : 'Export failed' });
    } finally {
      abort.current = null;
    }
  }

  return (
    <div className="export" data-testid="export">
      {status.kind === 'running' ? (
        <button type="button" onClick={() => abort.current?.abort()}>
          Cancel export
        </button>
      ) : (
        <button type="button" onClick={start}>
          Export CSV
        </button>
      )}
      <span className="small muted" role="status" aria-live="polite" data-testid="export-status">
        {status.kind === 'running' &&
          `Exporting… ${n(status.progress.rows)}${status.progress.total !== null ? ` / ${n(status.progress.total)}` : ''} rows`}
        {status.kind === 'done' && `Exported ${n(status.rows)} rows.`}
        {status.kind === 'error' && <span className="error">{status.message}</span>}
      </span>
    </div>
  );
}
