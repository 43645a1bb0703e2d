/**
 * The static fleet: accounts, groups and per-router attributes in compact typed arrays, so that
 * 50 000 routers cost a few MB and start in milliseconds. Records are built from these on demand.
 */
import { KINDS, METROS, PRODUCTS, SUBACCOUNTS } from './catalog';
import { buildGeography, type Geography, ROUTES_PER_METRO } from './geo';
import { h2, h3, mulberry32, Salt, unit } from './hash';

export interface AccountInfo {
  id: number;
  name: string;
  parent: number | null; // account index
  kinds: string[];
}

export interface GroupInfo {
  id: number;
  name: string;
  account: number;
  product: number;
}

export const FLAG_PERM_OFFLINE = 1;
export const FLAG_HAS_GPS = 2;
export const FLAG_OLD_FIRMWARE = 4;
export const FLAG_GUEST_LAN = 8;

export const ROUTER_ID_BASE = 1_000_001;
export const NET_DEVICE_ID_BASE = 5_000_001;
export const CONFIG_MANAGER_ID_BASE = 3_000_001;
export const LOCATION_ID_BASE = 4_000_001;
export const LAN_ID_BASE = 6_000_001;
export const ACCOUNT_ID_BASE = 10_001;
export const GROUP_ID_BASE = 20_001;

/** Routers were registered between these instants, independent of the clock, for determinism. */
const CREATED_FROM = Date.UTC(2022, 0, 1);
const CREATED_SPAN = Date.UTC(2025, 0, 1) - CREATED_FROM;

export class Fleet {
  readonly n: number;
  readonly seed: number;
  readonly geo: Geography;
  readonly accounts: AccountInfo[] = [];
  readonly groups: GroupInfo[] = [];
  readonly kind: Uint8Array;
  readonly metro: Uint8Array;
  readonly product: Uint8Array;
  readonly account: Uint8Array;
  readonly group: Uint16Array;
  readonly seq: Uint32Array;
  readonly flags: Uint8Array;
  /** net devices of router i are ndFirst[i] .. ndFirst[i+1]-1: modem1, [modem2], ethernet */
  readonly ndFirst: Int32Array;
  readonly ndRouter: Int32Array;
  readonly route: Uint16Array;
  /** km per ms */
  readonly speed: Float32Array;
  readonly phase: Float32Array;
  /** fixed-site position, km from metro centre */
  readonly siteX: Float32Array;
  readonly siteY: Float32Array;
  readonly createdMs: Float64Array;
  readonly vehicles: Int32Array;
  /** routers that have a GPS location record */
  readonly withGps: Int32Array;
  private readonly groupIndex = new Map<string, number>();

