import { toNumber } from './chunk.js';

/** Columns as uPlot takes them: times first, then one column per series. */
export type Columns = readonly [Float64Array, ...Float64Array[]];

/** The most points a buffer may keep. */
export const MAX_CAPACITY = 1_000_000;

const MIN_STORAGE = 64;
/** Append scratch larger than this (in points) is given back after use. */
const MAX_SCRATCH = 4096;
// Spare room past capacity: compaction (one copy of what is kept) happens once per `slack`
// appended points, so each point costs O(capacity / slack) = O(1) copies, with a ceiling that
// keeps a buffer of a million points from doubling its memory.
const slackFor = (capacity: number) => Math.min(Math.max(capacity, MIN_STORAGE), 1 << 16);

/**
 * The newest `capacity` points of `seriesCount` series, in columnar typed arrays.
 *
 * Appending n points costs O(n) amortised whatever the capacity; `columns()` hands out views
 * (no copies) in the form uPlot draws from. Times strictly increase: a point whose time is not
 * finite, or not after the last kept point, is skipped. A value that is not a number is kept as
 * `NaN` (a gap in the line).
 */
export class BoundedBuffer {
  /** Number of series (value columns). */
  readonly seriesCount: number;
  private _capacity: number;
  private _time: Float64Array;
  private _values: Float64Array[];
  private _start = 0;
  private _end = 0;
  /** Points ever dropped: the sequence number of the oldest kept point. */
  private _firstSeq = 0;
  /** NaN entries kept, per series: lets drawing skip the search for gaps when there are none. */
  private _gaps: number[];
  private _views: Columns | null = null;
  // Scratch for append, reused from call to call (kept only while small): the chunk index and time
  // of each accepted point (a ring of the newest `capacity`), and the values of those written.
  private _at = new Float64Array(0);
  private _ring = new Float64Array(0);
  private _staged: Float64Array[] = [];

  constructor(seriesCount: number, capacity: number) {
    this.seriesCount = checkCount('seriesCount', seriesCount);
    this._capacity = checkCount('capacity', capacity, MAX_CAPACITY);
    this._time = new Float64Array(0);
    this._values = Array.from({ length: seriesCount }, () => new Float64Array(0));
    this._gaps = new Array<number>(seriesCount).fill(0);
  }

  get size(): number {
    return this._end - this._start;
  }

  get capacity(): number {
    return this._capacity;
  }

  /**
   * Sequence number of the oldest kept point: every point appended gets the next number, so a
   * reader can tell which points are new and which have left since it last looked.
   */
  get firstSeq(): number {
    return this._firstSeq;
  }

  /** Time of the newest kept point, or `-Infinity` when empty. */
  get lastTime(): number {
    return this._end > this._start ? this._time[this._end - 1] : -Infinity;
  }

  /** Number of `NaN` values kept in series `index`. */
  gapCount(index: number): number {
    return this._gaps[index];
  }

  /**
   * Appends the accepted points of `time` / `values` (already checked to be one column per
   * series, each as long as `time`), dropping the oldest beyond capacity.
   *
   * All or nothing: every entry is read once, before anything changes, so a chunk whose entries
   * throw when read (or answer differently when read again) leaves the buffer as it was.
   */
  append(time: ArrayLike<unknown>, values: ArrayLike<unknown>[]): { added: number; dropped: number } {
    const n = time.length;
    // Only the newest `capacity` accepted points are remembered (in a ring): a chunk longer than
    // the capacity costs no more than what it keeps.
    const room = Math.min(n, this._capacity);
    this._reserveScratch(room);
    const at = this._at;
    const ring = this._ring;
    let accepted = 0;
    let slot = 0;
    let last = this.lastTime;
    for (let i = 0; i < n; i++) {
      const t = toNumber(time[i]);
      if (t > last && t !== Infinity) {
        at[slot] = i;
        ring[slot] = t;
        if (++slot === room) slot = 0;
        accepted++;
        last = t;
      }
    }
    if (accepted === 0) return { added: 0, dropped: 0 };

    // Chunk order starts at the ring's oldest slot: `slot` once it has wrapped.
    const write = Math.min(accepted, room);
    const first = accepted > room ? slot : 0;
    for (let c = 0; c < this.seriesCount; c++) {
      const column = values[c];
      const into = this._staged[c];
      for (let k = 0, s = first; k < write; k++) {
        const v = toNumber(column[at[s]]);
        // ±Infinity cannot be drawn (it would stretch the y axis without end): a gap, like NaN.
        into[k] = v - v === 0 ? v : NaN;
        if (++s === room) s = 0;
      }
    }

    // Everything is read: only now does the buffer change.
    const droppedOld = Math.max(0, this.size + write - this._capacity);
    this._dropOldest(droppedOld);
    this._makeRoom(write);
    const end = this._end;
    if (first === 0) {
      this._time.set(ring.subarray(0, write), end);
    } else {
      this._time.set(ring.subarray(first, room), end);
      this._time.set(ring.subarray(0, first), end + room - first);
    }
    for (let c = 0; c < this.seriesCount; c++) {
      const into = this._staged[c];
      const column = this._values[c];
      let gaps = 0;
      for (let k = 0; k < write; k++) {
        const v = into[k];
        column[end + k] = v;
        if (v !== v) gaps++;
      }
      this._gaps[c] += gaps;
    }
    this._end = end + write;
    this._views = null;
    if (room > MAX_SCRATCH) this._reserveScratch(-1);
    return { added: accepted, dropped: droppedOld + accepted - write };
  }

