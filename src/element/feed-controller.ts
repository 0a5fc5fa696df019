import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Feed } from '../core/feed.js';
import { DEFAULTS } from '../core/settings.js';
import { toText } from '../core/values.js';

export interface FeedControllerOptions {
  /** The points kept changed: `added` accepted (before trimming), `dropped` removed. */
  kept: (added: number, dropped: number) => void;
  /** An update failed (the status already says so). */
  failed: (error: unknown) => void;
  /** A load is owed and the host can be seen: run one. */
  load: () => void;
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
  private readonly _onVisibility = () => this.feed.setActive(this._host.isConnected && document.visibilityState !== 'hidden');

  constructor(host: ReactiveControllerHost & HTMLElement, options: FeedControllerOptions) {
    (this._host = host).addController(this);
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
