/** The timer functions schedulers use: `globalThis`'s, or a test's fake clock. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A scheduler's side of a shared tick: called with the time the tick was due. */
export type TickMember = (due: number) => void;

/**
 * Until when (ms, on the `now` clock) a member has nothing to do: a tick due at or before it would
 * bring it nothing. `-Infinity` when any tick may.
 */
export type Quiet = () => number;

/** A group of ticks: the ticker's own state, never handed out (its fields `_`-named, as private members are). */
interface Group {
  _intervalMs: number;
  /** When the next tick is due (ms, on the `now` clock). */
  _next: number;
  /** When its timer is set for: later than `_next` while every member is quiet. */
  _at: number;
  _timer: unknown;
  _members: Map<TickMember, Quiet | undefined>;
}

/**
 * Ticks shared by every scheduler that starts in the same task with the same interval: one timer
 * for them all, so their updates run in one task and their charts draw in one frame (fifty charts
 * at 0.5 s repaint twice a second, not a hundred times). A group keeps its phase: each tick is due
 * a whole number of intervals after the group's start, however late its timer runs; a timer late
 * by whole intervals runs one tick, for the latest due time, and a clock set back starts the
 * group again from then. A tick none of its members has anything to do for is not run: the timer
 * waits for the first tick after every member's quiet time (the built-in generator at an interval
 * shorter than its sample period wakes only for ticks that bring a point), and `wake()` brings it
 * back to the next tick when a member's quiet time moves earlier.
 */
export class Ticker {
  private readonly _groups = new Map<string, Group>();
  /** The start time of the group each interval joins in the current task. */
  private readonly _starts = new Map<number, number>();

  constructor(
    private readonly _timers: Timers,
    private readonly _now: () => number,
    private readonly _afterTask = afterTask,
  ) {}

  /** Joins `member` to the ticks every `intervalMs` of the group started in this task; returns how to leave. */
  join(intervalMs: number, member: TickMember, quiet?: Quiet): () => void {
    const now = this._now();
    let start = this._starts.get(intervalMs);
    // A start older than an interval is another schedule's (time moved on within one test's task),
    // and so is one in the future (the clock was set back before the task's end was heard).
    if (start === undefined || now < start || now >= start + intervalMs) {
      start = now;
      // Forgotten when the task is over, not at its first microtask: a framework's render or the
      // next listener of one event still starts in this task.
      if (this._starts.size === 0) this._afterTask(() => this._starts.clear());
      this._starts.set(intervalMs, start);
    }
    const key = `${intervalMs}@${start}`;
    let group = this._groups.get(key);
    if (!group) this._groups.set(key, (group = { _intervalMs: intervalMs, _next: start + intervalMs, _at: 0, _timer: undefined, _members: new Map() }));
    group._members.set(member, quiet);
    this.wake(member);
    const joined = group;
    return () => {
      joined._members.delete(member);
      if (joined._members.size === 0 && this._groups.get(key) === joined) {
        this._timers.clearTimeout(joined._timer);
        this._groups.delete(key);
      }
    };
  }

  /** The quiet time of `member` may have moved earlier: its group's timer, if set past the next tick, is set again. */
  wake(member: TickMember): void {
    for (const [key, group] of this._groups) {
      if (group._members.has(member) && group._at !== group._next) {
        this._timers.clearTimeout(group._timer);
        this._arm(key, group);
      }
    }
  }

  /** Sets the group's timer for its next tick on its phase after every member's quiet time. */
  private _arm(key: string, group: Group): void {
    const now = this._now();
    const interval = group._intervalMs;
    let at = group._next;
    let quiet = Infinity;
    for (const until of group._members.values()) quiet = Math.min(quiet, until?.() ?? -Infinity);
    // The first tick on the phase after every member's quiet time, and after now when ticks passed
    // while the group was quiet (it was woken between ticks).
    const after = Math.max(quiet, at > now ? -Infinity : now);
    if (after >= at) at += (Math.floor((after - at) / interval) + 1) * interval;
    group._timer = this._timers.setTimeout(() => this._tick(key, group), (group._at = at) - now);
  }

  private _tick(key: string, group: Group): void {
    if (this._groups.get(key) !== group) return;
    const now = this._now();
    const interval = group._intervalMs;
    const due = now < group._next ? now : group._next + Math.floor((now - group._next) / interval) * interval;
    group._next = due + interval;
    // The next tick is set once the members ran (their quiet times follow what they kept), even if
    // one throws; a member that stops (and leaves) in its tick ends the group when it is the last.
    try {
      for (const [member, quiet] of [...group._members]) if (group._members.has(member) && !(due <= (quiet?.() ?? -Infinity))) member(due);
    } finally {
      if (this._groups.get(key) === group) this._arm(key, group);
    }
  }
}

/**
 * Runs `callback` in a later task: a message, which a page's fake clock neither holds back nor
 * counts among its timers.
 */
function afterTask(callback: () => void): void {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    callback();
  };
  port2.postMessage(null);
}

const tickers = new WeakMap<Timers, Ticker>();

/** The page's ticker for `timers` (the global timers, or a test's fake clock). */
export function tickerFor(timers: Timers, now: () => number): Ticker {
  let ticker = tickers.get(timers);
  if (!ticker) tickers.set(timers, (ticker = new Ticker(timers, now)));
  return ticker;
}
