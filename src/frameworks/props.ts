// Types only (no runtime code): what a framework template may set on <data-feed>, derived from the
// DataFeed class and the event map, so a new property or event shows up here without editing a list.
// `data-feed/react` and `data-feed/vue` build their JSX and template types from these.
import type { LitElement } from 'lit';
import type { DataFeed } from '../data-feed.js';
import type { DataFeedEventMap, DataFeedEventName } from '../events.js';

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;

/** Keys of `T` that can be assigned (getter-only accessors and `readonly` fields are left out). */
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];

/**
 * The settable properties `<data-feed>` adds to `LitElement`: every public, writable, non-method member
 * of `DataFeed` (`streaming`, `interval`, …, `noControls`, `source`). Read-only `data` and the methods are
 * not among them; nor is anything `HTMLElement` or `LitElement` already has.
 */
export type DataFeedPropertyName = {
  [K in Exclude<WritableKeys<DataFeed>, keyof LitElement>]: DataFeed[K] extends (...args: never[]) => unknown ? never : K;
}[Exclude<WritableKeys<DataFeed>, keyof LitElement>];

/** The settable properties of `<data-feed>` with their types, all optional. */
export type DataFeedProperties = { [K in DataFeedPropertyName]?: DataFeed[K] };

/** `data-feed-update` → `DataFeedUpdate`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/**
 * Listeners for the `data-feed-*` events keyed as React 19 reads them on a custom element: `on` followed
 * by the event's name exactly (`ondata-feed-update` listens to `data-feed-update`).
 */
export type DataFeedEventProps = {
  [K in DataFeedEventName as `on${K}`]?: (event: DataFeedEventMap[K]) => void;
};

/**
 * Listeners for the `data-feed-*` events keyed as Vue compiles `@data-feed-update` (`onDataFeedUpdate`,
 * which Vue's runtime turns back into `addEventListener('data-feed-update', …)`).
 */
export type DataFeedVueEventProps = {
  [K in DataFeedEventName as `on${Pascal<K>}`]?: (event: DataFeedEventMap[K]) => void;
};
