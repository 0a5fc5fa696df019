import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ChartController } from './chart/chart-controller.js';
import { SWATCHES, readTheme } from './chart/theme.js';
import { uplotStyles } from './chart/uplot.styles.js';
import { ViewController } from './chart/view-controller.js';
import type { FeedChunk, FeedSource } from './core/chunk.js';
import { DEFAULTS, TEXTS, accept } from './core/settings.js';
import { readSeries, readText, sameNames } from './core/values.js';
import { dataFeedStyles } from './data-feed.styles.js';
import { Attributes } from './element/attributes.js';
import { controlsTemplate } from './element/controls.js';
import { FeedController } from './element/feed-controller.js';
import { focusHandoff } from './element/focus-handoff.js';
import { forward } from './element/forward.js';
import { ScheduleController } from './element/schedule-controller.js';
import { timeZoneSetting } from './element/time-zone.js';
import { feedEvent, type DataFeedEventMap, type DataFeedEventName, type DataFeedView } from './events.js';
import { toCSV } from './export/csv.js';
import { toPNG } from './export/png.js';
import { TextViews } from './text/text-views.js';

/**
 * A live line chart of time series that a user can start and stop.
 *
 * On first connect it shows the last `backfill` seconds of its source, static. "Start streaming"
 * fetches what is new every `interval` seconds, keeping the newest `capacity` points; "Stop
 * streaming" freezes the chart. With no `source` it generates standard-normal series itself.
 *
 * @summary A start-and-stop streaming chart.
 *
 * @attr {boolean} streaming - Live updates on or off; adding it starts, removing it stops. Default: absent.
 * @attr {number} [interval=1] - Seconds between updates while streaming, within min-interval and max-interval.
 * @attr {number} [min-interval=0.5] - Slider minimum, in seconds.
 * @attr {number} [max-interval=5] - Slider maximum, in seconds.
 * @attr {number} [step=0.01] - Slider step, in seconds.
 * @attr {number} [capacity=100] - Most points kept and drawn, 1 to 1,000,000.
 * @attr {number} [backfill=60] - Furthest back one update reaches, in seconds.
 * @attr {number} [sample-period=0.5] - Seconds between the points of the built-in generator.
 * @attr {string} [series=A,B] - Names of the series, comma-separated.
 * @attr {string} [heading=Data feed] - Title above the chart; empty hides it.
 * @attr {string} [slider-label=Check for updates every: (seconds)] - Label of the slider.
 * @attr {string} [start-label=Start streaming] - Text of the start button.
 * @attr {string} [stop-label=Stop streaming] - Text of the stop button.
 * @attr {string} [live-label=Follow live] - Text of the button that returns a zoomed chart to the live view.
 * @attr {string} [table-label=Show table] - Text of the table toggle button.
 * @attr {string} [download-label=Download CSV] - Text of the download button.
 * @attr {boolean} no-controls - Hides the built-in slider and buttons: the host drives the element. Default: absent.
 * @attr {boolean} table - Shows the kept points as a table under the chart. Default: absent.
 * @attr {string} time-zone - IANA time zone of the axis, legend, table and summary. Default: the browser's.
 * @attr {string} src - URL of a server feed; a `source` function takes precedence. Default: absent.
 * @attr {'poll' | 'sse' | 'websocket'} transport - How `src` is read. Default: `websocket` for a ws:/wss: URL, else `poll`.
 * @attr {string} sync - Elements with the same `sync` share their cursor and view; empty joins no group. Default: absent.
 *
 * @fires {CustomEvent<{ interval: number }>} data-feed-start - Streaming turned on (bubbles, composed).
 * @fires {CustomEvent<Record<string, never>>} data-feed-stop - Streaming turned off (bubbles, composed).
 * @fires {CustomEvent<{ interval: number }>} data-feed-interval-change - The interval changed (bubbles, composed).
 * @fires {CustomEvent<{ added: number; dropped: number; size: number }>} data-feed-update - The points kept changed: an update, `append()`, `clear()`, a lower `capacity`, or a new `source` or number of series (bubbles, composed).
 * @fires {CustomEvent<{ error: unknown }>} data-feed-error - The source threw, rejected, timed out (10 s) or returned a malformed chunk; a server feed failed (bubbles, composed).
 * @fires {CustomEvent<{ state: 'closed' | 'connecting' | 'open' | 'reconnecting'; attempt: number; retryIn: number }>} data-feed-connection - The connection of an `sse`/`websocket` feed changed state; `retryIn` is the seconds until the next attempt while reconnecting (bubbles, composed).
 * @fires {CustomEvent<{ view: { from: number; to: number } | null }>} data-feed-view-change - The chart was zoomed, moved or returned to live, whatever did it: a drag, a key, a double-click, the "Follow live" button, `view`, or a `sync` group (bubbles, composed).
 *
 * @csspart heading - The title above the chart (absent when `heading` is empty).
 * @csspart controls - The box holding the slider and the buttons (absent with `no-controls`).
 * @csspart slider - The `<input type="range">` choosing the interval.
 * @csspart start-button - The "Start streaming" `<button>`.
 * @csspart stop-button - The "Stop streaming" `<button>`.
 * @csspart table-button - The "Show table" toggle `<button>` (`aria-pressed` says whether the table shows).
 * @csspart download-button - The "Download CSV" `<button>`.
 * @csspart chart - The box holding the uPlot chart and its legend (`role="img"`, named and described by the summary); focusable, with keys to zoom and move (`+`, `-`, `←`, `→`, `Home`, `Escape`).
 * @csspart live-button - The "Follow live" `<button>`, shown while the chart is zoomed.
 * @csspart summary - The chart in words: series, number of points, time span, latest values. Hidden (`display: none`: hidden text lays nothing out); screen readers read it as the chart's description. Follows every draw, at most once every 5 s while streaming, exact at once on stop. `::part(summary) { display: block }` shows it.
 * @csspart table - The scrollable data table of the kept points, newest first (present with `table`).
 * @csspart status - A short message while an update waits, after a failed update, or while a feed reconnects ("Reconnecting in 8 s"); empty otherwise (`role="status"`).
 *
 * @cssstate closed - An `sse`/`websocket` feed holds no connection (also any other source).
 * @cssstate connecting - Its connection is opening.
 * @cssstate open - Its connection is open.
 * @cssstate reconnecting - Its connection dropped and is retried: `data-feed:state(reconnecting)`.
 *
 * @cssprop [--data-feed-series-1=#0068c9 (dark: #83c9ff)] - Line colour of series 1; series 9, 17, … reuse it. Every default stands out from the default surface by at least 3:1.
 * @cssprop [--data-feed-series-2=#3d8fd9 (dark: #0068c9)] - Line colour of series 2.
 * @cssprop [--data-feed-series-3=#ff2b2b (dark: #ffabab)] - Line colour of series 3.
 * @cssprop [--data-feed-series-4=#d6336c (dark: #ff2b2b)] - Line colour of series 4.
 * @cssprop [--data-feed-series-5=#168575 (dark: #7defa1)] - Line colour of series 5.
 * @cssprop [--data-feed-series-6=#2b9348 (dark: #29b09d)] - Line colour of series 6.
 * @cssprop [--data-feed-series-7=#c75f00 (dark: #ffd16a)] - Line colour of series 7.
 * @cssprop [--data-feed-series-8=#9c7a00 (dark: #ff8700)] - Line colour of series 8.
 * @cssprop [--data-feed-background=#ffffff (dark: #0e1117)] - Surface behind everything; `transparent` lets the page show through.
 * @cssprop [--data-feed-text=#31333f (dark: #fafafa)] - Text and axis colour.
 * @cssprop [--data-feed-grid=rgba(49,51,63,0.16) (dark: rgba(250,250,250,0.16))] - Grid lines and button borders.
 * @cssprop [--data-feed-font=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Font family of text, axes and legend.
 * @cssprop [--data-feed-chart-height=300px] - Height of the plot area (the legend comes below it).
 * @cssprop [--data-feed-line-width=1px] - Width of the lines, any CSS length (drawn in CSS pixels). Thicker lines cost more to paint where the canvas is rastered in software (docs/benchmarks.md). Dense data (more points than pixels) is drawn at most 1px wide.
 */
