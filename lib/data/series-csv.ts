import 'server-only';
/**
 * The full-resolution samples behind a chart or track, as CSV: every sample of the shown window that
 * the chart downsampled. Same cell rules as the router export (text from NCM neutralised, numbers
 * written plainly) and the same permission.
 */
import { parseWith } from '@/lib/api/request';
import { authorize } from '@/lib/auth/session';
import { routerIdSchema, type SeriesCsvKind, seriesCsvQuerySchema } from '@/lib/dto/series';
import { csvFilename, csvRowsStream } from '@/lib/fleet/csv';
import { signalQuality } from '@/lib/fleet/signal';
import { readLocationTrack, readRouterStates, readSignalSeries, readUsageSeries } from '@/lib/reads';
import { requestedWindow, routerKnown, routerModems } from './series-shape';

type Cell = string | number | boolean | null;

export interface SeriesCsvExport {
  stream: ReadableStream<Uint8Array>;
  totalRows: number;
  filename: string;
  /** False when NCM held more records than one read fetches: the file misses some. */
  complete: boolean;
}

interface Table {
  headers: string[];
  rows: Cell[][];
  complete: boolean;
}

const utc = (ms: number) => new Date(ms).toISOString();

async function modemTable<T extends { atMs: number }>(
  routerId: string,
  read: (modemId: string) => Promise<{ items: T[]; complete: boolean }>,
  headers: string[],
  cells: (item: T) => Cell[],
): Promise<Table | null> {
  const modems = await routerModems(routerId);
  if (modems === null) return null;
  const reads = await Promise.all(modems.map((m) => read(m.id)));
  const rows: Array<{ at: number; cells: Cell[] }> = [];
  modems.forEach((modem, i) => {
    for (const item of reads[i]!.items)
      rows.push({ at: item.atMs, cells: [utc(item.atMs), modem.id, modem.name, ...cells(item)] });
  });
  rows.sort((a, b) => a.at - b.at);
  return {
    headers: ['Time (UTC)', 'Modem ID', 'Modem', ...headers],
    rows: rows.map((r) => r.cells),
    complete: reads.every((r) => r.complete),
  };
}

async function table(
  routerId: string,
  kind: SeriesCsvKind,
  window: { fromMs: number; toMs: number },
  now: number,
): Promise<Table | null> {
  switch (kind) {
    case 'signal':
      return modemTable(
        routerId,
        (m) => readSignalSeries(m, window, now),
        [
          'RSRP (dBm)',
          'RSRQ (dB)',
          'SINR (dB)',
          'RSSI (dBm)',
          'Signal (%)',
          'Signal',
          '5G RSRP (dBm)',
          '5G RSRQ (dB)',
          '5G SINR (dB)',
        ],
        (s) => [s.rsrp, s.rsrq, s.sinr, s.rssi, s.signalPercent, signalQuality(s.rsrp), s.rsrp5g, s.rsrq5g, s.sinr5g],
      );
    case 'usage':
      return modemTable(
        routerId,
        (m) => readUsageSeries(m, window, now),
        ['Bytes in', 'Bytes out', 'Period (s)', 'Uptime (s)'],
        (u) => [u.bytesIn, u.bytesOut, u.periodSeconds, u.uptimeSeconds],
      );
    case 'track': {
      if (!(await routerKnown(routerId))) return null;
      const read = await readLocationTrack(routerId, window, now);
      return {
        headers: [
          'Time (UTC)',
          'Latitude',
          'Longitude',
          'Accuracy (m)',
          'Altitude (m)',
          'Speed (mph)',
          'RSRP (dBm)',
          'RSRQ (dB)',
          'SINR (dB)',
          'RSSI (dBm)',
          'Signal',
          'Carrier',
          'Band',
          '5G band',
          'Modem',
        ],
        rows: read.items.map((f) => [
          utc(f.atMs),
          f.latitude,
          f.longitude,
          f.accuracy,
          f.altitude,
          f.mph,
          f.rsrp,
          f.rsrq,
          f.sinr,
          f.rssi,
          signalQuality(f.rsrp),
          f.carrier,
          f.band,
          f.band5g,
          f.netDeviceName,
        ]),
        complete: read.complete,
      };
    }
    case 'states': {
      if (!(await routerKnown(routerId))) return null;
      const read = await readRouterStates(routerId, window, now);
      return {
        headers: ['Time (UTC)', 'State', 'Period (s)'],
        rows: read.items.map((s) => [utc(s.atMs), s.state, s.periodSeconds]),
        complete: read.complete,
      };
    }
  }
}

/** The CSV of one kind of series of the router over the window; null for an unknown router. */
export async function streamSeriesCsv(
  routerId: string,
  input: unknown,
  now = Date.now(),
): Promise<SeriesCsvExport | null> {
  await authorize('routers:export');
  const id = parseWith(routerIdSchema, routerId);
  const query = parseWith(seriesCsvQuerySchema, input);
  const got = await table(id, query.kind, requestedWindow(query, now), now);
  if (got === null) return null;
  return {
    stream: csvRowsStream(got.headers, got.rows.length, (i) => got.rows[i]!),
    totalRows: got.rows.length,
    filename: csvFilename(`router-${id}-${query.kind}`, new Date(now)),
    complete: got.complete,
  };
}