  /** Sets the capacity; returns how many of the oldest points that dropped. */
  setCapacity(capacity: number): number {
    this._capacity = checkCount('capacity', capacity, MAX_CAPACITY);
    const dropped = Math.max(0, this.size - this._capacity);
    this._dropOldest(dropped);
    const wanted = this._capacity + slackFor(this._capacity);
    // Give memory back when the capacity falls far below what is allocated.
    if (this._time.length > 2 * wanted) this._reallocate(Math.max(MIN_STORAGE, 2 * this.size));
    return dropped;
  }

  /** Forgets every point; returns how many there were. */
  clear(): number {
    const size = this.size;
    this._firstSeq += size;
    this._start = this._end = 0;
    this._gaps.fill(0);
    this._views = null;
    if (this._time.length > MIN_STORAGE) this._reallocate(0);
    return size;
  }

  /** Views of the kept points as `[time, ...series]`, valid until the next change. */
  columns(): Columns {
    if (!this._views) {
      const start = this._start;
      const end = this._end;
      this._views = [this._time.subarray(start, end), ...this._values.map((c) => c.subarray(start, end))];
    }
    return this._views;
  }

  /** The smallest and largest finite value kept in any series, or `null` when there is none. */
  valueRange(): [number, number] | null {
    let min = Infinity;
    let max = -Infinity;
    for (const column of this._values) {
      for (let i = this._start; i < this._end; i++) {
        const v = column[i];
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return min <= max ? [min, max] : null;
  }

  /** A copy of the kept points as plain arrays. */
  snapshot(): { time: number[]; values: number[][] } {
    const [time, ...values] = this.columns();
    return { time: Array.from(time), values: values.map((c) => Array.from(c)) };
  }

  /** Scratch room for `count` points; a negative count gives large scratch back. */
  private _reserveScratch(count: number): void {
    if (count < 0) {
      this._at = this._ring = new Float64Array(0);
      this._staged = [];
      return;
    }
    if (this._at.length >= count && this._staged.length === this.seriesCount) return;
    const length = Math.max(count, Math.min(2 * this._at.length, MAX_SCRATCH), 8);
    this._at = new Float64Array(length);
    this._ring = new Float64Array(length);
    this._staged = Array.from({ length: this.seriesCount }, () => new Float64Array(length));
  }

  private _dropOldest(count: number): void {
    if (count <= 0) return;
    const start = this._start;
    for (let c = 0; c < this._values.length; c++) {
      if (this._gaps[c] === 0) continue;
      const column = this._values[c];
      for (let i = start; i < start + count; i++) if (column[i] !== column[i]) this._gaps[c]--;
    }
    this._start += count;
    this._firstSeq += count;
    this._views = null;
  }

  /** Ensures `count` more points fit after the kept ones. */
  private _makeRoom(count: number): void {
    const length = this._time.length;
    if (this._end + count <= length) return;
    const needed = this.size + count;
    const limit = this._capacity + slackFor(this._capacity);
    if (length < limit && needed * 2 > length) {
      this._reallocate(Math.min(limit, Math.max(MIN_STORAGE, needed * 2)));
    } else {
      this._time.copyWithin(0, this._start, this._end);
      for (const column of this._values) column.copyWithin(0, this._start, this._end);
      this._end -= this._start;
      this._start = 0;
    }
  }

  private _reallocate(length: number): void {
    const size = this.size;
    const move = (old: Float64Array) => {
      const fresh = new Float64Array(Math.max(length, size));
      fresh.set(old.subarray(this._start, this._end));
      return fresh;
    };
    this._time = move(this._time);
    this._values = this._values.map(move);
    this._start = 0;
    this._end = size;
    this._views = null;
  }
}

/** `count` if it is an integer in [1, `max`]; else a `RangeError` naming `what`. */
function checkCount(what: string, count: number, max = Infinity): number {
  if (!(Number.isInteger(count) && count >= 1 && count <= max)) {
    throw new RangeError(`data-feed: ${what} must be an integer in [1, ${max}], got ${count}`);
  }
  return count;
}
