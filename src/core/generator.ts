import type { FeedChunk } from './chunk.js';

/** What the generator answers: always at once, in typed arrays. */
type GeneratedChunk = FeedChunk & { time: Float64Array; values: Float64Array[] };

export interface RandomSourceOptions {
  /** Number of series (columns) to generate. */
  columns: number;
  /** Milliseconds between points. */
  periodMs: number;
  /** Uniform random numbers in [0, 1); `Math.random` unless given (tests pass a seeded one). */
  random?: () => number;
  /**
   * Most points one call returns: the newest of the sequence (older ones would only be trimmed
   * by the caller). Unlimited unless given.
   */
  limit?: number;
}

/**
 * The built-in source: for a call `(since, now)` it returns the times `since + k·periodMs`
 * for k = 1, 2, … while they are before `now`, with an independent standard-normal value per
 * series and point. How far back `since` may reach is the caller's rule, not the generator's.
 */
export function createRandomSource({
  columns,
  periodMs,
  random = Math.random,
  limit = Infinity,
}: RandomSourceOptions): (since: number, now: number) => GeneratedChunk {
  const normal = createNormal(random);
  return (from: number, now: number): GeneratedChunk => {
    // Skip whole periods so that at most `limit` points remain: the times stay on the same grid.
    const skip = Math.ceil((now - from) / periodMs) - 1 - limit;
    const since = skip > 0 ? from + skip * periodMs : from;
    // One slot more than the division promises: it is floating point, the bound below is exact.
    const room = now > since ? Math.ceil((now - since) / periodMs) : 0;
    const time = new Float64Array(room);
    const values = Array.from({ length: columns }, () => new Float64Array(room));
    let n = 0;
    // Multiplying (not accumulating) keeps each time an exact step from `since`.
    for (let k = 1; n < room; k++) {
      const t = since + k * periodMs;
      if (!(t < now)) break;
      time[n] = t;
      for (const column of values) column[n] = normal();
      n++;
    }
    return n === room ? { time, values } : { time: time.subarray(0, n), values: values.map((c) => c.subarray(0, n)) };
  };
}

/** Standard-normal draws from uniform ones (Box–Muller, both outputs used). */
export function createNormal(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u1 = 1 - random(); // (0, 1]: log(0) would be -Infinity
    const u2 = random();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
}
