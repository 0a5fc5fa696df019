// `data-feed/react`: types only, for React 19 apps that opt in with
//   /// <reference types="data-feed/react" />   (or "types": ["data-feed/react"] in tsconfig.json)
// It adds <data-feed> to React's JSX.IntrinsicElements. Nothing here runs: register the element with
// `import 'data-feed'` as usual. The package itself depends on React in no way.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DataFeed } from '../data-feed.js';
import type { DataFeedEventProps, DataFeedProperties } from './props.js';

export type { DataFeedEventProps, DataFeedProperties, DataFeedPropertyName } from './props.js';

/**
 * The props of `<data-feed>` in React 19 JSX: React's own (`key`, `ref` as `Ref<DataFeed>`, `className`,
 * `style`, `id`, `onClick`, …), the element's properties (React 19 sets them as properties, `source` and
 * `series` included) and `ondata-feed-*` listeners with typed `detail`.
 */
export type DataFeedReactProps = Omit<
  DetailedHTMLProps<HTMLAttributes<DataFeed>, DataFeed>,
  keyof DataFeedProperties | keyof DataFeedEventProps
> &
  DataFeedProperties &
  DataFeedEventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'data-feed': DataFeedReactProps;
    }
  }
}
