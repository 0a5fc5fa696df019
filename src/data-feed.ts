import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { ChartController } from './chart/chart-controller.js';
import { PALETTE_SIZE, readTheme } from './chart/theme.js';
import { uplotStyles } from './chart/uplot.styles.js';
import { MAX_CAPACITY } from './core/buffer.js';
import type { FeedChunk, FeedSource } from './core/chunk.js';
import { DEFAULTS, IntervalRange, MAX_BACKFILL, accept, readSeconds, type Warn } from './core/settings.js';
import { readNumber, readSeries, sameNames, toText } from './core/values.js';
import { dataFeedStyles } from './data-feed.styles.js';
import { controlsTemplate, type ControlsActions, type ControlsState } from './element/controls.js';
import { textProperty } from './element/text-property.js';
import { FeedController } from './element/feed-controller.js';
import { feedEvent, type DataFeedEventMap, type DataFeedEventName } from './events.js';
import { toCSV } from './export/csv.js';
import { download } from './export/download.js';
import { checkTimeZone } from './text/format.js';
import { TextViews } from './text/text-views.js';

/** Attribute text goes to the property setter as it is: the setters read, clamp and warn. */
const asText = { fromAttribute: (value: string | null) => value, toAttribute: (value: unknown) => String(value) };

/**
 * A live line chart of time series that a user can start and stop.
 *
 * On first connect it shows the last `backfill` seconds of its source, static. "Start streaming"
 * fetches what is new every `interval` seconds, keeping the newest `capacity` points; "Stop
 * streaming" freezes the chart. With no `source` it generates standard-normal series itself.
 *
 * @summary A start-and-stop streaming chart.
 *
 * @fires {CustomEvent<{ interval: number }>} data-feed-start - Streaming turned on (bubbles, composed).
 * @fires {CustomEvent<Record<string, never>>} data-feed-stop - Streaming turned off (bubbles, composed).
 * @fires {CustomEvent<{ interval: number }>} data-feed-interval-change - The interval changed (bubbles, composed).
 * @fires {CustomEvent<{ added: number; dropped: number; size: number }>} data-feed-update - The points kept changed: an update, `append()`, `clear()`, a lower `capacity`, or a new `source` or number of series (bubbles, composed).
 * @fires {CustomEvent<{ error: unknown }>} data-feed-error - The source threw, rejected, timed out (10 s) or returned a malformed chunk (bubbles, composed).
 *
 * @csspart heading - The title above the chart (absent when `heading` is empty).
 * @csspart controls - The box holding the slider and the buttons (absent with `no-controls`).
 * @csspart slider - The `<input type="range">` choosing the interval.
 * @csspart start-button - The "Start streaming" `<button>`.
 * @csspart stop-button - The "Stop streaming" `<button>`.
 * @csspart table-button - The "Show table" toggle `<button>` (`aria-pressed` says whether the table shows).
 * @csspart download-button - The "Download CSV" `<button>`.
 * @csspart chart - The box holding the uPlot chart and its legend (`role="img"`, named and described by the summary).
 * @csspart summary - The chart in words: series, number of points, time span, latest values. Hidden (`display: none`: hidden text lays nothing out); screen readers read it as the chart's description. Follows every draw, at most once every 5 s while streaming, exact at once on stop. `::part(summary) { display: block }` shows it.
 * @csspart table - The scrollable data table of the kept points, newest first (present with `table`).
 * @csspart status - A short message after a failed update, empty otherwise (`role="status"`).
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
 * @cssprop [--data-feed-font=system-ui, sans-serif] - Font family of text, axes and legend.
 * @cssprop [--data-feed-chart-height=300px] - Height of the plot area (the legend comes below it).
 */
export class DataFeed extends LitElement {
  static override styles = [uplotStyles, dataFeedStyles];

  // The accessors below read, clamp and warn; Lit wraps them to re-render. `streaming` and
  // `interval` are reflected by their setters, at once, as a native element's attributes are.
  static override properties: PropertyDeclarations = {
    streaming: { type: Boolean },
    interval: { converter: asText },
    minInterval: { attribute: 'min-interval', converter: asText },
    maxInterval: { attribute: 'max-interval', converter: asText },
    step: { converter: asText },
    capacity: { converter: asText },
    backfill: { converter: asText },
    samplePeriod: { attribute: 'sample-period', converter: asText },
    series: { converter: { fromAttribute: (value: string | null) => value, toAttribute: (value: readonly string[]) => value.join(',') } },
    heading: { noAccessor: true },
    sliderLabel: { attribute: 'slider-label', noAccessor: true },
    startLabel: { attribute: 'start-label', noAccessor: true },
    stopLabel: { attribute: 'stop-label', noAccessor: true },
    tableLabel: { attribute: 'table-label', noAccessor: true },
    downloadLabel: { attribute: 'download-label', noAccessor: true },
    noControls: { type: Boolean, attribute: 'no-controls' },
    table: { type: Boolean, reflect: true },
    timeZone: { attribute: 'time-zone' },
    source: { attribute: false },
  };

