import 'server-only';
/**
 * Reads a whole NCM list by offset with a few pages in flight. NCM gives no total count, so pages past
 * the end can only be avoided with a hint (the size seen at the last sync): up to the hint, pages are
 * fetched in parallel; beyond it, one at a time, so a fleet that did not grow costs exactly
 * ⌈N/limit⌉ calls. Without a hint (the very first sync) at most `concurrency − 1` calls land past the end.
 */
import type { FleetPage } from './types';

export interface PageAllOptions<T> {
  limit: number;
  concurrency: number;
  /** Expected number of records, if known. */
  hint?: number;
  /** Called for each page as it arrives (possibly out of order), e.g. to stream rows in. */
  onPage?: (items: T[], offset: number) => void;
}

export async function pageAll<T>(
  fetchPage: (offset: number, limit: number) => Promise<FleetPage<T>>,
  options: PageAllOptions<T>,
): Promise<T[]> {
  const { limit } = options;
  const pages: T[][] = [];
  // The first page alone: it is what the first viewer waits for, and it may be the only one.
  const first = await fetchPage(0, limit);
  pages[0] = first.items;
  options.onPage?.(first.items, 0);
  if (!first.hasMore || first.items.length < limit) return first.items;

  // Without a size (real NCM sends no count) up to `concurrency − 1` pages past the end are asked for;
  // a previous sync's size or the spec's total_count, when the upstream sends it, avoids that.
  const known = options.hint ?? first.totalCount;
  const speculateUntil = known === undefined ? Number.POSITIVE_INFINITY : Math.ceil(known / limit) * limit;
  let next = limit;
  let lastIndex = Number.POSITIVE_INFINITY;
  let failed: unknown;
  let inflight = 0;
  let waiters: Array<() => void> = [];
  const wakeAll = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };

  const worker = async (): Promise<void> => {
    while (failed === undefined && next / limit <= lastIndex) {
      if (next >= speculateUntil && inflight > 0) {
        await new Promise<void>((resolve) => waiters.push(resolve));
        continue;
      }
      const offset = next;
      next += limit;
      inflight++;
      try {
        const result = await fetchPage(offset, limit);
        const index = offset / limit;
        if (index <= lastIndex) {
          pages[index] = result.items;
          if (result.items.length > 0) options.onPage?.(result.items, offset);
          if (!result.hasMore || result.items.length < limit) lastIndex = Math.min(lastIndex, index);
        }
      } catch (err) {
        failed ??= err;
      } finally {
        inflight--;
        wakeAll();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  if (failed !== undefined) throw failed;
  const out: T[] = [];
  for (let i = 0; i < pages.length && i <= lastIndex; i++) out.push(...(pages[i] ?? []));
  return out;
}
