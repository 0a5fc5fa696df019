import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_CAPACITY } from '../core/buffer.js';
import type { FeedSource } from '../core/chunk.js';
import { Feed } from '../core/feed.js';
import { DEFAULTS, MAX_BACKFILL, accept, readSeconds, type Warn } from '../core/settings.js';
import { readNumber, toText } from '../core/values.js';
import { defaultTransport, type FeedTransport } from '../feeds/feed-url.js';
import type { ConnectionState } from '../feeds/push.js';
import { ServerFeed } from '../feeds/server-feed.js';

const TRANSPORTS: readonly FeedTransport[] = ['poll', 'sse', 'websocket'];

/**
 * The clock, read at each call (a test's fake clock replaces `Date`). A module function, not a
 * closure in the constructor: the page's shared ticker keeps the first scheduler's clock, and a
 * closure there would keep that scheduler's element too.
 */
const now = () => Date.now();

export interface FeedControllerOptions {
  /** The points kept changed: `added` accepted (before trimming), `dropped` removed. */
  kept: (added: number, dropped: number) => void;
  /** An update failed (the status already says so). */
  failed: (error: unknown) => void;
  /** A load is owed and the host can be seen: run one. */
  load: () => void;
  warn: Warn;
  /** The series in use, and whether the page never named them (then a server's answer may). */
  names: () => readonly string[];
  discover: () => boolean;
  /** A server's answer named the series. */
  named: (names: readonly string[]) => void;
  /** A push feed's connection changed state (`retryIn` in seconds while reconnecting). */
  connection: (state: ConnectionState, attempt: number, retryIn: number) => void;
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
  private readonly _options: FeedControllerOptions;
  /** The page's source function, which takes precedence over `src`. */
  private _source: FeedSource | null = null;
  private _src = '';
  private _transport: FeedTransport | null = null;
  private _server: ServerFeed | null = null;
  /** When the last update failed (ms since the epoch). */
  private _failedAt = -Infinity;
  /** The first connect's activation has run. */
  private _connected = false;
  private readonly _onVisibility = () => {
    // The first connect's load waits for the end of the script inserting the element (a microtask,
    // still before control returns to the event loop): a framework inserting it has finished and
    // hears its first events as a mounted component; a start() or refresh() right after takes its place.
    this.feed.setActive(this._visible(), !this._connected);
    this.released();
  };
  private readonly _onOnline = () => this._server?.push?.retryNow();

  constructor(host: ReactiveControllerHost & HTMLElement, options: FeedControllerOptions) {
    (this._host = host).addController(this);
    this._options = options;
    this.feed = new Feed({
      seriesCount: DEFAULTS.series.length,
      capacity: DEFAULTS.capacity,
      interval: DEFAULTS.interval,
      backfill: DEFAULTS.backfill,
      samplePeriod: DEFAULTS.samplePeriod,
      now,
      kept: options.kept,
      // A failure stays shown until an update succeeds after it, later: when a timed-out call lets
      // the waiting update run at once, the message is not cleared before anyone saw it.
      // A feed that reconnects says so until points flow again.
      delivered: () => Date.now() > this._failedAt && this.connection !== 'reconnecting' && this._setStatus(''),
      waiting: () => this._setStatus('Waiting for the source to answer…'),
      fail: (error) => this._fail(error),
      load: options.load,
    });
  }

  get capacity(): number {
    return this.feed.buffer.capacity;
  }
  set capacity(value: number) {
    const read = readNumber(value, { min: 1, max: MAX_CAPACITY, fallback: this.capacity, reset: DEFAULTS.capacity, integer: true });
    this.feed.setCapacity(accept(this._options.warn, 'capacity', value, read));
  }

  get backfill(): number {
    return this.feed.backfill;
  }
  set backfill(value: number) {
    const read = readNumber(value, { min: 0, max: MAX_BACKFILL, fallback: this.backfill, reset: DEFAULTS.backfill });
    this.feed.backfill = accept(this._options.warn, 'backfill', value, read);
    this.feed.scheduler.wake();
  }

  get samplePeriod(): number {
    return this.feed.samplePeriod;
  }
  set samplePeriod(value: number) {
    this.feed.samplePeriod = accept(this._options.warn, 'samplePeriod', value, readSeconds(value, this.samplePeriod, DEFAULTS.samplePeriod));
    this.feed.scheduler.wake();
  }

  get source(): FeedSource | null {
    return this._source;
  }
  set source(value: FeedSource | null) {
    const next = value ?? null;
    if (next !== null && typeof next !== 'function') this._options.warn('source', value, 'not a function or null; keeping the current source');
    else {
      this._source = next;
      this._apply();
    }
  }

  get src(): string {
    return this._src;
  }
  set src(value: string) {
    const src = value == null ? '' : toText(value).trim();
    if (src === this._src) return;
    this._src = src;
    this._rebuild();
  }

  get transport(): FeedTransport {
    return this._transport ?? defaultTransport(this._src);
  }
  set transport(value: FeedTransport) {
    const next = value == null ? null : (toText(value).trim().toLowerCase() as FeedTransport);
    if (next !== null && !TRANSPORTS.includes(next)) {
      this._options.warn('transport', value, `not one of ${TRANSPORTS.join(', ')}; keeping ${this.transport}`);
      return;
    }
    if (next === this._transport) return;
    this._transport = next;
    this._rebuild();
  }

  /** The state of the `sse`/`websocket` feed's connection; `closed` for any other source. */
  get connection(): ConnectionState {
    return this._server?.push?.state ?? 'closed';
  }

  /** Streaming may have stopped: a push connection is held only while streaming and visible. */
  released(): void {
    if (!this._held()) this._server?.push?.close();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this._onVisibility);
    addEventListener('online', this._onOnline);
    this._onVisibility();
    this._connected = true;
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this._onVisibility);
    removeEventListener('online', this._onOnline);
    this._onVisibility();
    // Moved by one insertion, it is in the document again already: nothing paused, nothing to close.
    if (!this._host.isConnected) this._server?.stop();
  }

  private _visible(): boolean {
    return this._host.isConnected && document.visibilityState !== 'hidden';
  }

  private _held(): boolean {
    return this.feed.scheduler.running && this._visible();
  }

  /** A new `src` or `transport`: a new server feed (the old one stopped), and the points forgotten. */
  private _rebuild(): void {
    this._server?.stop();
    const options = this._options;
    this._server = this._src
      ? new ServerFeed(this._src, this.transport, {
          ...options,
          since: () => Math.max(this.feed.buffer.lastTime, Date.now() - this.feed.backfill * 1000),
          held: () => this._held(),
          state: (state, attempt, retryIn) => {
            if (state === 'reconnecting') this._setStatus(`Reconnecting in ${Math.max(1, Math.round(retryIn))} s`);
            options.connection(state, attempt, retryIn);
          },
          error: (error) => this._fail(error),
        })
      : null;
    this._apply();
  }

  /** The source in use: the page's function, else the server feed, else the built-in generator. */
  private _apply(): void {
    this.feed.setSource(this._source ?? this._server?.source ?? null);
  }

  private _fail(error: unknown): void {
    // A request aborted because the element left the page or its feed changed is no failure.
    if ((error as Error | null)?.name === 'AbortError') return;
    this._failedAt = Date.now();
    this._setStatus(`Update failed: ${describeError(error)}`);
    this._options.failed(error);
  }

  private _setStatus(text: string): void {
    if (text === this.status) return;
    this.status = text;
    this._host.requestUpdate();
  }
}

/** An error as a short line of text (its message, else its name, else itself). */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : toText(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
