import type { FeedSource } from '../core/chunk.js';

/** A request unanswered this long (ms) is aborted: the contract's 10 s for any update. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface PollOptions {
  /** The URL that asks for the points after `since` and before `now`. */
  url: (since: number, now: number) => string;
  /** Reads a response body (by its `Content-Type`) into a chunk; throws a `TypeError` when it cannot. */
  read: (body: string, contentType: string | null) => { time: number[]; values: number[][] };
  fetch?: typeof fetch;
}

/**
 * A source that asks a server: one `GET` per update. A status other than 2xx, a network failure
 * or an answer none of the formats can read is an error; a request unanswered after 10 s is
 * aborted. `abort()` aborts every request in flight (the element was removed, or its feed changed).
 */
export function pollSource({ url, read, fetch: get = (input, init) => fetch(input, init) }: PollOptions): FeedSource & { abort(): void } {
  const inFlight = new Set<AbortController>();
  const source = async (since: number, now: number) => {
    const request = new AbortController();
    inFlight.add(request);
    const timer = setTimeout(() => request.abort(new Error(`data-feed: the feed did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`)), REQUEST_TIMEOUT_MS);
    try {
      const response = await get(url(since, now), { signal: request.signal, cache: 'no-store', headers: { Accept: 'application/json, text/csv, application/x-ndjson' } });
      if (!response.ok) throw new Error(`data-feed: the feed answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      return read(await response.text(), response.headers.get('Content-Type'));
    } catch (error) {
      // An aborted fetch rejects with the abort's reason in some engines, with a plain AbortError in
      // others (WebKit, and Firefox while reading the body): the reason given is what it failed of.
      // A timeout must not pass for an abort on purpose, which is no failure.
      throw request.signal.aborted ? request.signal.reason : error;
    } finally {
      clearTimeout(timer);
      inFlight.delete(request);
    }
  };
  return Object.assign(source, {
    abort() {
      const reason = new Error('data-feed: the feed changed or the element left the page');
      reason.name = 'AbortError';
      for (const request of inFlight) request.abort(reason);
      inFlight.clear();
    },
  });
}