  /** Title above the chart; empty hides it. @default 'Data feed' */
  @textProperty(DEFAULTS.heading) declare heading: string;
  /** Label of the slider. @default 'Check for updates every: (seconds)' */
  @textProperty(DEFAULTS.sliderLabel) declare sliderLabel: string;
  /** Text of the start button. @default 'Start streaming' */
  @textProperty(DEFAULTS.startLabel) declare startLabel: string;
  /** Text of the stop button. @default 'Stop streaming' */
  @textProperty(DEFAULTS.stopLabel) declare stopLabel: string;
  /** Text of the table toggle button. @default 'Show table' */
  @textProperty(DEFAULTS.tableLabel) declare tableLabel: string;
  /** Text of the download button. @default 'Download CSV' */
  @textProperty(DEFAULTS.downloadLabel) declare downloadLabel: string;

  /** Hides the built-in slider and buttons: the host drives the element. @default false */
  noControls = false;

  /**
   * Shows the kept points as a table under the chart, newest first (at most 500 rows), for
   * screen-reader and keyboard users; the "Show table" button turns it on and off.
   * @default false
   */
  table = false;

  private _streaming = false;
  private _series: readonly string[] = DEFAULTS.series;
  private _timeZone = '';
  /** Set once the element is first connected: from then on changes fire events. */
  private _ready = false;
  /** The interval last announced, to fire `data-feed-interval-change` once per effective change. */
  private _announcedInterval: number = DEFAULTS.interval;
  /** The attribute being applied, so a warning names what the page wrote and no reflection echoes it. */
  private _applyingAttribute: string | null = null;
  private readonly _warn: Warn = (property, input, problem) => {
    const name = this._applyingAttribute ?? property;
    const shown = typeof input === 'string' ? JSON.stringify(input) : toText(input);
    console.warn(`data-feed: ${this._applyingAttribute ? 'attribute' : 'property'} ${name} = ${shown}: ${problem}.`);
  };
  private readonly _range = new IntervalRange(this._warn);

  private readonly _data = new FeedController(this, {
    kept: (added, dropped) => this._kept(added, dropped),
    failed: (error) => this._emit('data-feed-error', { error }),
    load: () => this._load(),
  });
  private readonly _feed = this._data.feed;

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

  private readonly _textViews = new TextViews();
  /** The control that had focus before a render, to hand focus on if that control is disabled. */
  private _focused: Element | null = null;

  // ——— attributes and properties ———————————————————————————————————————————

  /** Live updates on or off; adding the attribute starts, removing it stops. @default false */
  get streaming(): boolean {
    return this._streaming;
  }
  set streaming(value: boolean) {
    const on = Boolean(value);
    if (on === this._streaming) return;
    this._streaming = on;
    this._reflect('streaming', on ? '' : null);
    this._textViews.reset();
    if (this._ready) {
      this._emit(on ? 'data-feed-start' : 'data-feed-stop', on ? { interval: this.interval } : {});
      if (this._streaming !== on) return; // a listener turned it back
    }
    if (on) this._feed.scheduler.start();
    else {
      this._feed.scheduler.stop();
      // The summary, held back while streaming, tells what the chart stopped at.
      if (this._ready && this._chart.plot) this._drawn();
    }
  }

  /** Seconds between updates while streaming, kept within [`minInterval`, `maxInterval`]. @default 1 */
  get interval(): number {
    return this._range.interval;
  }
  set interval(value: number) {
    this._range.setInterval(value);
    this._intervalMaybeChanged();
  }

  /** Slider minimum, in seconds (at least 0.001); a minimum above `maxInterval` raises it. @default 0.5 */
  get minInterval(): number {
    return this._range.min;
  }
  set minInterval(value: number) {
    this._range.setMin(value);
    this._intervalMaybeChanged();
  }

  /** Slider maximum, in seconds; never below `minInterval`. @default 5 */
  get maxInterval(): number {
    return this._range.max;
  }
  set maxInterval(value: number) {
    this._range.setMax(value);
    this._intervalMaybeChanged();
  }

  /** Slider step, in seconds (at least 0.001). @default 0.01 */
  get step(): number {
    return this._range.step;
  }
  set step(value: number) {
    this._range.setStep(value);
  }

