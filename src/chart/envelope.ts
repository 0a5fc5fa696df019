import type { Columns } from '../core/buffer.js';

/**
 * A per-pixel summary of many points, kept up to date as points arrive and leave.
 *
 * Time is cut into buckets of a fixed width (half a pixel to a pixel of the chart). For each bucket
 * it keeps the first and last point, and per series the point with the smallest and largest
 * value and the first `NaN`. Drawing just those real points as a line colours the same pixels as
 * drawing every point (M4), so a draw costs the chart's width, not the number of points, and an
 * update costs what arrived plus the bucket that lost its oldest points.
 *
 * Points are named by sequence number (see BoundedBuffer.firstSeq): index i of the columns is
 * point `firstSeq + i`.
 */
export class Envelope {
  private _bucketMs = 0;
  private _series = 0;
  /** Sequence number of the newest point folded in. */
  private _seen = -1;
  private _head = 0;
  // One entry per bucket (from _head on); per series, entry b * series + s.
  private _keys: number[] = [];
  private _first: number[] = [];
  private _last: number[] = [];
  private _minSeq: number[] = [];
  private _minVal: number[] = [];
  private _maxSeq: number[] = [];
  private _maxVal: number[] = [];
  private _nanSeq: number[] = [];
  // The drawn columns, kept from call to call: bucket b's points start at _outStart[b], the last
  // bucket's end at _outEnd. Buckets from _dirty on (and the first, if _headDirty) are written again.
  private _out: Float64Array[] = [];
  private _outStart: number[] = [];
  private _outEnd = 0;
  private _dirty = 0;
  private _headDirty = false;
  private _picked = new Float64Array(0);

  /** Buckets held (for tests and the benchmark). */
  get buckets(): number {
    return this._keys.length - this._head;
  }

  /** Width of a bucket in ms, 0 before the first update. */
  get bucketMs(): number {
    return this._bucketMs;
  }

  /** Forgets everything. */
  reset(): void {
    this._bucketMs = 0;
    this._seen = -1;
    this._head = 0;
    this._dirty = 0;
    this._headDirty = false;
    for (const list of this._lists()) list.length = 0;
  }

  /**
   * Brings the summary up to date with `columns` (whose first point is `firstSeq`) for a chart
   * `pixels` wide. Rebuilds only when a bucket is no longer half a pixel to a pixel wide.
   */
  update(columns: Columns, firstSeq: number, pixels: number): void {
    const time = columns[0];
    const n = time.length;
    const series = columns.length - 1;
    if (n === 0) {
      this.reset();
      return;
    }
    const msPerPixel = Math.max(time[n - 1] - time[0], 1) / Math.max(pixels, 1);
    const lastSeq = firstSeq + n - 1;
    const stale =
      this._bucketMs === 0 ||
      series !== this._series ||
      msPerPixel < this._bucketMs ||
      msPerPixel > this._bucketMs * 2 ||
      lastSeq < this._seen ||
      this._seen < firstSeq - 1;
    if (stale) {
      this.reset();
      this._series = series;
      this._bucketMs = msPerPixel * 0.75;
      for (let i = 0; i < n; i++) this._fold(columns, firstSeq, i);
    } else {
      this._forgetBefore(columns, firstSeq);
      for (let seq = this._seen + 1; seq <= lastSeq; seq++) this._fold(columns, firstSeq, seq - firstSeq);
    }
    this._seen = lastSeq;
  }

  /**
   * The summary as columns to draw (`[time, ...series]`), real points in time order: views of
   * storage kept from call to call, where only the buckets changed since the last call (new
   * points, and the oldest bucket when it lost some) are written again.
   */
  columns(source: Columns, firstSeq: number): Columns {
    const series = this._series;
    const width = 2 + 3 * series;
    if (this._picked.length < width) this._picked = new Float64Array(width);
    const head = this._head;
    const end = this._keys.length;
    // Where a bucket's points begin; a bucket not written yet begins where the last one ended.
    const startOf = (b: number) => (b < end && b < this._outStart.length ? this._outStart[b] : this._outEnd);
    // The first bucket, when it lost points, is written backwards from where the second begins:
    // every bucket is written at least a whole bucket's room from the start, so it fits.
    const from = Math.max(this._dirty, head);
    let at = from === head ? width : startOf(from);
    if (this._headDirty && from > head) {
      const count = this._pick(head);
      this._write(source, firstSeq, count, startOf(head + 1) - count, head);
    }
    const room = (end - from) * width;
    if (this._out.length !== series + 1 || this._out[0].length < at + room) {
      // Out of room behind: the buckets kept move to the front (behind the first bucket's room),
      // in larger storage if they and the new ones would not fit.
      const keptFrom = from > head ? this._outStart[head] : 0;
      const keptTo = from > head ? startOf(from) : 0;
      const needed = width + keptTo - keptFrom + room;
      const fits = this._out.length === series + 1 && this._out[0].length >= needed;
      const size = fits ? this._out[0].length : Math.ceil(Math.max(needed, 64) * 1.5);
      const old = this._out;
      this._out = Array.from({ length: series + 1 }, (_, c) => {
        if (fits) return old[c].copyWithin(width, keptFrom, keptTo);
        const bigger = new Float64Array(size);
        if (keptTo > keptFrom) bigger.set(old[c].subarray(keptFrom, keptTo), width);
        return bigger;
      });
      const shift = width - keptFrom;
      for (let b = head; b < from; b++) this._outStart[b] += shift;
      at = width + keptTo - keptFrom;
    }
    for (let b = from; b < end; b++) at += this._write(source, firstSeq, this._pick(b), at, b);
    this._outEnd = at;
    this._dirty = end;
    this._headDirty = false;
    const start = head < end ? this._outStart[head] : at;
    return this._out.map((column) => column.subarray(start, at)) as unknown as Columns;
  }

