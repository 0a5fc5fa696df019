import type { Point } from './wire.js';

/**
 * A series whose points are a known function of time, so that a test can tell a lost point from a
 * doubled one: a point at every multiple of `step` ms, k = time / step, and the value of series i is
 * `k mod 1000 + 1000·i` (consecutive points differ by 1, mod 1000). With `gapEvery` = n, the values of
 * every point whose k is a multiple of n are gaps.
 */
export interface TestSeries {
  names: string[];
  step: number;
  gapEvery: number;
}

/** The shortest step and the furthest reach back, which bound one answer to 72,000 points. */
export const MIN_STEP = 50;
export const REACH = 3_600_000;

/** The series a query asks for (`names`, `step`, `gapEvery`), or why it cannot be given. */
export function readTestSeries(query: URLSearchParams): TestSeries | string {
  const names = (query.get('names') ?? 'A,B').split(',').map((name) => name.trim());
  if (names.some((name) => name === '' || name === 'time')) return 'names must be a comma-separated list of names other than "time"';
  const step = Number(query.get('step') ?? 500);
  if (!Number.isInteger(step) || step < MIN_STEP) return `step must be a whole number of ms, at least ${MIN_STEP}`;
  const gapEvery = Number(query.get('gapEvery') ?? 0);
  if (!Number.isInteger(gapEvery) || gapEvery < 0) return 'gapEvery must be a whole number';
  return { names, step, gapEvery };
}

/** The value of series `i` at point `k`. */
export function testValue(series: TestSeries, k: number, i: number): number {
  return series.gapEvery && k % series.gapEvery === 0 ? NaN : (((k % 1000) + 1000) % 1000) + 1000 * i;
}

/** The points after `since` and before `until` (or at `until` too, with `inclusive`), reaching back at most an hour. */
export function testPoints(series: TestSeries, since: number, until: number, inclusive = false): Point[] {
  const points: Point[] = [];
  const from = Math.max(since, until - REACH);
  for (let k = Math.floor(from / series.step) + 1; ; k++) {
    const time = k * series.step;
    if (inclusive ? time > until : time >= until) break;
    points.push({ time, values: series.names.map((_, i) => testValue(series, k, i)) });
  }
  return points;
}
