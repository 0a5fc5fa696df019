/** The first delay, in seconds. */
const FIRST = 1;
/** The longest delay, in seconds. */
const LONGEST = 30;

/**
 * Delays before reconnecting a feed: 1 s, then doubling up to 30 s, each moved by random jitter of at
 * most half of it (so that many pages dropped at once do not come back at once). A delay never exceeds
 * the longest: at the top, the jitter only shortens it. `reset()` once a connection has brought points
 * starts again from 1 s.
 */
export class Backoff {
  /** How many delays were given since the last reset: the number of the coming reconnect, from 1. */
  attempt = 0;

  /** `random`: a random number in [0, 1), as `Math.random` gives (the default). */
  constructor(private readonly _random: () => number = Math.random) {}

  /** The next delay, in seconds. */
  next(): number {
    const delay = Math.min(LONGEST, FIRST * 2 ** this.attempt++);
    const moved = delay * (0.5 + this._random());
    // Jitter that would go past the longest delay is turned back below it.
    return Math.min(moved, 2 * LONGEST - moved);
  }

  /** A connection brought points: the next delay is the first again. */
  reset(): void {
    this.attempt = 0;
  }
}
