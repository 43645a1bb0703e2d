import 'server-only';
/**
 * CSV export of router rows: RFC 4180 (fields with `"`, `,`, CR or LF are quoted, quotes doubled,
 * CRLF line ends) and CSV/formula-injection safe (CWE-1236).
 *
 * Neutralising: every *text* cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, so a
 * spreadsheet shows it as text instead of evaluating it (router names, groups and the like come from
 * NCM, where anyone with device access can set them). *Numeric* columns (RSRP, SINR, health,
 * coordinates) are written as plain numbers without the prefix: their values are JavaScript numbers
 * we format ourselves, never upstream text, so `-95` cannot carry a formula and stays sortable.
 */
import type { FleetRouterRow } from '@/lib/dto/fleet';

export const FLEET_CSV_COLUMNS = [
  'id',
  'name',
  'state',
  'stateUpdatedAt',
  'productName',
  'firmwareVersion',
  'firmwareBehind',
  'groupName',
  'accountName',
  'serialNumber',
  'mac',
  'ipv4Address',
  'assetId',
  'carrier',
  'rsrp',
  'rsrq',
  'sinr',
  'signalQuality',
  'healthScore',
  'latitude',
  'longitude',
] as const satisfies readonly (keyof FleetRouterRow)[];
export type FleetCsvColumn = (typeof FLEET_CSV_COLUMNS)[number];

const HEADERS: Record<FleetCsvColumn, string> = {
  id: 'Router ID',
  name: 'Name',
  state: 'State',
  stateUpdatedAt: 'State changed (UTC)',
  productName: 'Product',
  firmwareVersion: 'Firmware',
  firmwareBehind: 'Firmware behind target',
  groupName: 'Group',
  accountName: 'Account',
  serialNumber: 'Serial number',
  mac: 'MAC',
  ipv4Address: 'IPv4 address',
  assetId: 'Asset ID',
  carrier: 'Carrier',
  rsrp: 'RSRP (dBm)',
  rsrq: 'RSRQ (dB)',
  sinr: 'SINR (dB)',
  signalQuality: 'Signal',
  healthScore: 'Health score',
  latitude: 'Latitude',
  longitude: 'Longitude',
};

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text cell: neutralised, then quoted if needed. */
export function csvTextCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Any cell: text neutralised and quoted, numbers we formatted ourselves written plainly (see above),
 * so exports other than the router table follow the same rules.
 */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return csvTextCell(value);
}

function csvHeader(columns: readonly FleetCsvColumn[]): string {
  return `${columns.map((c) => csvTextCell(HEADERS[c])).join(',')}\r\n`;
}

export function csvLine(row: FleetRouterRow, columns: readonly FleetCsvColumn[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(row[columns[i]!]);
  }
  return `${line}\r\n`;
}

/** `columns=` of the export: allowlisted names in the caller's order; empty → every column. */
export function parseCsvColumns(raw: string | null | undefined): FleetCsvColumn[] | { error: string } {
  if (raw === null || raw === undefined || raw.trim() === '') return [...FLEET_CSV_COLUMNS];
  if (raw.length > 1000) return { error: 'columns is too long' };
  const wanted = [
    ...new Set(
      raw
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
  const allowed = new Set<string>(FLEET_CSV_COLUMNS);
  const unknown = wanted.filter((c) => !allowed.has(c));
  if (unknown.length > 0) return { error: `Unknown column: ${unknown[0]!.slice(0, 40)}` };
  return wanted as FleetCsvColumn[];
}

const ROWS_PER_CHUNK = 1_000;

/**
 * A CSV as a byte stream, produced a chunk of rows per pull: 50,000 rows never block the event loop
 * in one go, and a client that stops reading stops the work. A BOM first lets Excel read UTF-8 names.
 */
function linesStream(header: string, count: number, lineAt: (i: number) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === -1) {
        controller.enqueue(encoder.encode(`\uFEFF${header}`));
        next = 0;
        return;
      }
      if (next >= count) {
        controller.close();
        return;
      }
      const end = Math.min(count, next + ROWS_PER_CHUNK);
      let text = '';
      for (let i = next; i < end; i++) text += lineAt(i);
      next = end;
      controller.enqueue(encoder.encode(text));
    },
  });
}

/** The router table's rows in the given columns. */
export function csvStream(
  rows: readonly FleetRouterRow[],
  columns: readonly FleetCsvColumn[],
): ReadableStream<Uint8Array> {
  return linesStream(csvHeader(columns), rows.length, (i) => csvLine(rows[i]!, columns));
}

/** A CSV of `count` rows from `cellsAt(i)` under `headers`, with the router export's cell rules. */
export function csvRowsStream(
  headers: readonly string[],
  count: number,
  cellsAt: (i: number) => ReadonlyArray<string | number | boolean | null | undefined>,
): ReadableStream<Uint8Array> {
  return linesStream(
    `${headers.map(csvTextCell).join(',')}\r\n`,
    count,
    (i) => `${cellsAt(i).map(csvCell).join(',')}\r\n`,
  );
}

/** Every export's file name: `<what>-YYYYMMDD-HHMM.csv` in UTC (the browser saves it under this name). */
export function csvFilename(what: string, now: Date): string {
  const iso = now.toISOString();
  return `${what}-${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}.csv`;
}
