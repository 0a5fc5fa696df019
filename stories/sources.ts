// Sources the stories hand to `<data-feed>`: deterministic, so a story looks the same every time.
import type { FeedChunk, FeedSource } from '../src/index.js';

/** One wave per series: period (ms) and phase (radians). */
const WAVES = [
  { period: 20_000, phase: 0 },
  { period: 7_000, phase: 1 },
  { period: 3_000, phase: 2 },
];

/** The value of wave `index` (repeating past the last) at time `t` (ms since the epoch). */
export function wave(index: number, t: number): number {
  const { period, phase } = WAVES[index % WAVES.length];
  return Math.sin((2 * Math.PI * t) / period + phase) * (1 - 0.2 * Math.floor(index / WAVES.length));
}

/**
 * Sine waves, `columns` series, one point every `stepMs` on a fixed grid (multiples of `stepMs`
 * since the epoch): the points strictly after `since` and strictly before `now`, as the contract asks.
 */
export function sineSource(columns: number, stepMs = 100): FeedSource {
  // The same function for the same arguments: a story re-rendered with other args then keeps
  // its source (a new source would make the element forget its points).
  const key = `${columns}/${stepMs}`;
  let source = sines.get(key);
  if (!source) sines.set(key, (source = makeSineSource(columns, stepMs)));
  return source;
}

const sines = new Map<string, FeedSource>();

function makeSineSource(columns: number, stepMs: number): FeedSource {
  return (since: number, now: number): FeedChunk => {
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
}

/**
 * Sine sources (by number of series) that throw on every second call, the first succeeding: a
 * flaky connection. The calls are counted across the sources of one `flakySines()`, so a story
 * makes one per mount and picks the source for its current series.
 */
export function flakySines(): (columns: number) => FeedSource {
  let calls = 0;
  const flaky = new Map<number, FeedSource>();
  return (columns) => {
    let source = flaky.get(columns);
    if (!source) {
      const sines = sineSource(columns);
      source = (since, now) => {
        calls++;
        if (calls % 2 === 0) throw new Error(`sensor offline (call ${calls}: every other call fails)`);
        return sines(since, now);
      };
      flaky.set(columns, source);
    }
    return source;
  };
}

const silent = new Map<number, FeedSource>();

/** A source that never has anything new: the host pushes all the points with `append()`. */
export function silentSource(columns: number): FeedSource {
  let source = silent.get(columns);
  if (!source) {
    source = () => ({ time: [], values: Array.from({ length: columns }, () => []) });
    silent.set(columns, source);
  }
  return source;
}

/** One point at `t` for `columns` series, as a host would push it. */
export function pointAt(t: number, columns: number): FeedChunk {
  return { time: [t], values: Array.from({ length: columns }, (_, i) => [wave(i, t) + 0.1 * wave(i + 1, 5 * t)]) };
}
