// A Lit app's template setting every attribute of <data-feed>, checked against the packed package
// by `lit-analyzer --strict` (scripts/check-package.mjs, which also compiles it): the analyser must
// know each attribute and accept the value written. `series` is bound as a property: the analyser
// types an attribute as the property of the same name (`string[]`), so `series="bid,ask"`, which
// the element reads all the same, would be reported as a complex binding.
import 'data-feed';
import { html } from 'lit';

export const dashboard = html`
  <data-feed
    streaming
    interval="1.5"
    min-interval="0.5"
    max-interval="5"
    step="0.5"
    capacity="500"
    backfill="120"
    sample-period="0.25"
    .series=${['bid', 'ask']}
    heading="Prices"
    slider-label="Refresh every (seconds)"
    start-label="Start"
    stop-label="Stop"
    live-label="Back to live"
    table-label="Table"
    download-label="CSV"
    no-controls
    table
    time-zone="Europe/Berlin"
    src="/api/prices"
    transport="sse"
    sync="prices"
  ></data-feed>
`;
