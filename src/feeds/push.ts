import type { FeedSource } from '../core/chunk.js';
import { Backoff } from './backoff.js';

/** The state of a push feed's connection. */
export type ConnectionState = 'closed' | 'connecting' | 'open' | 'reconnecting';

type Chunk = { time: number[]; values: number[][] };

/** A connection that does not open within this long (ms) counts as dropped. */
const OPEN_TIMEOUT_MS = 10_000;

export interface PushOptions {
  transport: 'sse' | 'websocket';
  /** The URL that asks for the points after `since`, and then for new points as they happen. */
  url: (since: number) => string;
  /** Reads one message into a chunk; throws a `TypeError` when it cannot. */
  read: (text: string) => Chunk;
  /** Where a new connection starts: the last kept point (never earlier than `backfill` ago). */
  since: () => number;
  /** Whether a connection is to be held (streaming and visible); else each update opens one for its answer. */
  held: () => boolean;
  /** The number of series: an update with nothing queued answers an empty chunk of that many columns. */
  seriesCount: () => number;
  /** The connection changed state; `retryIn` is the delay (s) before the next attempt while reconnecting. */
  state: (state: ConnectionState, attempt: number, retryIn: number) => void;
  /** A message could not be read, or the connection failed: the connection goes on (or is retried). */
  error: (error: unknown) => void;
}

/** A connection: the push feed's own state, never handed out (its fields `_`-named, as private members are). */
interface Link {
  close(): void;
  /** The first message came: the answer to `since`. */
  _answered: boolean;
  /** Settles the update waiting for the first message. */
  _waiting?: { resolve(chunk: Chunk): void; reject(error: unknown): void };
}

/**
 * A Server-Sent Events or WebSocket feed. While `held()` (streaming and visible) it keeps one
 * connection: the first message answers `since`, later ones bring points as they happen, kept in
 * a queue that each update (`source`) takes. A connection that drops, is refused or does not open
 * within 10 s is retried after a backoff (1 s doubling to 30 s, with jitter; from 1 s again once
 * a connection brought points), at once when `retryNow()` is called (back online). Not held, each
 * update opens a connection, takes its first message and closes it.
 */
export class PushFeed {
  state: ConnectionState = 'closed';
  private readonly _options: PushOptions;
  private readonly _backoff = new Backoff();
  private _link: Link | null = null;
  private _retry: ReturnType<typeof setTimeout> | undefined;
  private _queue: Chunk[] = [];
  private _lastQueued = -Infinity;

  constructor(options: PushOptions) {
    this._options = options;
  }

  /** The source the element's feed asks at each update. */
  readonly source: FeedSource = (since) => {
    if (!this._options.held()) return this._once(since);
    if (!this._link && this._retry === undefined) this._connect(since);
    const link = this._link;
    if (link && !link._answered) return new Promise<Chunk>((resolve, reject) => (link._waiting = { resolve, reject }));
    return this._take();
  };

  /** Back online (or the backoff is over): a connection waiting to be retried is tried now. */
  retryNow(): void {
    if (this._retry === undefined) return;
    clearTimeout(this._retry);
    this._retry = undefined;
    this._connect(Math.max(this._options.since(), this._lastQueued));
  }

  /** Closes the connection and forgets what was queued; no retry. */
  close(): void {
    clearTimeout(this._retry);
    this._retry = undefined;
    const closed = new Error('data-feed: the connection was closed');
    closed.name = 'AbortError';
    this._drop(closed);
    this._queue = [];
    this._lastQueued = -Infinity;
    this._setState('closed');
  }

  private _once(since: number): Promise<Chunk> {
    return new Promise<Chunk>((resolve, reject) => {
      const link = this._open(since, (chunk) => {
        link.close();
        if (this._link === link) this._link = null;
        this._setState('closed');
        resolve(chunk);
      }, (error) => {
        link.close();
        if (this._link === link) this._link = null;
        this._setState('closed');
        reject(error);
      });
    });
  }

  private _connect(since: number): void {
    this._open(since, (chunk) => this._queued(chunk), (error) => this._lost(error));
  }

  /** Opens a connection for `since`; `message` takes each chunk, `lost` why it failed (once). */
  private _open(since: number, message: (chunk: Chunk) => void, lost: (error: unknown) => void): Link {
    this._drop();
    // A retry starting is still `reconnecting`: no new state, no event.
    if (this.state !== 'reconnecting') this._setState('connecting');
    const { transport, read } = this._options;
    let done = false;
    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      lost(error);
    };
    const timer = setTimeout(() => fail(new Error(`data-feed: the feed did not open within ${OPEN_TIMEOUT_MS / 1000} s`)), OPEN_TIMEOUT_MS);
    const opened = () => {
      clearTimeout(timer);
      if (this._link === link) this._setState('open');
    };
    const received = (text: unknown) => {
      if (done) return;
      let chunk: Chunk;
      try {
        chunk = read(String(text));
      } catch (error) {
        this._options.error(error); // a malformed message: the connection stays open
        return;
      }
      if (!link._answered) {
        link._answered = true;
        opened();
      }
      if (chunk.time.length) this._backoff.reset();
      message(chunk);
    };
    const url = this._options.url(since);
    const socket = transport === 'sse' ? new EventSource(url) : new WebSocket(url);
    socket.onopen = opened;
    socket.onmessage = (event: MessageEvent) => received(event.data);
    if (socket instanceof WebSocket) socket.onclose = (event) => fail(new Error(`data-feed: the WebSocket closed (${event.code})`));
    // EventSource would retry by itself, without since and without backoff: it is closed instead.
    else socket.onerror = () => fail(new Error('data-feed: the event stream failed or was closed'));
    const link: Link = {
      _answered: false,
      close: () => {
        // `done` first: the close this causes is no failure.
        done = true;
        clearTimeout(timer);
        socket.close();
      },
    };
    this._link = link;
    return link;
  }

  /** Points arrived on the held connection: queued for the next update (the first answers one now). */
  private _queued(chunk: Chunk): void {
    if (chunk.time.length) {
      this._queue.push(chunk);
      this._lastQueued = Math.max(this._lastQueued, chunk.time[chunk.time.length - 1]);
    }
    const waiting = this._link?._waiting;
    if (waiting) {
      this._link!._waiting = undefined;
      waiting.resolve(this._take());
    }
  }

  /** The held connection failed: tell, and try again after the backoff. */
  private _lost(error: unknown): void {
    if (!this._drop(error)) this._options.error(error);
    if (!this._options.held()) return;
    const delay = this._backoff.next();
    this._setState('reconnecting', delay);
    this._retry = setTimeout(() => this.retryNow(), delay * 1000);
  }

  /**
   * Closes the current connection; an update waiting for its first message fails with `error`.
   * Returns whether there was one.
   */
  private _drop(error?: unknown): boolean {
    const link = this._link;
    this._link = null;
    link?.close();
    const waiting = error ? link?._waiting : undefined;
    waiting?.reject(error);
    return !!waiting;
  }

  /** Everything queued, as one chunk (empty when nothing came). */
  private _take(): Chunk {
    const queue = this._queue;
    this._queue = [];
    if (queue.length === 1) return queue[0];
    const columns = queue[0]?.values.length ?? this._options.seriesCount();
    return {
      time: queue.flatMap((chunk) => chunk.time),
      values: Array.from({ length: columns }, (_, i) => queue.flatMap((chunk) => chunk.values[i])),
    };
  }

  private _setState(state: ConnectionState, retryIn = 0): void {
    if (state === this.state && state !== 'reconnecting') return;
    this.state = state;
    this._options.state(state, this._backoff.attempt, retryIn);
  }
}
