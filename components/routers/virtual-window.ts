/**
 * Which rows of a fixed-row-height list are in the DOM, and which server windows they need. Pure
 * functions, so the math is unit-tested apart from scrolling.
 */
export interface VisibleRange {
  /** First row rendered (inclusive). */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan: number,
): VisibleRange {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, total - 1));
  const end = Math.min(total, first + count + overscan);
  return { start, end: Math.max(start, end) };
}

/** Indexes of the windows of `windowSize` rows that cover [start, end). */
export function windowsFor(range: VisibleRange, windowSize: number): number[] {
  if (range.end <= range.start) return [0];
  const first = Math.floor(range.start / windowSize);
  const last = Math.floor((range.end - 1) / windowSize);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/** The first row whose top is at or below scrollTop: what the URL calls `offset`. */
export function firstVisibleRow(scrollTop: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.max(0, Math.floor(scrollTop / rowHeight)) : 0;
}
