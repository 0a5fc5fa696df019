import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_CAPACITY } from '../core/buffer.js';
import type { FeedSource } from '../core/chunk.js';
import { Feed } from '../core/feed.js';
import { DEFAULTS, MAX_BACKFILL, accept, readSeconds, type Warn } from '../core/settings.js';
import { readNumber, toText } from '../core/values.js';

export interface FeedControllerOptions {
  /** The points kept changed: `added` accepted (before trimming), `dropped` removed. */
  kept: (added: number, dropped: number) => void;
  /** An update failed (the status already says so). */
  failed: (error: unknown) => void;
  /** A load is owed and the host can be seen: run one. */
  load: () => void;
  warn: Warn;
}

/**
 * The host's data flow hooked to its lifecycle: updates run only while the host can be seen
 * (connected, in a document that is not hidden), and a failed update shows in `status` until the
 * next good one. What connect starts, disconnect stops: the visibility listener and the schedule.
 */
export class FeedController implements ReactiveController {
  readonly feed: Feed;
  /** Why the last update failed, for the `status` part; empty after a good one. */
  status = '';
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _warn: Warn;
  private readonly _onVisibility = () => this.feed.setActive(this._host.isConnected && document.visibilityState !== 'hidden');

  constructor(host: ReactiveControllerHost & HTMLElement, options: FeedControllerOptions) {
    (this._host = host).addController(this);
    this._warn = options.warn;
    this.feed = new Feed({
      seriesCount: DEFAULTS.series.length,
      capacity: DEFAULTS.capacity,
      interval: DEFAULTS.interval,
      backfill: DEFAULTS.backfill,
      samplePeriod: DEFAULTS.samplePeriod,
      now: () => Date.now(),
      kept: options.kept,
      delivered: () => this._setStatus(''),
      fail: (error) => {
        this._setStatus(`Update failed: ${describeError(error)}`);
        options.failed(error);
      },
      load: options.load,
    });
  }

  get capacity(): number {
    return this.feed.buffer.capacity;
  }
  set capacity(value: number) {
    const read = readNumber(value, { min: 1, max: MAX_CAPACITY, fallback: this.capacity, reset: DEFAULTS.capacity, integer: true });
    this.feed.setCapacity(accept(this._warn, 'capacity', value, read));
  }

  get backfill(): number {
    return this.feed.backfill;
  }
  set backfill(value: number) {
    const read = readNumber(value, { min: 0, max: MAX_BACKFILL, fallback: this.backfill, reset: DEFAULTS.backfill });
    this.feed.backfill = accept(this._warn, 'backfill', value, read);
  }

  get samplePeriod(): number {
    return this.feed.samplePeriod;
  }
  set samplePeriod(value: number) {
    this.feed.samplePeriod = accept(this._warn, 'samplePeriod', value, readSeconds(value, this.samplePeriod, DEFAULTS.samplePeriod));
  }

  get source(): FeedSource | null {
    return this.feed.source;
  }
  set source(value: FeedSource | null) {
    const next = value ?? null;
    if (next !== null && typeof next !== 'function') this._warn('source', value, 'not a function or null; keeping the current source');
    else this.feed.setSource(next);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this._onVisibility);
    this._onVisibility();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._onVisibility();
  }

  private _setStatus(text: string): void {
    if (text === this.status) return;
    this.status = text;
    this._host.requestUpdate();
  }
}

/** An error as a short line of text (its message, else its name, else itself). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : toText(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
