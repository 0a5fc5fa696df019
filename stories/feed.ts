// How the stories render `<data-feed>` from their args: one arg per attribute, by attribute name,
// and one per event, by event name (a spy, so the Actions panel logs each event's `detail`).
import { html, nothing, type TemplateResult } from 'lit';
import type { DataFeedEventName, DataFeedView, FeedSource } from '../src/index.js';

export interface FeedAttributes {
  streaming?: boolean;
  interval?: number;
  'min-interval'?: number;
  'max-interval'?: number;
  step?: number;
  capacity?: number;
  backfill?: number;
  'sample-period'?: number;
  series?: string;
  heading?: string;
  'slider-label'?: string;
  'start-label'?: string;
  'stop-label'?: string;
  'no-controls'?: boolean;
  table?: boolean;
  'time-zone'?: string;
  'table-label'?: string;
  'download-label'?: string;
  'live-label'?: string;
  sync?: string;
}

export type FeedEventArgs = { [K in DataFeedEventName]?: (detail: unknown) => void };

export type FeedArgs = FeedAttributes & FeedEventArgs;

export const EVENT_NAMES: readonly DataFeedEventName[] = [
  'data-feed-start',
  'data-feed-stop',
  'data-feed-interval-change',
  'data-feed-update',
  'data-feed-error',
  'data-feed-view-change',
];

/** Number of series the `series` arg names (the element's default is two). */
export function seriesCount(args: FeedAttributes): number {
  return args.series?.split(',').filter((name) => name.trim()).length || 2;
}

/** Tells the event's spy arg, if any, with the event's `detail`. */
const tell = (args: FeedEventArgs) => (event: Event) =>
  args[event.type as DataFeedEventName]?.((event as CustomEvent).detail);

/**
 * `<data-feed>` with an attribute for each attribute arg that is set, a listener for each event
 * arg, and optionally a `source` and a `view` property.
 */
export function feed(args: FeedArgs, options: { source?: FeedSource; heading?: string; view?: DataFeedView } = {}): TemplateResult {
  const on = tell(args);
  return html`<data-feed
    ?streaming=${args.streaming ?? false}
    interval=${args.interval ?? nothing}
    min-interval=${args['min-interval'] ?? nothing}
    max-interval=${args['max-interval'] ?? nothing}
    step=${args.step ?? nothing}
    capacity=${args.capacity ?? nothing}
    backfill=${args.backfill ?? nothing}
    sample-period=${args['sample-period'] ?? nothing}
    series=${args.series ?? nothing}
    heading=${options.heading ?? args.heading ?? nothing}
    slider-label=${args['slider-label'] ?? nothing}
    start-label=${args['start-label'] ?? nothing}
    stop-label=${args['stop-label'] ?? nothing}
    ?no-controls=${args['no-controls'] ?? false}
    ?table=${args.table ?? false}
    time-zone=${args['time-zone'] ?? nothing}
    table-label=${args['table-label'] ?? nothing}
    download-label=${args['download-label'] ?? nothing}
    live-label=${args['live-label'] ?? nothing}
    sync=${args.sync ?? nothing}
    .source=${options.source ?? null}
    .view=${options.view ?? null}
    @data-feed-start=${on}
    @data-feed-stop=${on}
    @data-feed-interval-change=${on}
    @data-feed-update=${on}
    @data-feed-error=${on}
    @data-feed-view-change=${on}
  ></data-feed>`;
}
