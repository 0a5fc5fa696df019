// An app's use of the published package, type-checked against dist/*.d.ts by `npm test`
// (tsconfig.types.json): `import 'data-feed'` resolves through package.json "exports".
import 'data-feed';
import { DataFeed, type DataFeedUpdateDetail, type FeedChunk, type FeedSource } from 'data-feed';

const el = document.createElement('data-feed');
const typed: DataFeed = el;
const element: HTMLElement = el;
const queried: DataFeed | null = document.querySelector('data-feed');

el.addEventListener('data-feed-update', (event) => {
  const detail: DataFeedUpdateDetail = event.detail;
  const size: number = event.detail.size;
  return [detail, size];
});
el.addEventListener('data-feed-start', (event) => event.detail.interval.toFixed(2));
el.addEventListener('data-feed-error', (event) => String(event.detail.error));

const source: FeedSource = async (since, now) => ({ time: [since + 1, now - 1], values: [[1, 2], [3, 4]] });
el.source = source;
el.series = ['bid', 'ask'];
el.interval = 2;
el.streaming = true;
const chunk: FeedChunk = { time: new Float64Array([1]), values: [[1], [2]] };
el.append(chunk);
const kept: { time: number[]; values: number[][] } = el.data;
const done: Promise<void> = el.refresh();

// @ts-expect-error: interval is a number of seconds
el.interval = 'fast';
// @ts-expect-error: data is read-only
el.data = kept;

export { typed, element, queried, done };
