import 'server-only';
/**
 * Names behind the ids a router points at (groups, accounts, products, firmwares). The fleet snapshot
 * reads them with every full sync; only while it has not (or is failing) are they read here, shared.
 */
import { loadReference } from '@/lib/fleet/reference';
import type { FleetReference } from '@/lib/fleet/types';
import { sharedRead } from './shared-read';
import { heldSnapshot, usableSnapshot } from './snapshot';

export type ReferenceData = FleetReference;

export async function readReference(): Promise<ReferenceData> {
  const snapshot = usableSnapshot();
  if (snapshot) return snapshot.data.reference;
  try {
    return (await sharedRead('reference', {}, loadReference)).value;
  } catch (err) {
    // NCM is failing: the snapshot's last copy of the names is better than none.
    const held = heldSnapshot()?.data.reference;
    if (held && held.groups.size + held.accounts.size > 0) return held;
    throw err;
  }
}
