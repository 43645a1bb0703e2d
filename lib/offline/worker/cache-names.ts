/**
 * The service worker's caches, by name:
 * - `fleet-shell:<format>` — build assets, icons, manifest: the same for everyone, never user data;
 * - `fleet-pages:<format>:<owner tag>:<expires>` and `fleet-data:<format>:<owner tag>:<expires>` —
 *   pages and API answers of one sign-in. There is at most one owner at a time; the name says whose
 *   they are and until when they may be shown, so a restarted worker knows both without asking.
 * `format` changes only when what is stored changes shape; caches of another format are dropped.
 */
import type { OfflineOwner } from '../owner';

const CACHE_FORMAT = 'v1';
const PREFIX = 'fleet-';

export type OwnedKind = 'pages' | 'data';

export function shellCacheName(): string {
  return `${PREFIX}shell:${CACHE_FORMAT}`;
}

export function ownedCacheName(kind: OwnedKind, owner: OfflineOwner): string {
  return `${PREFIX}${kind}:${CACHE_FORMAT}:${owner.tag}:${Math.floor(owner.expiresAt / 1000)}`;
}

/** The owner a cache of ours belongs to, or null for the shell and for names that are not ours. */
export function ownerOfCache(name: string): { kind: OwnedKind; owner: OfflineOwner } | null {
  const match = /^fleet-(pages|data):([^:]+):([0-9a-f]{32}):(\d{1,12})$/.exec(name);
  if (!match || match[2] !== CACHE_FORMAT) return null;
  return { kind: match[1] as OwnedKind, owner: { tag: match[3]!, expiresAt: Number(match[4]) * 1000 } };
}

/** Ours, whatever the format: used to find what to drop. */
export function isOurCache(name: string): boolean {
  return name.startsWith(PREFIX);
}

export function isCurrentShell(name: string): boolean {
  return name === shellCacheName();
}

/** A cache holding someone's pages or data, of any format. */
export function isOwnedCache(name: string): boolean {
  return /^fleet-(pages|data):/.test(name);
}
