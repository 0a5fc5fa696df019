import { DataFeed } from './data-feed.js';

export { DataFeed } from './data-feed.js';
export type { FeedChunk, FeedSource } from './core/chunk.js';
export type {
  DataFeedEventMap,
  DataFeedEventName,
  DataFeedIntervalDetail,
  DataFeedStopDetail,
  DataFeedUpdateDetail,
  DataFeedErrorDetail,
  DataFeedConnectionDetail,
  DataFeedView,
  DataFeedViewDetail,
} from './events.js';

// Guarded: a page that loads the element twice (bundle and library, or two bundles) keeps the first.
if (!customElements.get('data-feed')) customElements.define('data-feed', DataFeed);