export class DataFeed extends LitElement {
  static override styles = [uplotStyles, dataFeedStyles];

  // Most accessors forward to a controller that reads, clamps and warns; Lit wraps them, so a set
  // asks for the render. Attribute text goes to the setters as it is (Lit's default converter):
  // they read, clamp and warn. `streaming` and `interval` are reflected by their controller, at once.
  static override properties: PropertyDeclarations = {
    streaming: { type: Boolean },
    interval: {},
    minInterval: { attribute: 'min-interval' },
    maxInterval: { attribute: 'max-interval' },
    step: {},
    capacity: {},
    backfill: {},
    samplePeriod: { attribute: 'sample-period' },
    series: {},
    heading: {},
    sliderLabel: { attribute: 'slider-label' },
    startLabel: { attribute: 'start-label' },
    stopLabel: { attribute: 'stop-label' },
    tableLabel: { attribute: 'table-label' },
    downloadLabel: { attribute: 'download-label' },
    liveLabel: { attribute: 'live-label' },
    noControls: { type: Boolean, attribute: 'no-controls' },
    table: { type: Boolean, reflect: true },
    timeZone: { attribute: 'time-zone' },
    source: { attribute: false },
    src: {},
    transport: {},
    sync: {},
  };

  static {
    forward(this, (el: DataFeed) => el._schedule, ['streaming', 'interval', 'minInterval', 'maxInterval', 'step']);
    forward(this, (el: DataFeed) => el._data, ['capacity', 'backfill', 'samplePeriod', 'source', 'src', 'transport']);
    forward(this, (el: DataFeed) => el._zone, ['timeZone']);
    forward(this, (el: DataFeed) => el._view, ['view', 'sync']);
    // A text set to `null` or `undefined` (a removed attribute) is its default again.
    forward(this, (el: DataFeed) => el._texts, Object.keys(TEXTS), (value, name) => readText(value, TEXTS[name]));
  }

