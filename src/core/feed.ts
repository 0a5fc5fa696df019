import { BoundedBuffer } from './buffer.js';
import { checkChunk, type FeedSource } from './chunk.js';
import { createRandomSource } from './generator.js';
import { Scheduler } from './scheduler.js';

/** The built-in generator never makes more than this many points in one call (older ones would be trimmed). */
const MAX_GENERATED = 10_000;

export interface FeedOptions {
  /** Number of series at first. */
  seriesCount: number;
  /** Most points kept at first. */
  capacity: number;
  /** Seconds between updates while streaming, at first. */
  interval: number;
  /** Seconds one update reaches back at most, at first. */
  backfill: number;
  /** Seconds between the points of the built-in generator, at first. */
  samplePeriod: number;
  /** The current time in ms since the epoch (the element passes `Date.now`). */
  now: () => number;
  /** The points kept changed: `added` accepted from a chunk, `dropped` removed. Not called for no change. */
  kept: (added: number, dropped: number) => void;
  /** An update delivered its chunk (before `kept` reports the points). */
  delivered: () => void;
  /** An update failed: the source threw, rejected, timed out or answered a malformed chunk. */
  fail: (error: unknown) => void;
  /** A load is owed (first, or after the points were forgotten) and the feed is active: run one (`refresh()`). */
  load: () => void;
  /** An update came due while the source has not answered the last call. */
  waiting?: () => void;
}

/**
 * The data flow behind `<data-feed>`: the kept points, when updates run, and what each update
 * asks its source. An update asks for the points after the last kept one (reaching back at most
 * `backfill` seconds) up to now; the built-in generator answers when there is no `source`.
 * Forgetting the points (a new source or number of columns, `clear()`) drops the answers to calls
 * made before, and owes a load that runs once the feed is active.
 */
export class Feed {
  /** Where data comes from; `null` means the built-in random generator. Set it with `setSource`. */
  source: FeedSource | null = null;
  /** Seconds one update reaches back at most; after lowering it, `scheduler.wake()`. */
  backfill: number;
  /** Seconds between the points of the built-in generator; after lowering it, `scheduler.wake()`. */
  samplePeriod: number;

  /**
   * When updates run: `start()`, `stop()`, `setInterval(ms)`, `refresh()`. Its activity is set
   * through `setActive`, which also runs a load that is owed.
   */
  readonly scheduler: Scheduler<unknown>;
  private readonly _options: FeedOptions;
  private _buffer: BoundedBuffer;
  private _active = false;
  /** No update has run since the data was forgotten: the first-load backfill is still owed. */
  private _owesLoad = true;
  /** Bumped whenever kept points are forgotten; an answer asked for before that is dropped. */
  private _generation = 0;
  private _callGeneration = 0;
  /** The `now` the last call asked up to. */
  private _askedUpTo = -Infinity;

  constructor(options: FeedOptions) {
    this._options = options;
    this.backfill = options.backfill;
    this.samplePeriod = options.samplePeriod;
    this._buffer = new BoundedBuffer(options.seriesCount, options.capacity);
    this.scheduler = new Scheduler<unknown>({
      intervalMs: options.interval * 1000,
      call: (at) => this._call(at),
      deliver: (answer) => this._deliver(answer),
      fail: options.fail,
      waiting: options.waiting,
      now: options.now,
      quiet: () => this._quiet(),
    });
  }

  /**
   * Until when an update would bring nothing: with the built-in generator and a point kept, no
   * update asking up to a time within a sample period of it (or within the backfill, when that is
   * shorter) finds a point, as the generator's first point is one period after the last kept one.
   * Any other source may answer at any time.
   */
  private _quiet(): number {
    const last = this._buffer.lastTime;
    return this.source ? -Infinity : last + Math.min(this.samplePeriod, this.backfill) * 1000;
  }

  /** The kept points (a new buffer after `setColumns`). */
  get buffer(): BoundedBuffer {
    return this._buffer;
  }

