import type { SyncStatus } from '@/lib/dto/fleet';

const n = (v: number) => v.toLocaleString('en-US');

/** How far the first fleet sync got, in words: "Loading 500 of 1,000 routers from NetCloud Manager…". */
export function syncProgressText(sync: Pick<SyncStatus, 'loadedRouters' | 'expectedRouters'>): string {
  const { loadedRouters: loaded, expectedRouters: expected } = sync;
  if (expected === null) return `Loading routers from NetCloud Manager… ${n(loaded)} so far.`;
  if (loaded >= expected)
    return `All ${n(expected)} routers loaded; reading their modems and signal from NetCloud Manager…`;
  return `Loading ${n(loaded)} of ${n(expected)} routers from NetCloud Manager…`;
}

/** The banner shown instead of fleet figures while the first sync runs: part of a fleet is not the fleet. */
export function SyncProgress({ sync, testId }: { sync: SyncStatus; testId: string }) {
  return (
    <div className="banner info" role="status" data-testid={testId}>
      {syncProgressText(sync)}
    </div>
  );
}