  /** Live updates on or off; adding the attribute starts, removing it stops. @default false */
  declare streaming: boolean;
  /** Seconds between updates while streaming, kept within [`minInterval`, `maxInterval`]. @default 1 */
  declare interval: number;
  /** Slider minimum, in seconds (at least 0.001); a minimum above `maxInterval` raises it. @default 0.5 */
  declare minInterval: number;
  /** Slider maximum, in seconds; never below `minInterval`. @default 5 */
  declare maxInterval: number;
  /** Slider step, in seconds (at least 0.001). @default 0.01 */
  declare step: number;
  /** Most points kept and drawn, an integer from 1 to 1,000,000; lowering it trims the oldest at once. @default 100 */
  declare capacity: number;
  /** Furthest back one update reaches, in seconds (at least 0). @default 60 */
  declare backfill: number;
  /** Seconds between the points of the built-in generator (at least 0.001). @default 0.5 */
  declare samplePeriod: number;
  /** Where data comes from: `(since, now) => chunk` (or a promise of one), ms since the epoch; `null` is the built-in generator. A new one forgets the kept points. @default null */
  declare source: FeedSource | null;

  /** A server feed: its URL, resolved against the document's base URL (`since` and `now` are added to its query). `source` takes precedence. @default '' */
  declare src: string;
  /** How `src` is read: `poll`, `sse` or `websocket`; by default `websocket` for a `ws:`/`wss:` URL, else `poll`. */
  declare transport: 'poll' | 'sse' | 'websocket';

  /** Title above the chart; empty hides it. @default 'Data feed' */
  declare heading: string;
  /** Label of the slider. @default 'Check for updates every: (seconds)' */
  declare sliderLabel: string;
  /** Text of the start button. @default 'Start streaming' */
  declare startLabel: string;
  /** Text of the stop button. @default 'Stop streaming' */
  declare stopLabel: string;
  /** Text of the table toggle button. @default 'Show table' */
  declare tableLabel: string;
  /** Text of the download button. @default 'Download CSV' */
  declare downloadLabel: string;
  /** Text of the button that returns a zoomed chart to the live view. @default 'Follow live' */
  declare liveLabel: string;
  /** Time zone of the axis, legend, table and summary: an IANA name such as `Europe/Berlin`, or `UTC`; empty is the browser's; the CSV is in UTC. @default '' */
  declare timeZone: string;
  /** The time range the chart holds still, `{ from, to }` in ms since the epoch, or `null` while it follows the data live. Anything else is refused with a warning. @default null */
  declare view: DataFeedView | null;
  /** Elements with the same `sync` share their cursor and their view; empty joins no group. @default '' */
  declare sync: string;

