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

const text = (v: string | number | null) => (v === null || v === '' ? <span className="muted">—</span> : v);
const dbm = (v: number | null) => (v === null ? <span className="muted">—</span> : `${v} dBm`);
const db = (v: number | null) => (v === null ? <span className="muted">—</span> : `${v} dB`);

export const FLEET_COLUMNS: Record<FleetColumnKey, FleetColumn> = {
  name: {
    key: 'name',
    label: 'Name',
    sort: 'name',
    width: 14,
    narrow: true,
    // React escapes the text: NCM names are untrusted.
    cell: (r) => (
      // No prefetch: each visible row would render a router page, with its NCM calls, on every scroll.
      <Link href={`/routers/${encodeURIComponent(r.id)}`} prefetch={false}>
        {r.name}
      </Link>
    ),
  },
  state: {
    key: 'state',
    label: 'State',
    sort: 'state',
    width: 7,
    narrow: true,
    cell: (r) => <StateBadge state={r.state} />,
  },
  signalQuality: {
    key: 'signalQuality',
    label: 'Signal',
    sort: 'rsrp',
    width: 7,
    narrow: true,
    cell: (r) => <SignalBadge quality={r.signalQuality} />,
  },
  rsrp: { key: 'rsrp', label: 'RSRP', sort: 'rsrp', width: 7, cell: (r) => dbm(r.rsrp) },
  rsrq: { key: 'rsrq', label: 'RSRQ', sort: 'rsrq', width: 6, cell: (r) => db(r.rsrq) },
  sinr: { key: 'sinr', label: 'SINR', sort: 'sinr', width: 6, cell: (r) => db(r.sinr) },
  healthScore: { key: 'healthScore', label: 'Health', sort: 'healthScore', width: 6, cell: (r) => text(r.healthScore) },
  carrier: { key: 'carrier', label: 'Carrier', sort: 'carrier', width: 9, cell: (r) => text(r.carrier) },
  productName: {
    key: 'productName',
    label: 'Product',
    sort: 'productName',
    width: 10,
    cell: (r) => text(r.productName),
  },
  firmwareVersion: {
    key: 'firmwareVersion',
    label: 'Firmware',
    sort: 'firmwareVersion',
    width: 8,
    cell: (r) => (
      <>
        {text(r.firmwareVersion)}
        {r.firmwareBehind && (
          <span className="small warn-text" title="Behind the group's target firmware">
            {' '}
            ↓
          </span>
        )}
      </>
    ),
  },
  groupName: { key: 'groupName', label: 'Group', sort: 'groupName', width: 10, cell: (r) => text(r.groupName) },
  accountName: {
    key: 'accountName',
    label: 'Account',
    sort: 'accountName',
    width: 10,
    cell: (r) => text(r.accountName),
  },
  ipv4Address: { key: 'ipv4Address', label: 'IP', sort: 'ipv4Address', width: 9, cell: (r) => text(r.ipv4Address) },
  serialNumber: {
    key: 'serialNumber',
    label: 'Serial',
    sort: 'serialNumber',
    width: 9,
    cell: (r) => text(r.serialNumber),
  },
  mac: { key: 'mac', label: 'MAC', sort: 'mac', width: 10, cell: (r) => text(r.mac) },
  assetId: { key: 'assetId', label: 'Asset id', sort: 'assetId', width: 8, cell: (r) => text(r.assetId) },
  stateUpdatedAt: {
    key: 'stateUpdatedAt',
    label: 'State since',
    sort: 'stateUpdatedAt',
    width: 13,
    cell: (r) => <Time iso={r.stateUpdatedAt} />,
  },
};