  /** Gathers bucket b's distinct points (sequence numbers, in order) at the start of _picked; returns how many. */
  private _pick(b: number): number {
    const picked = this._picked;
    const series = this._series;
    picked[0] = this._first[b];
    picked[1] = this._last[b];
    let count = 2;
    for (let s = 0; s < series; s++) {
      const at = b * series + s;
      if (this._minSeq[at] >= 0) {
        picked[count++] = this._minSeq[at];
        picked[count++] = this._maxSeq[at];
      }
      if (this._nanSeq[at] >= 0) picked[count++] = this._nanSeq[at];
    }
    // An insertion sort (at most 2 + 3 per series) that drops repeats as it goes.
    let distinct = 0;
    for (let k = 0; k < count; k++) {
      const seq = picked[k];
      let j = distinct;
      for (; j > 0 && picked[j - 1] > seq; j--) picked[j] = picked[j - 1];
      if (j > 0 && picked[j - 1] === seq) {
        for (; j < distinct; j++) picked[j] = picked[j + 1];
        continue;
      }
      picked[j] = seq;
      distinct++;
    }
    return distinct;
  }

  /** Writes the `count` points picked for bucket b at `at`; returns `count`. */
  private _write(source: Columns, firstSeq: number, count: number, at: number, b: number): number {
    const out = this._out;
    this._outStart[b] = at;
    for (let k = 0; k < count; k++) {
      const i = this._picked[k] - firstSeq;
      for (let c = 0; c < out.length; c++) out[c][at + k] = source[c][i];
    }
    return count;
  }

  /** Smallest and largest finite value held, or null. */
  valueRange(): [number, number] | null {
    let min = Infinity;
    let max = -Infinity;
    const from = this._head * this._series;
    for (let at = from; at < this._minVal.length; at++) {
      if (this._minSeq[at] < 0) continue;
      if (this._minVal[at] < min) min = this._minVal[at];
      if (this._maxVal[at] > max) max = this._maxVal[at];
    }
    return min <= max ? [min, max] : null;
  }

  private _fold(columns: Columns, firstSeq: number, i: number): void {
    const seq = firstSeq + i;
    const key = Math.floor(columns[0][i] / this._bucketMs);
    const series = this._series;
    let b = this._keys.length - 1;
    if (b < this._head || this._keys[b] !== key) {
      this._keys.push(key);
      this._first.push(seq);
      this._last.push(seq);
      for (let s = 0; s < series; s++) {
        this._minSeq.push(-1);
        this._minVal.push(0);
        this._maxSeq.push(-1);
        this._maxVal.push(0);
        this._nanSeq.push(-1);
      }
      b++;
    }
    this._last[b] = seq;
    if (b < this._dirty) this._dirty = b;
    for (let s = 0; s < series; s++) this._take(b * series + s, seq, columns[s + 1][i]);
  }

  private _take(at: number, seq: number, value: number): void {
    if (value !== value) {
      if (this._nanSeq[at] < 0) this._nanSeq[at] = seq;
    } else if (this._minSeq[at] < 0) {
      this._minSeq[at] = this._maxSeq[at] = seq;
      this._minVal[at] = this._maxVal[at] = value;
    } else if (value < this._minVal[at]) {
      this._minSeq[at] = seq;
      this._minVal[at] = value;
    } else if (value > this._maxVal[at]) {
      this._maxSeq[at] = seq;
      this._maxVal[at] = value;
    }
  }

  /** Drops buckets whose points all left, and re-summarises the one that lost some. */
  private _forgetBefore(columns: Columns, firstSeq: number): void {
    while (this._head < this._keys.length && this._last[this._head] < firstSeq) this._head++;
    if (this._head * 2 > this._keys.length && this._head > 256) this._compact();
    const b = this._head;
    if (b >= this._keys.length || this._first[b] >= firstSeq) return;
    const series = this._series;
    this._first[b] = firstSeq;
    this._headDirty = true;
    for (let s = 0; s < series; s++) {
      const at = b * series + s;
      this._minSeq[at] = this._maxSeq[at] = this._nanSeq[at] = -1;
    }
    for (let seq = firstSeq; seq <= this._last[b]; seq++) {
      const i = seq - firstSeq;
      for (let s = 0; s < series; s++) this._take(b * series + s, seq, columns[s + 1][i]);
    }
  }

  /** Moves the live buckets to the front so the lists do not grow while points stream. */
  private _compact(): void {
    const head = this._head;
    const series = this._series;
    for (const list of [this._keys, this._first, this._last, this._outStart]) list.splice(0, head);
    this._dirty = Math.max(0, this._dirty - head);
    for (const list of [this._minSeq, this._minVal, this._maxSeq, this._maxVal, this._nanSeq]) list.splice(0, head * series);
    this._head = 0;
  }

  private _lists(): number[][] {
    return [this._keys, this._first, this._last, this._outStart, this._minSeq, this._minVal, this._maxSeq, this._maxVal, this._nanSeq];
  }
}

