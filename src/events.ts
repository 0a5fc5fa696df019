/** `detail` of `data-feed-start` and `data-feed-interval-change`: the interval in seconds. */
export interface DataFeedIntervalDetail {
  interval: number;
}

/** `detail` of `data-feed-stop`. */
export type DataFeedStopDetail = Record<string, never>;

/**
 * `detail` of `data-feed-update`: `added` points accepted from the chunk (before trimming),
 * `dropped` points removed, `size` points kept afterwards (previous size + added − dropped).
 */
export interface DataFeedUpdateDetail {
  added: number;
  dropped: number;
  size: number;
}

/** `detail` of `data-feed-error`: the thrown or rejected value itself. */
export interface DataFeedErrorDetail {
  error: unknown;
}

/**
 * `detail` of `data-feed-connection`: the state of an `sse`/`websocket` feed's connection, the
 * number of the coming reconnect attempt, and the seconds until it while reconnecting (else 0).
 */
export interface DataFeedConnectionDetail {
  state: 'closed' | 'connecting' | 'open' | 'reconnecting';
  attempt: number;
  retryIn: number;
}

/** A time range the chart holds still, in ms since the epoch (`from` < `to`). */
export interface DataFeedView {
  readonly from: number;
  readonly to: number;
}

/** `detail` of `data-feed-view-change`: the range shown now, or `null` for the live view. */
export interface DataFeedViewDetail {
  view: DataFeedView | null;
}

export interface DataFeedEventMap {
  'data-feed-start': CustomEvent<DataFeedIntervalDetail>;
  'data-feed-stop': CustomEvent<DataFeedStopDetail>;
  'data-feed-interval-change': CustomEvent<DataFeedIntervalDetail>;
  'data-feed-update': CustomEvent<DataFeedUpdateDetail>;
  'data-feed-error': CustomEvent<DataFeedErrorDetail>;
  'data-feed-connection': CustomEvent<DataFeedConnectionDetail>;
  'data-feed-view-change': CustomEvent<DataFeedViewDetail>;
}

export type DataFeedEventName = keyof DataFeedEventMap;

/** The event of `name` as `<data-feed>` fires it: bubbling and composed. */
export function feedEvent<K extends DataFeedEventName>(
  name: K,
  detail: DataFeedEventMap[K]['detail'],
): DataFeedEventMap[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true }) as DataFeedEventMap[K];
}

declare global {
  interface HTMLElementEventMap extends DataFeedEventMap {}
}
