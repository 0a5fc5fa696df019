// Sources the stories hand to `<data-feed>`: deterministic, so a story looks the same every time.
//
// Each is made once per set of arguments: a story re-rendered with other args keeps its source
// (the element forgets its points whenever it is given a different one).
import type { FeedChunk, FeedSource } from '../src/index.js';

/** One wave per series: period (ms) and phase (radians). */
const WAVES = [
  { period: 20_000, phase: 0 },
  { period: 7_000, phase: 1 },
  { period: 3_000, phase: 2 },
];

/** The value of wave `index` (repeating past the last, smaller each round) at time `t` (ms since the epoch). */
export function wave(index: number, t: number): number {
  const { period, phase } = WAVES[index % WAVES.length];
  return Math.sin((2 * Math.PI * t) / period + phase) * (1 - 0.2 * Math.floor(index / WAVES.length));
}

/** `make` with a cache: one result per key. */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/**
 * Sine waves for `columns` series, a point every 100 ms on a fixed grid (multiples of 100 ms since
 * the epoch): the points strictly after `since` and strictly before `now`, as the contract asks.
 */
export const sineSource = memo((columns: number): FeedSource => {
  const stepMs = 100;
  return (since, now) => {
    const first = Math.floor(since / stepMs) + 1; // first grid point after `since`
    const last = Math.ceil(now / stepMs) - 1; // last grid point before `now`
    const time: number[] = [];
    const values: number[][] = Array.from({ length: columns }, () => []);
    for (let k = first; k <= last; k++) {
      const t = k * stepMs;
      time.push(t);
      values.forEach((column, i) => column.push(wave(i, t)));
    }
    return { time, values };
  };
});

/**
 * Sine sources (by number of series) that throw on every second call, the first succeeding: a
 * flaky connection. Calls are counted across the sources of one `flakySines()`, so a story makes
 * one per mount and picks the source for its current series.
 */
export function flakySines(): (columns: number) => FeedSource {
  let calls = 0;
  return memo((columns) => (since, now) => {
    calls++;
    if (calls % 2 === 0) throw new Error(`sensor offline (call ${calls}: every other call fails)`);
    return sineSource(columns)(since, now);
  });
}

/** A source that never has anything new, for `columns` series: the host pushes all the points. */
export const silentSource = memo((columns: number): FeedSource => () => ({
  time: [],
  values: Array.from({ length: columns }, () => []),
}));

/** One point at `t` for `columns` series, as a host would push it with `append()`. */
export function pointAt(t: number, columns: number): FeedChunk {
  return { time: [t], values: Array.from({ length: columns }, (_, i) => [wave(i, t) + 0.1 * wave(i + 1, 5 * t)]) };
}