  constructor(n: number, seed: number) {
    this.n = n;
    this.seed = seed;
    this.geo = buildGeography(seed);
    this.buildAccounts();
    this.kind = new Uint8Array(n);
    this.metro = new Uint8Array(n);
    this.product = new Uint8Array(n);
    this.account = new Uint8Array(n);
    this.group = new Uint16Array(n);
    this.seq = new Uint32Array(n);
    this.flags = new Uint8Array(n);
    this.ndFirst = new Int32Array(n + 1);
    this.route = new Uint16Array(n);
    this.speed = new Float32Array(n);
    this.phase = new Float32Array(n);
    this.siteX = new Float32Array(n);
    this.siteY = new Float32Array(n);
    this.createdMs = new Float64Array(n);
    const totalWeight = KINDS.reduce((s, k) => s + k.weight, 0);
    const seqCounters = new Map<number, number>();
    const vehicles: number[] = [];
    const gps: number[] = [];
    let nd = 0;
    for (let i = 0; i < n; i++) {
      let pick = unit(h3(seed, i, Salt.kind)) * totalWeight;
      let kind = 0;
      while (pick >= KINDS[kind]!.weight && kind < KINDS.length - 1) pick -= KINDS[kind++]!.weight;
      const k = KINDS[kind]!;
      const metro = h3(seed, i, Salt.metro) % METROS.length;
      const product = k.products[h3(seed, i, Salt.product) % k.products.length]!;
      const account = this.accountForKind(k.code);
      this.kind[i] = kind;
      this.metro[i] = metro;
      this.product[i] = product;
      this.account[i] = account;
      this.group[i] = this.groupFor(account, product);
      const counterKey = kind * 64 + metro;
      const s = (seqCounters.get(counterKey) ?? 0) + 1;
      seqCounters.set(counterKey, s);
      this.seq[i] = s;
      const f = h3(seed, i, Salt.flags);
      let flags = 0;
      if (f % 100 < 2) flags |= FLAG_PERM_OFFLINE; // decommissioned or powered off for good
      if (k.vehicle || (f >>> 8) % 100 < 75) flags |= FLAG_HAS_GPS;
      if ((f >>> 16) % 100 < 12) flags |= FLAG_OLD_FIRMWARE;
      if ((f >>> 24) % 100 < 40) flags |= FLAG_GUEST_LAN;
      this.flags[i] = flags;
      const modems = k.vehicle || h3(seed, i, Salt.modems) % 100 < 35 ? 2 : 1;
      this.ndFirst[i] = nd;
      nd += modems + 1;
      this.route[i] = metro * ROUTES_PER_METRO + (h3(seed, i, Salt.route) % ROUTES_PER_METRO);
      const mph = 20 + unit(h3(seed, i, Salt.speed)) * 40;
      this.speed[i] = (mph * 1.609344) / 3_600_000;
      this.phase[i] = unit(h3(seed, i, Salt.phase));
      const a = unit(h3(seed, i, Salt.site)) * Math.PI * 2;
      const d = 1 + unit(h3(seed, i, Salt.site + 100)) * 18;
      this.siteX[i] = Math.cos(a) * d;
      this.siteY[i] = Math.sin(a) * d;
      this.createdMs[i] = CREATED_FROM + Math.floor(unit(h3(seed, i, Salt.created)) * CREATED_SPAN);
      if (k.vehicle) vehicles.push(i);
      if (flags & FLAG_HAS_GPS) gps.push(i);
    }
    this.ndFirst[n] = nd;
    this.ndRouter = new Int32Array(nd);
    for (let i = 0; i < n; i++) this.ndRouter.fill(i, this.ndFirst[i]!, this.ndFirst[i + 1]!);
    this.vehicles = Int32Array.from(vehicles);
    this.withGps = Int32Array.from(gps);
  }

  get netDeviceCount(): number {
    return this.ndFirst[this.n]!;
  }

  isVehicle(i: number): boolean {
    return KINDS[this.kind[i]!]!.vehicle;
  }

  /** Router display name such as `BUS-DEN-0142`. */
  routerName(i: number): string {
    return `${KINDS[this.kind[i]!]!.code}-${METROS[this.metro[i]!]!.code}-${String(this.seq[i]!).padStart(4, '0')}`;
  }

  modemCount(i: number): number {
    return this.ndFirst[i + 1]! - this.ndFirst[i]! - 1;
  }

  groupIndexOf(account: number, product: number): number | undefined {
    return this.groupIndex.get(`${account}:${product}`);
  }

  private buildAccounts(): void {
    const rnd = mulberry32(h2(this.seed, Salt.accounts));
    this.accounts.push({ id: ACCOUNT_ID_BASE, name: 'Fleet Console Demo', parent: null, kinds: [] });
    const subCount = 4 + Math.floor(rnd() * 5); // 4..8 subaccounts
    for (let s = 0; s < subCount; s++) {
      const t = SUBACCOUNTS[s]!;
      this.accounts.push({ id: ACCOUNT_ID_BASE + 1 + s, name: t.name, parent: 0, kinds: [...t.kinds] });
    }
    // Groups exist per (account, product) the account's kinds use; the root gets the leftovers.
    for (let a = 0; a < this.accounts.length; a++) {
      const kinds =
        a === 0
          ? KINDS.filter((k) => this.accountForKind(k.code) === 0)
          : KINDS.filter((k) => this.accounts[a]!.kinds.includes(k.code));
      const products = [...new Set(kinds.flatMap((k) => k.products))].sort((x, y) => x - y);
      for (const p of products) this.groupFor(a, p);
    }
  }

  private accountForKind(code: string): number {
    const idx = this.accounts.findIndex((a) => a.kinds.includes(code));
    return Math.max(idx, 0);
  }

  private groupFor(account: number, product: number): number {
    const key = `${account}:${product}`;
    const existing = this.groupIndex.get(key);
    if (existing !== undefined) return existing;
    const idx = this.groups.length;
    const acct = this.accounts[account]!;
    this.groups.push({ id: GROUP_ID_BASE + idx, name: `${acct.name} ${PRODUCTS[product]!.name}`, account, product });
    this.groupIndex.set(key, idx);
    return idx;
  }
}