  /** Most points kept and drawn, an integer from 1 to 1,000,000; lowering it trims the oldest at once. @default 100 */
  get capacity(): number {
    return this._feed.buffer.capacity;
  }
  set capacity(value: number) {
    const read = readNumber(value, { min: 1, max: MAX_CAPACITY, fallback: this.capacity, reset: DEFAULTS.capacity, integer: true });
    this._feed.setCapacity(accept(this._warn, 'capacity', value, read));
  }

  /** Furthest back one update reaches, in seconds (at least 0). @default 60 */
  get backfill(): number {
    return this._feed.backfill;
  }
  set backfill(value: number) {
    const read = readNumber(value, { min: 0, max: MAX_BACKFILL, fallback: this.backfill, reset: DEFAULTS.backfill });
    this._feed.backfill = accept(this._warn, 'backfill', value, read);
  }

  /** Seconds between the points of the built-in generator (at least 0.001). @default 0.5 */
  get samplePeriod(): number {
    return this._feed.samplePeriod;
  }
  set samplePeriod(value: number) {
    const read = readSeconds(value, this.samplePeriod, DEFAULTS.samplePeriod);
    this._feed.samplePeriod = accept(this._warn, 'samplePeriod', value, read);
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
    const names = accept(this._warn, 'series', value, readSeries(value, this._series, DEFAULTS.series));
    if (sameNames(names, this._series)) return;
    this._series = names;
    this._feed.setSeriesCount(names.length);
    this._chart.setSeries(names);
  }

  /**
   * Time zone of the axis, the legend, the table and the summary: an IANA name such as
   * `Europe/Berlin`, or `UTC`. Empty means the browser's. A name the browser does not know keeps
   * the zone held (with a warning). The CSV is always in UTC.
   * @default ''
   */
  get timeZone(): string {
    return this._timeZone;
  }
  set timeZone(value: string) {
    const text = value == null ? '' : String(value).trim();
    let zone: string;
    try {
      zone = text && checkTimeZone(text);
    } catch {
      this._warn('timeZone', value, `not a time zone this browser knows; keeping ${this._timeZone ? JSON.stringify(this._timeZone) : "the browser's"}`);
      return;
    }
    if (zone === this._timeZone) return;
    this._timeZone = zone;
    this._textViews.setTimeZone(zone);
    this._chart.setTimeZone(zone || undefined);
  }

  /**
   * Where data comes from: `(since, now) => chunk` (or a promise of one), times in ms since the
   * epoch. `null` (the default) means the built-in random generator. Changing it forgets the
   * kept points; the next update backfills from the new source.
   * @default null
   */
  get source(): FeedSource | null {
    return this._feed.source;
  }
  set source(value: FeedSource | null) {
    const next = value ?? null;
    if (next !== null && typeof next !== 'function') {
      this._warn('source', value, 'not a function or null; keeping the current source');
      return;
    }
    this._feed.setSource(next);
  }

  /** A copy of the points kept: `time` in ms since the epoch, `values[i]` the column of series `i`. */
  get data(): { time: number[]; values: number[][] } {
    return this._feed.buffer.snapshot();
  }

