/** How a feed is read: one `GET` per update, a Server-Sent Events stream, or a WebSocket. */
export type FeedTransport = 'poll' | 'sse' | 'websocket';

/**
 * The URL that asks `src` for the points after `since` and before `now` (ms since the epoch):
 * `src` resolved against `base`, with `since` and `now` added to its query. The query's other
 * parameters stay as they were written (and in their order); earlier `since` and `now` are replaced.
 * The fragment is dropped (a request never sends it, and a WebSocket refuses one). For the
 * `websocket` transport an `http:`/`https:` URL becomes `ws:`/`wss:`.
 * Throws a `TypeError` when `src` is no URL.
 */
export function feedURL(src: string, base: string, since: number, now: number, transport?: FeedTransport): string {
  const url = new URL(src, base);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part && !['since', 'now'].includes([...new URLSearchParams(part).keys()][0]));
  url.search = [...kept, `since=${encodeURIComponent(since)}`, `now=${encodeURIComponent(now)}`].join('&');
  url.hash = '';
  if (transport == 'websocket') url.protocol = url.protocol.replace(/^http/, 'ws');
  return url.href;
}

/** The transport a feed uses when the page names none: `websocket` for a `ws:`/`wss:` URL, else `poll`. */
export function defaultTransport(url: string): FeedTransport {
  return /^\s*wss?:/i.test(url) ? 'websocket' : 'poll';
}