  /** Pauses (false) or resumes (true) updates; resuming runs a load that is owed (`later`: in a microtask). */
  setActive(active: boolean, later = false): void {
    this._active = active;
    this.scheduler.setActive(active);
    if (!active || !this._owesLoad) return;
    // While a call is in flight the load waits for it (collapsing with any other waiting update).
    if (later) queueMicrotask(() => this.setActive(this._active));
    else this._options.load();
  }

  /** Appends a chunk from the host; throws a `TypeError` for a malformed one (appending nothing). */
  append(chunk: unknown): void {
    const checked = checkChunk(chunk, this._buffer.seriesCount);
    const { added, dropped } = this._buffer.append(checked.time, checked.values);
    this._kept(added, dropped);
  }

  /** Keeps at most `capacity` points, trimming the oldest at once. */
  setCapacity(capacity: number): void {
    this._kept(0, this._buffer.setCapacity(capacity));
  }

  /** A different number of series forgets the kept points and owes a load. */
  setSeriesCount(count: number): void {
    if (count !== this._buffer.seriesCount) this._forget(() => (this._buffer = new BoundedBuffer(count, this._buffer.capacity)));
  }

  /**
   * The answer being delivered named the series (a server feed's first answer): a buffer for
   * `count` series, without dropping that answer or owing another load.
   */
  reshape(count: number): void {
    if (count === this._buffer.seriesCount) return;
    const dropped = this._buffer.size;
    this._buffer = new BoundedBuffer(count, this._buffer.capacity);
    this._kept(0, dropped);
  }

  /** A different source forgets the kept points and owes a load. */
  setSource(source: FeedSource | null): void {
    if (source === this.source) return;
    this.source = source;
    this._forget(() => this._buffer.clear());
  }

  /** Forgets all points; the next update backfills again. */
  clear(): void {
    this._forget(() => this._buffer.clear(), false);
  }

  /**
   * Asks the source. A scheduled tick asks up to the time it was due, not the moment its timer
   * ran (a millisecond or more later), so ticks one interval apart ask for spans one interval long:
   * on the built-in generator's grid each brings the same number of points. `at` is never after
   * the clock; it is not used if an update since asked further.
   */
  private _call(at?: number): unknown {
    this._owesLoad = false;
    this._callGeneration = this._generation;
    const now = at !== undefined && at >= this._askedUpTo ? at : this._options.now();
    this._askedUpTo = now;
    const buffer = this._buffer;
    const since = Math.max(buffer.lastTime, now - this.backfill * 1000);
    // The built-in generator is cheap to make: one for each call follows the settings of the moment.
    // Points older than the newest `capacity` would be trimmed anyway: it need not make them.
    const source =
      this.source ??
      createRandomSource({ columns: buffer.seriesCount, periodMs: this.samplePeriod * 1000, limit: Math.max(buffer.capacity, MAX_GENERATED) });
    return source(since, now);
  }

  private _deliver(answer: unknown): void {
    // Asked before the points were forgotten (new source or columns, clear()): it no longer fits.
    if (this._callGeneration !== this._generation) return;
    const chunk = checkChunk(answer, this._buffer.seriesCount);
    const { added, dropped } = this._buffer.append(chunk.time, chunk.values);
    this._options.delivered();
    this._kept(added, dropped);
  }

  private _kept(added: number, dropped: number): void {
    if (added > 0 || dropped > 0) this._options.kept(added, dropped);
  }

  /** Forgets the kept points (by `forget`), drops answers asked for before, and owes a load. */
  private _forget(forget: () => void, reload = true): void {
    const dropped = this._buffer.size;
    forget();
    this._generation++;
    this.scheduler.wake();
    this._kept(0, dropped);
    if (!reload) return;
    this._owesLoad = true;
    // Deferred, so that a page setting several properties in a row causes one load, and an
    // explicit start() or refresh() right after takes its place.
    queueMicrotask(() => this.setActive(this._active));
  }
}
