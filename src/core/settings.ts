import { readNumber, readjusted, type Adjusted } from './values.js';

/** The element's defaults, as the contract gives them. */
export const DEFAULTS = {
  interval: 1,
  minInterval: 0.5,
  maxInterval: 5,
  step: 0.01,
  capacity: 100,
  backfill: 60,
  samplePeriod: 0.5,
  series: ['A', 'B'] as readonly string[],
} as const;

/** The element's default texts: its heading and the labels of its controls. */
export const TEXTS: Readonly<Record<string, string>> = {
  heading: 'Data feed',
  sliderLabel: 'Check for updates every: (seconds)',
  startLabel: 'Start streaming',
  stopLabel: 'Stop streaming',
  liveLabel: 'Follow live',
  tableLabel: 'Show table',
  downloadLabel: 'Download CSV',
} as const;

/** Smallest number of seconds an interval, step or period may be. */
const MIN_SECONDS = 0.001;
/** Largest number of seconds an interval, step or period may be (a day): no value allocates without bound. */
const MAX_SECONDS = 86_400;
/** Largest backfill (a year of seconds). */
export const MAX_BACKFILL = 365 * MAX_SECONDS;

/** Says once that a value was not taken as given: the property (or attribute), the value, why. */
export type Warn = (property: string, input: unknown, problem: string) => void;

/** A number of seconds in [MIN_SECONDS, MAX_SECONDS]; not a number keeps `current`. */
export function readSeconds(value: unknown, current: number, reset: number): Adjusted<number> {
  return readNumber(value, { min: MIN_SECONDS, max: MAX_SECONDS, fallback: current, reset });
}

/** Takes what a reader made of `input`, warning once if it was not taken as given. */
export function accept<T>(warn: Warn, property: string, input: unknown, read: Adjusted<T>): T {
  if (read.problem) warn(property, input, read.problem);
  return read.value;
}

/** The settings `IntervalRange` reads together at the first connect. */
type RangeKey = 'minInterval' | 'maxInterval' | 'interval';

/**
 * The interval and the slider's range: `minInterval` ≤ `maxInterval` always (a minimum that passes
 * the maximum raises it), and the interval held within them. Before the first connect, attributes
 * arrive one by one in the page's order: what is given is kept and read together by `settle()`, as
 * if given at once (`max-interval="0.3" min-interval="0.1"` is that range), with one warning per
 * value not taken as given and none for a default that the range moves. A subclass hears each
 * change of the interval or its range in `_moved()`.
 */
export class IntervalRange {
  private _min: number = DEFAULTS.minInterval;
  private _max: number = DEFAULTS.maxInterval;
  private _step: number = DEFAULTS.step;
  private _interval: number = DEFAULTS.interval;
  /** What the page gave for the range and the interval before the first connect; null after it. */
  private _given: Partial<Record<RangeKey, unknown>> | null = {};

  constructor(private readonly _warn: Warn) {}

  /** The interval in use: within [minInterval, maxInterval]. */
  get interval(): number {
    return this._interval;
  }
  set interval(value: unknown) {
    this._set('interval', value);
  }

  get minInterval(): number {
    return this._min;
  }
  set minInterval(value: unknown) {
    this._set('minInterval', value);
  }

  get maxInterval(): number {
    return this._max;
  }
  set maxInterval(value: unknown) {
    this._set('maxInterval', value);
  }

  get step(): number {
    return this._step;
  }
  set step(value: unknown) {
    this._step = accept(this._warn, 'step', value, readSeconds(value, this._step, DEFAULTS.step));
  }

  /** The first connect: what was given is read together, warning through `warn`, and held from now on. */
  settle(warn: Warn = this._warn): void {
    if (!this._given) return;
    this._read(this._given, warn);
    this._given = null;
  }

  /**
   * `key` was set. Before the first connect the value is kept for `settle()` (the values in use
   * follow it, silently); after it, it is read against the values held, warning for it alone.
   */
  private _set(key: RangeKey, value: unknown): void {
    if (this._given) {
      this._given[key] = value;
      this._read(this._given);
    } else {
      this._read({ minInterval: this._min, maxInterval: this._max, interval: this._interval, [key]: value }, this._warn, key);
    }
    this._moved();
  }

  /**
   * The range, then the interval within it, from `given`; `warn` hears of `only` (or, without it,
   * of every value). A minimum above the maximum raises it; a maximum set below the minimum is it.
   */
  private _read(given: Partial<Record<RangeKey, unknown>>, warn: Warn = () => {}, only?: RangeKey): void {
    const say: Warn = (key, input, problem) => (!only || key === only) && warn(key, input, problem);
    let min = readSeconds(given.minInterval, this._min, DEFAULTS.minInterval);
    let max = readSeconds(given.maxInterval, this._max, DEFAULTS.maxInterval);
    if (min.value > max.value) {
      if (only === 'maxInterval') max = readjusted(max, min.value, `below min-interval (${min.value}); using ${min.value}`);
      else min = readjusted(min, min.value, `above max-interval (${max.value}); max-interval is raised to ${min.value}`);
    }
    this._min = accept(say, 'minInterval', given.minInterval, min);
    this._max = Math.max(this._min, accept(say, 'maxInterval', given.maxInterval, max));
    const { _min, _max } = this;
    this._interval = accept(say, 'interval', given.interval, readNumber(given.interval, { min: _min, max: _max, fallback: Math.min(_max, Math.max(_min, this._interval)), reset: DEFAULTS.interval }));
  }

  /** The interval or its range was set: the interval is clamped into the range. */
  protected _moved(): void {
    this._interval = Math.min(this._max, Math.max(this._min, this._interval));
  }
}