  /** Hides the built-in slider and buttons: the host drives the element. @default false */
  noControls = false;

  /** Shows the kept points as a table under the chart, newest first (at most 500 rows); the "Show table" button turns it on and off. @default false */
  table = false;

  private readonly _texts = { ...TEXTS };
  private _series: readonly string[] = DEFAULTS.series;
  /** The page set `series`: a server's answer no longer names them. */
  private _seriesSet = false;
  private readonly _internals = this.attachInternals();
  private readonly _attributes = new Attributes(this);
  private readonly _textViews = new TextViews(this);
  private readonly _zone = timeZoneSetting(this._attributes.warn, (zone) => {
    this._textViews.setTimeZone(zone);
    this._chart.setTimeZone(zone || undefined);
  });
  private readonly _data = new FeedController(this, {
    kept: (added, dropped) => this._kept(added, dropped),
    failed: (error) => this._emit('data-feed-error', { error }),
    load: () => this.refresh().catch(() => {}), // told by data-feed-error and the status part
    warn: this._attributes.warn,
    names: () => this._series,
    discover: () => !this._seriesSet,
    named: (names) => this._name(names),
    connection: (state, attempt, retryIn) => {
      this._internals.states?.clear();
      this._internals.states?.add(state);
      this._emit('data-feed-connection', { state, attempt, retryIn });
    },
  });
  private readonly _feed = this._data.feed;
  private readonly _schedule = new ScheduleController({
    scheduler: this._feed.scheduler,
    attributes: this._attributes,
    emit: (name, detail) => this._emit(name, detail),
    turned: (on) => {
      this._textViews.reset();
      this._data.released();
      // The summary, held back while streaming, tells at once what the chart stopped at.
      if (!on && this._attributes.ready && this._chart.plot) this._drawn();
    },
  });
  private readonly _chart = new ChartController(this, {
    buffer: () => this._feed.buffer,
    // The chart is placed after the first render, so the swatches are there.
    theme: () => readTheme(this, this.renderRoot.querySelector('.swatches')!.children, this._series.length),
    drawn: () => this._drawn(),
    place: () => {
      // The chart's first draw comes before updated(): its words need their nodes already.
      this._textViews.find(this.renderRoot);
      const container = this.renderRoot.querySelector<HTMLElement>('[part="chart"]');
      const sizer = this.renderRoot.querySelector<HTMLElement>('.sizer');
      return container && sizer ? { container, sizer, names: this._series } : null;
    },
  });
  private readonly _view = new ViewController(this, { chart: this._chart, warn: this._attributes.warn, changed: (view) => this._emit('data-feed-view-change', { view }) });

  constructor() {
    super();
    focusHandoff(this);
  }

  /**
   * Names of the series (columns), in order: comma-separated as an attribute, a `string[]` as a
   * property. A different number of series forgets the kept points.
   * @default ['A', 'B']
   */
  get series(): string[] {
    return [...this._series];
  }
  set series(value: string[]) {
    const names = accept(this._attributes.warn, 'series', value, readSeries(value, this._series, DEFAULTS.series));
    this._seriesSet ||= value != null;
    if (sameNames(names, this._series)) return;
    this._series = names;
    this._feed.setSeriesCount(names.length);
    this._chart.setSeries(names);
  }

  /** The state of an `sse`/`websocket` feed's connection (`closed` for any other source), also a CSS custom state: `:state(reconnecting)`. */
  get connection(): 'closed' | 'connecting' | 'open' | 'reconnecting' {
    return this._data.connection;
  }

  /** A copy of the points kept: `time` in ms since the epoch, `values[i]` the column of series `i`. */
  get data(): { time: number[]; values: number[][] } {
    return this._feed.buffer.snapshot();
  }

  /** Turns streaming on (as the "Start streaming" button does). */
  start(): void {
    this.streaming = true;
  }

