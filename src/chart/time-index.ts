import type { Columns } from '../core/buffer.js';

/**
 * Index of the first time at or after `t` (with `after`, after `t`) in the increasing `time`, or
 * its length when there is none: a binary search.
 */
export function timeIndex(time: ArrayLike<number>, t: number, after = false): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time[mid] < t || (after && time[mid] === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The points `lo` to `hi` (exclusive) of `columns`, as views (no copy). */
export function sliceColumns(columns: Columns, lo: number, hi: number): Columns {
  return columns.map((column) => column.subarray(lo, hi)) as unknown as Columns;
}

/** The smallest and largest finite value of any series among points `lo` to `hi` (exclusive), or null. */
export function valueRangeIn(columns: Columns, lo: number, hi: number): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (let c = 1; c < columns.length; c++) {
    const column = columns[c];
    for (let i = lo; i < hi; i++) {
      const v = column[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : null;
}
