import { formatSpan, formatValue } from './format.js';

/** Least time between two announcements of new data, in ms. */
const ANNOUNCE_EVERY_MS = 5_000;

/**
 * The chart in words, for screen readers: the series, how many points, the time they span and
 * the latest value of each series. `time` formats a time (ms since the epoch).
 */
export function summarize(names: readonly string[], columns: readonly ArrayLike<number>[], time: (ms: number) => string): string {
  const [times] = columns;
  const n = times.length;
  const series = `${listOf(names)}.`;
  if (n === 0) return `${series} No points yet.`;
  const first = times[0];
  const last = times[n - 1];
  const points = n === 1 ? `1 point, at ${time(last)}.` : `${n} points from ${time(first)} to ${time(last)} (${formatSpan(last - first)}).`;
  return `${series} ${points} Latest: ${latestValues(names, columns)}.`;
}

/** What new data to announce: "New data at <time>: A 0.12, B −0.34." */
export function describeLatest(names: readonly string[], columns: readonly ArrayLike<number>[], time: (ms: number) => string): string {
  const [times] = columns;
  return `New data at ${time(times[times.length - 1])}: ${latestValues(names, columns)}.`;
}

function latestValues(names: readonly string[], columns: readonly ArrayLike<number>[]): string {
  const last = columns[0].length - 1;
  return names.map((name, i) => `${name} ${formatValue(columns[i + 1][last])}`).join(', ');
}

function listOf(names: readonly string[]): string {
  const label = names.length === 1 ? 'Series' : `${names.length} series`;
  return `${label} ${names.join(', ')}`;
}

/**
 * Lets an announcement through at most once every 5 s (time injected): new data is told
 * politely, never on every update.
 */
export class Throttle {
  private _last = -Infinity;

  /** Whether something may be announced at `now` (ms); if so, the next may come 5 s later. */
  take(now: number): boolean {
    // A clock set back does not silence announcements until it catches up.
    if (now >= this._last && now - this._last < ANNOUNCE_EVERY_MS) return false;
    this._last = now;
    return true;
  }

  /** Forgets the last announcement (a new stream starts afresh). */
  reset(): void {
    this._last = -Infinity;
  }
}
