/**
 * Streams the CSV export, counting rows as they arrive so the UI can show progress, then saves the
 * file through a Blob URL under the name the server gave it. Browser-only helper, no React.
 */
import { fetchApi } from '@/lib/queries/fetch-json';

export interface ExportProgress {
  rows: number;
  total: number | null;
}

const NEWLINE = 10;

/** The file name of `Content-Disposition: attachment; filename="…"`, the one the server chose. */
function fileNameOf(response: Response): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? 'export.csv';
}

export async function downloadCsv(
  url: string,
  signal: AbortSignal,
  onProgress: (p: ExportProgress) => void,
): Promise<number> {
  const response = await fetchApi(url, { signal, headers: { Accept: 'text/csv' } });
  if (!response.body) throw new Error(`Export failed (${response.status})`);
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
  link.download = fileNameOf(response);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return total ?? Math.max(0, newlines - 1);
}
