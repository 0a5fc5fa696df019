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
 * the outer limits, and clamped by `settle()`.
 */
export class IntervalRange {
  min: number = DEFAULTS.minInterval;
  max: number = DEFAULTS.maxInterval;
  step: number = DEFAULTS.step;
  private _raw: number = DEFAULTS.interval;
  private _settled = false;

  constructor(private readonly _warn: Warn) {}

  /** The interval in use: within [min, max]. */
  get interval(): number {
    return Math.min(this.max, Math.max(this.min, this._raw));
  }

  setInterval(value: unknown): void {
    const read = readNumber(value, {
      min: this._settled ? this.min : MIN_SECONDS,
      max: this._settled ? this.max : MAX_SECONDS,
      fallback: this.interval,
      reset: DEFAULTS.interval,
    });
    this._raw = accept(this._warn, 'interval', value, read);
  }

  setMin(value: unknown): void {
    let read = readSeconds(value, this.min, DEFAULTS.minInterval);
    if (read.value > this.max) {
      read = readjusted(read, read.value, `above max-interval (${this.max}); max-interval is raised to ${read.value}`);
      this.max = read.value;
    }
    this.min = accept(this._warn, 'minInterval', value, read);
    this._reclamp();
  }

  setMax(value: unknown): void {
    let read = readSeconds(value, this.max, DEFAULTS.maxInterval);
    if (read.value < this.min) read = readjusted(read, this.min, `below min-interval (${this.min}); using ${this.min}`);
    this.max = accept(this._warn, 'maxInterval', value, read);
    this._reclamp();
  }

  setStep(value: unknown): void {
    this.step = accept(this._warn, 'step', value, readSeconds(value, this.step, DEFAULTS.step));
  }

  /** The range is complete (first connect): an interval outside it is clamped, with a warning. */
  settle(): void {
    if (this._settled) return;
    this._settled = true;
    const raw = this._raw;
    this._reclamp();
    if (raw !== this._raw) this._warn('interval', raw, `out of range [${this.min}, ${this.max}]; using ${this._raw}`);
  }

  private _reclamp(): void {
    if (this._settled) this._raw = this.interval;
  }
}
