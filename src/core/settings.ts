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

/**
 * The interval and the slider's range: `minInterval` ≤ `maxInterval` always (a minimum that passes
 * the maximum raises it), and the interval held within them once the range is settled. Before that
 * (attributes arriving one by one before the first connect) the interval is kept as given, within
 * the outer limits, and clamped by `settle()`. A subclass hears each change of the interval or its
 * range in `_moved()`.
 */
export class IntervalRange {
  private _min: number = DEFAULTS.minInterval;
  private _max: number = DEFAULTS.maxInterval;
  private _step: number = DEFAULTS.step;
  private _raw: number = DEFAULTS.interval;
  private _settled = false;

  constructor(private readonly _warn: Warn) {}

  /** The interval in use: within [minInterval, maxInterval]. */
  get interval(): number {
    return Math.min(this._max, Math.max(this._min, this._raw));
  }
  set interval(value: unknown) {
    const read = readNumber(value, {
      min: this._settled ? this._min : MIN_SECONDS,
      max: this._settled ? this._max : MAX_SECONDS,
      fallback: this.interval,
      reset: DEFAULTS.interval,
    });
    this._raw = accept(this._warn, 'interval', value, read);
    this._moved();
  }

  get minInterval(): number {
    return this._min;
  }
  set minInterval(value: unknown) {
    let read = readSeconds(value, this._min, DEFAULTS.minInterval);
    if (read.value > this._max) {
      read = readjusted(read, read.value, `above max-interval (${this._max}); max-interval is raised to ${read.value}`);
      this._max = read.value;
    }
    this._min = accept(this._warn, 'minInterval', value, read);
    this._moved();
  }

  get maxInterval(): number {
    return this._max;
  }
  set maxInterval(value: unknown) {
    let read = readSeconds(value, this._max, DEFAULTS.maxInterval);
    if (read.value < this._min) read = readjusted(read, this._min, `below min-interval (${this._min}); using ${this._min}`);
    this._max = accept(this._warn, 'maxInterval', value, read);
    this._moved();
  }

  get step(): number {
    return this._step;
  }
  set step(value: unknown) {
    this._step = accept(this._warn, 'step', value, readSeconds(value, this._step, DEFAULTS.step));
  }

  /** The range is complete (first connect): an interval outside it is clamped, with a warning. */
  settle(): void {
    if (this._settled) return;
    this._settled = true;
    this.interval = this._raw; // read again, now within the range
  }

  /** The interval or its range was set: once settled, the interval is clamped into the range. */
  protected _moved(): void {
    if (this._settled) this._raw = this.interval;
  }
}
