import Link from 'next/link';
import type { ReactNode } from 'react';
import { StateBadge } from '@/components/ui/state-badge';
import type { FleetRouterRow, FleetSortColumn } from '@/lib/dto/fleet';
import { Time } from '@/components/ui/time';
import type { FleetColumnKey } from '@/lib/queries/fleet-url';
import { SignalBadge } from './signal-quality';

export interface FleetColumn {
  key: FleetColumnKey;
  label: string;
  /** The server's sort key for this column; null where the snapshot has no index for it. */
  sort: FleetSortColumn | null;
  /** Width in rem, so the fixed row height never wraps. */
  width: number;
  /** Kept on narrow (mobile) screens. */
  narrow?: boolean;
  cell: (row: FleetRouterRow) => ReactNode;
}

const DASH = <span className="muted">—</span>;
const text = (v: string | number | null) => (v === null || v === '' ? DASH : v);
const dbm = (v: number | null) => (v === null ? DASH : `${v} dBm`);
const db = (v: number | null) => (v === null ? DASH : `${v} dB`);

/** Row fields a column can show as they are. */
type TextField = {
  [K in FleetColumnKey]: K extends keyof FleetRouterRow
    ? FleetRouterRow[K] extends string | number | null
      ? K
      : never
    : never;
}[FleetColumnKey];

/**
 * Most columns sort by their own key and show their field as text; the table is written once per
 * column only where it differs (kept short: it ships with the page).
 */
function column(
  key: FleetColumnKey,
  label: string,
  width: number,
  cell?: FleetColumn['cell'] | null,
  more?: Partial<Pick<FleetColumn, 'sort' | 'narrow'>>,
): FleetColumn {
  return {
    key,
    label,
    width,
    sort: key as FleetSortColumn,
    cell: cell ?? ((r) => text(r[key as TextField])),
    ...more,
  };
}

export const FLEET_COLUMNS: Record<FleetColumnKey, FleetColumn> = {
  name: column(
    'name',
    'Name',
    14,
    // React escapes the text: NCM names are untrusted.
    (r) => (
      // No prefetch: each visible row would render a router page, with its NCM calls, on every scroll.
      <Link href={`/routers/${encodeURIComponent(r.id)}`} prefetch={false}>
        {r.name}
      </Link>
    ),
    { narrow: true },
  ),
  state: column('state', 'State', 7, (r) => <StateBadge state={r.state} />, { narrow: true }),
  signalQuality: column('signalQuality', 'Signal', 7, (r) => <SignalBadge quality={r.signalQuality} />, {
    sort: 'rsrp',
    narrow: true,
  }),
  rsrp: column('rsrp', 'RSRP', 7, (r) => dbm(r.rsrp)),
  rsrq: column('rsrq', 'RSRQ', 6, (r) => db(r.rsrq)),
  sinr: column('sinr', 'SINR', 6, (r) => db(r.sinr)),
  healthScore: column('healthScore', 'Health', 6),
  carrier: column('carrier', 'Carrier', 9),
  productName: column('productName', 'Product', 10),
  firmwareVersion: column('firmwareVersion', 'Firmware', 8, (r) => (
    <>
      {text(r.firmwareVersion)}
      {r.firmwareBehind && (
        <span className="small warn-text" title="Behind the group's target firmware">
          {' '}
          ↓
        </span>
      )}
    </>
  )),
  groupName: column('groupName', 'Group', 10),
  accountName: column('accountName', 'Account', 10),
  ipv4Address: column('ipv4Address', 'IP', 9),
  serialNumber: column('serialNumber', 'Serial', 9),
  mac: column('mac', 'MAC', 10),
  assetId: column('assetId', 'Asset id', 8),
  stateUpdatedAt: column('stateUpdatedAt', 'State since', 13, (r) => <Time iso={r.stateUpdatedAt} />),
};
