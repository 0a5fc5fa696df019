// Helpers for the stories' interaction tests: they reach into the shadow root by part name and
// record events, so that tests assert on element state and events, never on pixels.
import { expect, waitFor } from 'storybook/test';
import type { DataFeed, DataFeedEventMap, DataFeedEventName } from '../src/index.js';
import { EVENT_NAMES } from './feed.js';

/** The `<data-feed>` elements in the story, once each has rendered and drawn its first load. */
export async function feedsIn(canvasElement: HTMLElement): Promise<DataFeed[]> {
  const feeds = [...canvasElement.querySelectorAll('data-feed')];
  await expect(feeds.length).toBeGreaterThan(0);
  await Promise.all(feeds.map((feed) => feed.updateComplete));
  return feeds;
}

/** The only (or first) `<data-feed>` in the story. */
export async function feedIn(canvasElement: HTMLElement): Promise<DataFeed> {
  return (await feedsIn(canvasElement))[0];
}

/** The element of `feed`'s shadow root with part `name`. */
export function part<T extends HTMLElement = HTMLElement>(feed: DataFeed, name: string): T {
  const found = feed.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`<data-feed> has no part "${name}"`);
  return found;
}

export type Recorded = { [K in DataFeedEventName]: DataFeedEventMap[K]['detail'][] } & {
  /** The names of all events recorded, in order. */
  order: DataFeedEventName[];
};

/** Records the `detail` of every `data-feed-*` event `feed` fires from now on. */
export function record(feed: DataFeed): Recorded {
  const recorded = { order: [] as DataFeedEventName[] } as Recorded;
  for (const name of EVENT_NAMES) {
    const details: unknown[] = [];
    (recorded as Record<string, unknown>)[name] = details;
    feed.addEventListener(name, (event) => {
      details.push((event as CustomEvent).detail);
      recorded.order.push(name);
    });
  }
  return recorded;
}

/** Waits until `feed` keeps points (its first load has been drawn). */
export async function loaded(feed: DataFeed, timeout = 5000): Promise<void> {
  await waitFor(() => expect(feed.data.time.length).toBeGreaterThan(0), { timeout });
}
