import type { Scheduler } from '../core/scheduler.js';
import { DEFAULTS, IntervalRange } from '../core/settings.js';
import type { DataFeedEventMap } from '../events.js';
import type { Attributes } from './attributes.js';

export interface ScheduleControllerOptions {
  scheduler: Scheduler<unknown>;
  attributes: Attributes;
  emit: <K extends keyof DataFeedEventMap>(name: K, detail: DataFeedEventMap[K]['detail']) => void;
  /** Streaming turned on or off (after its event, if no listener turned it back). */
  turned: (on: boolean) => void;
}

/**
 * When updates run: streaming on or off, the interval within its range, the reflected
 * `streaming` and `interval` attributes, and the events that tell of each effective change
 * (never before the first connect: attribute values present then are the initial state).
 */
export class ScheduleController extends IntervalRange {
  private _streaming = false;
  /** The interval last announced: `data-feed-interval-change` fires once per effective change. */
  private _announced: number = DEFAULTS.interval;

  constructor(private readonly _options: ScheduleControllerOptions) {
    super(_options.attributes.warn);
  }

  get streaming(): boolean {
    return this._streaming;
  }
  set streaming(value: boolean) {
    const on = Boolean(value);
    if (on === this._streaming) return;
    const { attributes, emit, scheduler, turned } = this._options;
    this._streaming = on;
    attributes.write('streaming', on ? '' : null);
    if (attributes.ready) {
      emit(on ? 'data-feed-start' : 'data-feed-stop', on ? { interval: this.interval } : {});
      if (this._streaming !== on) return; // a listener turned it back
    }
    if (on) scheduler.start();
    else scheduler.stop();
    turned(on);
  }

  /** The first connect: the range is complete, so the interval is clamped into it and scheduled. */
  override settle(): void {
    const { attributes } = this._options;
    // A value the page wrote as an attribute is named as one in a warning.
    super.settle((property, input, problem) => {
      const name = property.replace(/[A-Z]/, (c) => `-${c.toLowerCase()}`);
      if (attributes.get(name) === input) attributes.apply(name, () => attributes.warn(property, input, problem));
      else attributes.warn(property, input, problem);
    });
    this.appliedInterval(attributes.get('interval'));
    this._announced = this.interval;
    this._options.scheduler.setInterval(this.interval * 1000);
  }

  /** The attribute `interval` was applied: the value held may differ from the text (clamped, refused). */
  appliedInterval(text: string | null): void {
    if (text !== null && this._options.attributes.ready && Number(text) !== this.interval) this._options.attributes.write('interval', String(this.interval));
  }

  /** The interval may have moved (set, or re-clamped by its range): reflect, announce, reschedule. */
  protected override _moved(): void {
    super._moved();
    const interval = this.interval;
    if (interval === this._announced) return;
    this._announced = interval;
    const { attributes, emit, scheduler } = this._options;
    attributes.write('interval', String(interval));
    if (attributes.ready) {
      emit('data-feed-interval-change', { interval });
      if (this.interval !== interval) return; // a listener changed it again
    }
    scheduler.setInterval(interval * 1000);
  }
}
