import { tickerFor, type Quiet, type Ticker, type Timers } from './ticker.js';

export interface SchedulerOptions<T> {
  /**
   * Starts one update (asks the source). May answer at once or with a promise. `at` is the time
   * a scheduled tick was due (a timer runs a little late); it is absent for any other update.
   */
  call: (at?: number) => T | PromiseLike<T>;
  /** Takes what a call answered in time. May throw: that counts as the update failing. */
  deliver: (value: T) => void;
  /** Takes why an update failed: the call threw, rejected or timed out, or `deliver` threw. */
  fail: (error: unknown) => void;
  /** An update came due while a call is still unanswered: it waits for that call to settle. */
  waiting?: () => void;
  /** Milliseconds between updates while running. */
  intervalMs: number;
  /**
   * Until when a call would bring nothing (see `Quiet`): scheduled ticks due until then are not
   * run. Call `wake()` when it moves earlier.
   */
  quiet?: Quiet;
  /** Milliseconds after which an unsettled call counts as failed. */
  timeoutMs?: number;
  timers?: Timers;
  /** The current time in ms (`Date.now` unless a test passes its own). */
  now?: () => number;
}

/** What a call that did not settle in time fails with. */
export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`data-feed: the source did not answer within ${ms / 1000} s`);
    this.name = 'TimeoutError';
  }
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** The call in flight: the scheduler's own state, never handed out (its fields `_`-named, as private members are). */
interface Flight {
  _timer: unknown;
  _waiters: Waiter[];
}

/** The update waiting for the call in flight: the scheduler's own state, as `Flight` is. */
interface Pending {
  /** A `refresh()` is waiting: run even when stopped or inactive. */
  _forced: boolean;
  _waiters: Waiter[];
}

/** A call unsettled this long (ms) fails: the contract's 10 s. */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Decides when updates run. While running and active it runs one update at once and then one
 * every interval, on ticks shared with every scheduler started in the same task with the same
 * interval (see `Ticker`): they tick in one task, and their charts draw in one frame. Calls never overlap: an update that comes due while one is in flight runs as
 * soon as that one settles, and several such collapse into one. A call unsettled after the
 * timeout fails, and what it delivers later is dropped. While inactive (element detached or
 * page hidden) nothing runs; becoming active again runs one catch-up update at once.
 */
export class Scheduler<T> {
  private readonly _options: SchedulerOptions<T>;
  private readonly _timers: Timers;
  private readonly _timeoutMs: number;
  private readonly _now: () => number;
  private readonly _ticker: Ticker;
  private _intervalMs: number;
  private _running = false;
  private _active = false;
  /** Leaves the shared ticks this scheduler joined, or null when it has none. */
  private _leave: (() => void) | null = null;
  private readonly _onTick = (due: number) => this._request(false, undefined, due);
  private _flight: Flight | null = null;
  private _pending: Pending | null = null;

  constructor(options: SchedulerOptions<T>) {
    this._options = options;
    this._timers = options.timers ?? globalThis;
    this._timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this._now = options.now ?? Date.now;
    this._intervalMs = options.intervalMs;
    this._ticker = tickerFor(this._timers, this._now);
  }

  /** Whether updates run on schedule (streaming). */
  get running(): boolean {
    return this._running;
  }

  /** Whether a call is in flight. */
  get busy(): boolean {
    return this._flight !== null;
  }

  get intervalMs(): number {
    return this._intervalMs;
  }

  /** Turns scheduled updates on: one at once (if active), then one every interval. */
  start(): void {
    if (this._running) return;
    this._running = true;
    this._kick();
  }

  /** Turns scheduled updates off. No update starts after this but a waiting `refresh()`. */
  stop(): void {
    if (!this._running) return;
    this._running = false;
    this._cancelTick();
    this._dropUnforced();
  }

  /** Changes the interval; while running and active, updates at once and reschedules. */
  setInterval(ms: number): void {
    if (ms === this._intervalMs) return;
    this._intervalMs = ms;
    this._kick();
  }

  /** Pauses (false) or resumes (true) updates; resuming a running scheduler catches up at once. */
  setActive(active: boolean): void {
    if (active === this._active) return;
    this._active = active;
    if (active) {
      this._kick();
    } else {
      this._cancelTick();
      this._dropUnforced();
    }
  }

  /** The quiet time may have moved earlier: the next scheduled tick is not skipped for the old one. */
  wake(): void {
    this._ticker.wake(this._onTick);
  }

  /** One update now, whatever the state; settles with that update (or the one it joined). */
  refresh(): Promise<void> {
    return new Promise((resolve, reject) => this._request(true, { resolve, reject }));
  }

  /** While running and active: the next tick one interval from now, and an update at once. */
  private _kick(): void {
    if (!this._due()) return;
    this._scheduleTick();
    this._request(false);
  }

  private _due(): boolean {
    return this._running && this._active;
  }

  /** The schedule starts now: ticks every interval from now, with the others started in this task. */
  private _scheduleTick(): void {
    this._cancelTick();
    this._leave = this._ticker.join(this._intervalMs, this._onTick, this._options.quiet);
  }

  private _cancelTick(): void {
    this._leave?.();
    this._leave = null;
  }

  private _dropUnforced(): void {
    if (this._pending && !this._pending._forced) this._pending = null;
  }

  /** `at`: the time a tick was due; an update that waits for a call in flight runs on the clock. */
  private _request(forced: boolean, waiter?: Waiter, at?: number): void {
    if (this._flight) {
      if (this._flight._timer !== undefined) this._options.waiting?.();
      const pending = (this._pending ??= { _forced: false, _waiters: [] });
      pending._forced ||= forced;
      if (waiter) pending._waiters.push(waiter);
      return;
    }
    this._launch(waiter ? [waiter] : [], at);
  }

  private _launch(waiters: Waiter[], at?: number): void {
    const flight: Flight = { _timer: undefined, _waiters: waiters };
    this._flight = flight;
    let answer: T | PromiseLike<T>;
    let later: boolean;
    try {
      answer = this._options.call(at);
      later = isThenable(answer); // reads `then`, which a hostile answer may make throw
    } catch (error) {
      this._settle(flight, false, error);
      return;
    }
    if (later) {
      flight._timer = this._timers.setTimeout(
        () => this._settle(flight, false, new TimeoutError(this._timeoutMs)),
        this._timeoutMs,
      );
      // Promise.resolve adopts hostile thenables safely: a throwing `then` becomes a rejection.
      Promise.resolve(answer as PromiseLike<T>).then(
        (value) => this._settle(flight, true, value),
        (error: unknown) => this._settle(flight, false, error),
      );
    } else {
      this._settle(flight, true, answer as T);
    }
  }

  private _settle(flight: Flight, ok: boolean, outcome: unknown): void {
    if (this._flight !== flight) return; // timed out earlier: what it brings now is dropped
    this._flight = null;
    if (flight._timer !== undefined) this._timers.clearTimeout(flight._timer);
    let failed = !ok;
    let error = ok ? undefined : outcome;
    if (ok) {
      try {
        this._options.deliver(outcome as T);
      } catch (thrown) {
        failed = true;
        error = thrown;
      }
    }
    if (failed) this._options.fail(error);
    for (const waiter of flight._waiters) {
      if (failed) waiter.reject(error);
      else waiter.resolve();
    }
    // `deliver` or `fail` may have started another call (a refresh from an event listener).
    const pending = this._pending;
    if (pending && !this._flight) {
      this._pending = null;
      if (pending._forced || this._due()) this._launch(pending._waiters);
    }
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<T>).then === 'function';
}
