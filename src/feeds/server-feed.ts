import type { FeedSource } from '../core/chunk.js';
import { feedURL, type FeedTransport } from './feed-url.js';
import { parseFeed } from './formats.js';
import { pollSource } from './poll.js';
import { PushFeed, type ConnectionState } from './push.js';

export interface ServerFeedOptions {
  /** The series in use, and whether the page never named them (then an answer may). */
  names: () => readonly string[];
  discover: () => boolean;
  /** An answer named the series (only while `discover()`). */
  named: (names: readonly string[]) => void;
  /** Where a push connection starts: the last kept point, never earlier than `backfill` ago. */
  since: () => number;
  /** Whether a push connection is to be held (streaming and visible). */
  held: () => boolean;
  /** A push connection changed state. */
  state: (state: ConnectionState, attempt: number, retryIn: number) => void;
  /** A push message could not be read, or its connection failed. */
  error: (error: unknown) => void;
}

/**
 * The element's `src`: a source that reads a server over `poll`, `sse` or `websocket`, with
 * `since` and `now` added to the URL (resolved against the document's base URL) and the answers
 * read in the contract's formats.
 */
export class ServerFeed {
  readonly source: FeedSource;
  /** The `sse`/`websocket` feed, which holds a connection while streaming; `null` for `poll`. */
  readonly push: PushFeed | null = null;
  private readonly _poll: ReturnType<typeof pollSource> | null = null;

  constructor(src: string, transport: FeedTransport, options: ServerFeedOptions) {
    const base = document.baseURI;
    const read = (body: string, contentType?: string | null) => {
      const answer = parseFeed(body, { names: options.names(), discover: options.discover(), contentType });
      if (answer.names !== options.names()) options.named(answer.names);
      return answer.chunk;
    };
    if (transport === 'poll') {
      this._poll = pollSource({ url: (since, now) => feedURL(src, base, since, now), read });
      this.source = this._poll;
    } else {
      this.push = new PushFeed({
        ...options,
        transport,
        url: (since) => feedURL(src, base, since, Date.now(), transport),
        read,
        seriesCount: () => options.names().length,
      });
      this.source = this.push.source;
    }
  }

  /** The feed is left (removed, or another feed replaced it): nothing stays open or in flight. */
  stop(): void {
    this._poll?.abort();
    this.push?.close();
  }
}