  /** Turns streaming off (as the "Stop streaming" button does). */
  stop(): void {
    this.streaming = false;
  }

  /** Turns streaming over. */
  toggle(): void {
    this.streaming = !this.streaming;
  }

  /**
   * One update now, streaming or not, even while detached or hidden. Resolves once the points
   * are kept and drawn; rejects with the error `data-feed-error` carries.
   */
  refresh(): Promise<void> {
    // No style is read here: a changed colour announces itself (see the chart's colour watch).
    return this._feed.scheduler.refresh().then(() => this._chart.flush());
  }

  /**
   * Pushes points from the host. Throws a `TypeError` for a malformed chunk (and appends nothing).
   * Points whose time is not finite or not after the last kept point are skipped. This replaces
   * `Element.append(...nodes)`: the element renders no light-DOM children, so nodes throw too.
   */
  override append(chunk: FeedChunk): void;
  /** @deprecated `<data-feed>` takes chunks, not nodes: this throws a `TypeError`. */
  override append(...nodes: (Node | string)[]): void;
  override append(chunk: unknown): void {
    this._feed.append(chunk);
  }

  /** Forgets all points; the next update backfills again. */
  clear(): void {
    this._feed.clear();
  }

  /**
   * The kept points as CSV (RFC 4180, CRLF line ends): a header `time,<series…>`, then one record
   * per point, oldest first, times in ISO 8601 UTC, gaps as empty fields; numbers read back exactly.
   */
  toCSV(): string {
    return toCSV(this._series, this._feed.buffer.columns());
  }

  /** The chart as drawn now, axes included, as a PNG on the element's background; rejects while detached. */
  toPNG(): Promise<Blob> {
    return toPNG(this._chart.canvas(), getComputedStyle(this).backgroundColor);
  }

  override connectedCallback(): void {
    // Before the controllers hear of the connect: the first load needs the settled interval.
    if (!this._attributes.ready) {
      this._attributes.ready = true;
      this._schedule.settle();
    }
    super.connectedCallback();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    this._attributes.apply(name, () => super.attributeChangedCallback(name, old, value));
    if (name === 'interval') this._schedule.appliedInterval(value);
  }

  protected override render(): TemplateResult {
    return html`<div class="frame">
      ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : nothing}
      <div class="body">
        ${this.noControls ? nothing : controlsTemplate(this)}
        <div class="view">
          <div part="chart" role="img" tabindex="0" aria-label=${this._view.label(this._series)} aria-describedby="summary" @keydown=${this._view.onKey}>
            <div class="sizer"></div>
            <div class="swatches" aria-hidden="true">${SWATCHES}</div>
          </div>
          ${this._view.liveButton(this.liveLabel)}
          <p part="summary" id="summary" hidden></p>
          ${this.table
            ? html`<div part="table" role="region" aria-label=${this.heading ? `${this.heading}: data table` : 'Data table'} tabindex="0"></div>`
            : nothing}
        </div>
      </div>
      <div part="status" role="status">${this._data.status}</div>
      <div class="visually-hidden announcer" aria-live="polite"></div>
    </div>`;
  }

  protected override updated(): void {
    this._textViews.find(this.renderRoot);
    this._textViews.renderTable(this._series, this._feed.buffer.columns());
  }

  /** A server's first answer named the series (the page never did). */
  private _name(names: readonly string[]): void {
    if (sameNames(names, this._series)) return;
    this._series = names;
    this._feed.reshape(names.length);
    this._chart.setSeries(names);
    this.requestUpdate();
  }

  /** The points kept changed: redraw and tell. */
  private _kept(added: number, dropped: number): void {
    if (added > 0) this._textViews.arrived(this.streaming);
    this._chart.invalidate();
    this._emit('data-feed-update', { added, dropped, size: this._feed.buffer.size });
  }

  private _emit<K extends DataFeedEventName>(name: K, detail: DataFeedEventMap[K]['detail']): void {
    this.dispatchEvent(feedEvent(name, detail));
  }

  /** The chart was drawn: its words follow. */
  private _drawn(): void {
    this._textViews.update(this._series, this._feed.buffer.columns(), Date.now(), this.streaming);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-feed': DataFeed;
  }
}
