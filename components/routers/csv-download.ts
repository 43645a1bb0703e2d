/**
 * Streams the CSV export, counting rows as they arrive so the UI can show progress, then saves the
 * file through a Blob URL. Browser-only helper, no React.
 */
export interface ExportProgress {
  rows: number;
  total: number | null;
}

const NEWLINE = 10;

export async function downloadCsv(url: string, fileName: string, signal: AbortSignal, onProgress: (p: ExportProgress) => void): Promise<number> {
  const response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'text/csv' } });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Export failed (${response.status})`);
  }
  const totalHeader = Number(response.headers.get('X-Total-Rows'));
  const total = Number.isFinite(totalHeader) && totalHeader >= 0 ? totalHeader : null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let newlines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (const byte of value) if (byte === NEWLINE) newlines++;
    // The first line is the header; quoted newlines inside values may over-count, so cap at total.
    const rows = Math.max(0, newlines - 1);
    onProgress({ rows: total === null ? rows : Math.min(rows, total), total });
  }
  const blob = new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return total ?? Math.max(0, newlines - 1);
}

export function exportFileName(now: Date = new Date()): string {
  return `routers-${now.toISOString().slice(0, 16).replace(/[:T]/g, '-')}Z.csv`;
}