  // ——— methods ——————————————————————————————————————————————————————————————

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
    // An explicit update also reads the colours again: a style set just before it is drawn by it.
    this._chart.restyle();
    return this._feed.scheduler.refresh().then(() => this._chart.flush());
  }

  /**
   * Pushes points from the host. Throws a `TypeError` for a malformed chunk (and appends nothing).
   * Points whose time is not finite or not after the last kept point are skipped.
   *
   * This replaces `Element.append(...nodes)`: `<data-feed>` renders no light-DOM children, and
   * anything but a chunk, nodes included, throws a `TypeError`.
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
   * The kept points as CSV (RFC 4180, CRLF line ends): a header `time,<series…>`, then one
   * record per point, oldest first, times in ISO 8601 UTC, gaps as empty fields. Numbers read
   * back exactly as kept.
   */
  toCSV(): string {
    return toCSV(this._series, this._feed.buffer.columns());
  }

  /**
   * The chart as drawn now, axes included, as a PNG on the element's background. Rejects while
   * the element is not in the document (there is no chart then).
   */
  toPNG(): Promise<Blob> {
    return this._chart.toPNG(getComputedStyle(this).backgroundColor);
  }

  // ——— lifecycle ——————————————————————————————————————————————————————————————

  override connectedCallback(): void {
    // Before the controllers hear of the connect: the first load needs the settled interval.
    if (!this._ready) this._becomeReady();
    super.connectedCallback();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (this._applyingAttribute === name) return; // our own reflection
    this._applyingAttribute = name;
    try {
      super.attributeChangedCallback(name, old, value);
    } finally {
      this._applyingAttribute = null;
    }
    // The property may have clamped or refused the text: write back what holds.
    if (name === 'interval' && value !== null && this._ready) this._reflect('interval', String(this.interval));
  }

  protected override render() {
    return html`<div class="frame">
      ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : nothing}
      <div class="body">
        ${this.noControls ? nothing : controlsTemplate(this._controlsState(), this._actions)}
        <div class="view">
          <div part="chart" role="img" aria-label=${`Line chart of ${this._series.join(', ')}`} aria-describedby="summary">
            <div class="sizer"></div>
            <div class="swatches" aria-hidden="true">
              ${SWATCHES}
            </div>
          </div>
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

  protected override willUpdate(): void {
    this._focused = this.shadowRoot?.activeElement ?? null;
  }

  protected override updated(): void {
    // A button that disables itself when pressed hands the focus to its counterpart, so a keyboard
    // user can press Start, then Stop, without looking for the focus.
    const focused = this._focused as HTMLButtonElement | null;
    if (focused?.disabled) this.renderRoot.querySelector<HTMLElement>(`[part=${focused.part[0] === 'start-button' ? 'stop' : 'start'}-button]`)?.focus();
    this._textViews.find(this.renderRoot);
    this._textViews.renderTable(this._series, this._feed.buffer.columns());
  }

  // ——— internals ——————————————————————————————————————————————————————————————

  private _becomeReady(): void {
    this._ready = true;
    // Attributes may have arrived in any order: only now is the interval's range known.
    this._range.settle();
    if (this.hasAttribute('interval')) this._reflect('interval', String(this.interval));
    this._announcedInterval = this.interval;
    this._feed.scheduler.setInterval(this.interval * 1000);
  }

  /**
   * Writes a reflected attribute at once (not at the next render), without reading it back. Not
   * while attributes are first applied: one may re-clamp another that is still to come.
   */
  private _reflect(name: string, value: string | null): void {
    if (this._applyingAttribute === name || (this._applyingAttribute && !this._ready)) return;
    if (this.getAttribute(name) === value) return;
    this._applyingAttribute = name;
    try {
      if (value === null) this.removeAttribute(name);
      else this.setAttribute(name, value);
    } finally {
      this._applyingAttribute = null;
    }
  }

  private _load(): void {
    this.refresh().catch(() => {
      /* reported through data-feed-error and the status part */
    });
  }

  /** The points kept changed: redraw and tell. */
  private _kept(added: number, dropped: number): void {
    if (added > 0) this._textViews.arrived(this._streaming);
    this._chart.invalidate();
    this._emit('data-feed-update', { added, dropped, size: this._feed.buffer.size });
  }

  /** The interval may have moved (set, or re-clamped by its range): reflect, announce, reschedule. */
  private _intervalMaybeChanged(): void {
    const interval = this.interval;
    if (interval === this._announcedInterval) return;
    this._announcedInterval = interval;
    this._reflect('interval', String(interval));
    if (this._ready) {
      this._emit('data-feed-interval-change', { interval });
      if (this.interval !== interval) return; // a listener changed it again
    }
    this._feed.scheduler.setInterval(interval * 1000);
  }

  private _emit<K extends DataFeedEventName>(name: K, detail: DataFeedEventMap[K]['detail']): void {
    this.dispatchEvent(feedEvent(name, detail));
  }


  /** The chart was drawn: its words follow. */
  private _drawn(): void {
    this._textViews.update(this._series, this._feed.buffer.columns(), Date.now(), this._streaming);
  }

  private _controlsState(): ControlsState {
    const { interval, minInterval: min, maxInterval: max, step, streaming, table } = this;
    const { sliderLabel, startLabel, stopLabel, tableLabel, downloadLabel } = this;
    return { interval, min, max, step, streaming, table, sliderLabel, startLabel, stopLabel, tableLabel, downloadLabel };
  }

  /** What the built-in controls do: bound once, so a render sets no listener again. */
  private readonly _actions: ControlsActions = {
    slide: (event) => (this.interval = Number((event.target as HTMLInputElement).value)),
    start: () => this.start(),
    stop: () => this.stop(),
    toggleTable: () => (this.table = !this.table),
    download: () => download(this.toCSV(), 'data-feed.csv', 'text/csv;charset=utf-8'),
  };
}

/** The palette's swatches, then the grid's, the text's and the line width's (see the styles). */
const SWATCHES = Array.from({ length: PALETTE_SIZE + 3 }, () => html`<span></span>`);

declare global {
  interface HTMLElementTagNameMap {
    'data-feed': DataFeed;
  }
}
