/**
 * Long computations written once as generators that `yield` every so often, then run either at once
 * (a request that needs the answer now) or in slices of a few milliseconds between event-loop turns
 * (background preparation, so requests are never stuck behind 50 ms of sorting).
 */

export type Steps<T> = Generator<void, T>;

/** Resolves on a later event-loop turn, after pending I/O callbacks (requests) have run. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `onSlice` hears how long each slice ran (a step longer than `sliceMs` makes a longer slice). */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 5, onSlice?: (ms: number) => void): Promise<T> {
  for (;;) {
    const start = performance.now();
    const until = start + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        onSlice?.(performance.now() - start);
        return step.value;
      }
      if (performance.now() >= until) break;
    }
    onSlice?.(performance.now() - start);
    await nextTurn();
  }
}

const RUN = 32;
/** Comparisons between yields: well under a millisecond. */
const WORK_PER_YIELD = 4_096;

/**
 * Sorts `items` (in place or into a second buffer; use the result) with a bottom-up merge sort that
 * yields every few thousand comparisons. Stable. Native `Array.prototype.sort` is faster when the
 * answer is needed at once; this one can be interleaved with requests.
 */
export function* mergeSortSteps(items: Uint32Array, compare: (a: number, b: number) => number): Steps<Uint32Array> {
  const n = items.length;
  let work = 0;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = items[i]!;
      let j = i - 1;
      while (j >= lo && compare(items[j]!, v) > 0) {
        items[j + 1] = items[j]!;
        j--;
      }
      items[j + 1] = v;
    }
    work += RUN * 4;
    if (work >= WORK_PER_YIELD) {
      work = 0;
      yield;
    }
  }
  let src: Uint32Array = items;
  let dst: Uint32Array = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) {
        dst[o++] = compare(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
        if (++work >= WORK_PER_YIELD) {
          work = 0;
          yield;
        }
      }
      while (i < mid) dst[o++] = src[i++]!;
      while (j < hi) dst[o++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}
