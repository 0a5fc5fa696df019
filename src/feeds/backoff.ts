export interface BackoffOptions {
  /** A random number in [0, 1), as `Math.random` gives (the default). */
  random?: () => number;
  /** The first delay, in seconds (1). */
  first?: number;
  /** The longest delay, in seconds (30). */
  max?: number;
}

/**
 * Delays before reconnecting a feed: 1 s, then doubling up to 30 s, each moved by random jitter of at
 * most half of it (so that many pages dropped at once do not come back at once). A delay never exceeds
 * the longest: at the top, the jitter only shortens it. `reset()` once a connection has brought points
 * starts again from 1 s.
 */
export class Backoff {
  /** How many delays were given since the last reset: the number of the coming reconnect, from 1. */
  attempt = 0;
  private readonly _random: () => number;
  private readonly _first: number;
  private readonly _max: number;

  constructor({ random = Math.random, first = 1, max = 30 }: BackoffOptions = {}) {
    this._random = random;
    this._first = first;
    this._max = max;
  }

  /** The next delay, in seconds. */
  next(): number {
    const delay = Math.min(this._max, this._first * 2 ** this.attempt++);
    const moved = delay * (0.5 + this._random());
    // Jitter that would go past the longest delay is turned back below it.
    return Math.min(moved, 2 * this._max - moved);
  }

  /** A connection brought points: the next delay is the first again. */
  reset(): void {
    this.attempt = 0;
  }
}
