// `data-feed/vue`: types only, for Vue 3 apps that opt in with
//   /// <reference types="data-feed/vue" />   (or "types": ["data-feed/vue"] in tsconfig.json)
// It adds <data-feed> to Vue's GlobalComponents, so vue-tsc and Volar check its props and events in
// templates. Nothing here runs: register the element with `import 'data-feed'` and tell Vue's compiler it
// is a custom element (`isCustomElement`). The package itself depends on Vue in no way.
import type { HTMLAttributes, PublicProps } from 'vue';
import type { DataFeed } from '../data-feed.js';
import type { DataFeedProperties, DataFeedVueEventProps } from './props.js';

export type { DataFeedProperties, DataFeedPropertyName, DataFeedVueEventProps } from './props.js';

/**
 * What a Vue template may bind on `<data-feed>`: Vue's HTML attributes, the element's properties
 * (`:interval`, `:source`, `:noControls`, …) and `@data-feed-*` listeners with typed `detail`.
 */
export type DataFeedVueProps = Omit<HTMLAttributes, keyof DataFeedProperties | keyof DataFeedVueEventProps> &
  DataFeedProperties &
  DataFeedVueEventProps;

/**
 * `<data-feed>` as Vue's template type-checker sees a component: an instance is the element itself (a
 * template ref is a `DataFeed`), `$props` lists what the template may bind.
 */
export type DataFeedVueComponent = new () => DataFeed & {
  /** @deprecated For template type-checking only: not on the element at run time. */
  $props: DataFeedVueProps & PublicProps;
};

declare module 'vue' {
  interface GlobalComponents {
    'data-feed': DataFeedVueComponent;
  }
}
