import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { MAX_CAPACITY } from './core/buffer.js';
import { ChartController, type ChartTheme } from './chart/chart-controller.js';
import type { FeedChunk, FeedSource } from './core/chunk.js';
import { toCSV } from './export/csv.js';
import { dataFeedStyles } from './data-feed.styles.js';
import { feedEvent, type DataFeedEventMap, type DataFeedEventName } from './events.js';
import { checkTimeZone } from './text/format.js';
import { Feed } from './core/feed.js';
import { TextViews, type TextTargets } from './text/text-views.js';
import { uplotStyles } from './chart/uplot.styles.js';
import { readNumber, readSeries, readText, readjusted, sameNames, toText, type Adjusted } from './core/values.js';

const DEFAULTS = {
  interval: 1,
  minInterval: 0.5,
  maxInterval: 5,
  step: 0.01,
  capacity: 100,
  backfill: 60,
  samplePeriod: 0.5,
  series: ['A', 'B'] as readonly string[],
  heading: 'Data feed',
  sliderLabel: 'Check for updates every: (seconds)',
  startLabel: 'Start streaming',
  stopLabel: 'Stop streaming',
  tableLabel: 'Show table',
  downloadLabel: 'Download CSV',
} as const;

/** Largest number of seconds any interval or period may be (a day). */
const MAX_SECONDS = 86_400;
/** Largest backfill (a year of seconds). */
const MAX_BACKFILL = 365 * MAX_SECONDS;
const MIN_SECONDS = 0.001;

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

  // Declared here rather than with decorators: the accessors below do the reading and clamping,
  // Lit wraps them to re-render and reflect.
  static override properties: PropertyDeclarations = {
    streaming: { type: Boolean, reflect: true },
    interval: { reflect: true, converter: asText },
    minInterval: { attribute: 'min-interval', converter: asText },
    maxInterval: { attribute: 'max-interval', converter: asText },
    step: { converter: asText },
    capacity: { converter: asText },
    backfill: { converter: asText },
    samplePeriod: { attribute: 'sample-period', converter: asText },
    series: { converter: { fromAttribute: (value: string | null) => value, toAttribute: (value: readonly string[]) => value.join(',') } },
    heading: {},
    sliderLabel: { attribute: 'slider-label' },
    startLabel: { attribute: 'start-label' },
    stopLabel: { attribute: 'stop-label' },
    noControls: { type: Boolean, attribute: 'no-controls' },
    table: { type: Boolean, reflect: true },
    timeZone: { attribute: 'time-zone' },
    tableLabel: { attribute: 'table-label' },
    downloadLabel: { attribute: 'download-label' },
    source: { attribute: false },
  };

  private _streaming = false;
  private _interval: number = DEFAULTS.interval;
  private _minInterval: number = DEFAULTS.minInterval;
  private _maxInterval: number = DEFAULTS.maxInterval;
  private _step: number = DEFAULTS.step;
  private _series: readonly string[] = DEFAULTS.series;
  private _heading: string = DEFAULTS.heading;
  private _sliderLabel: string = DEFAULTS.sliderLabel;
  private _startLabel: string = DEFAULTS.startLabel;
  private _stopLabel: string = DEFAULTS.stopLabel;
  private _tableLabel: string = DEFAULTS.tableLabel;
  private _downloadLabel: string = DEFAULTS.downloadLabel;
  private _timeZone = '';

  /** Set once the element is first connected: from then on changes fire events. */
  private _ready = false;
  /** The interval last announced, to fire `data-feed-interval-change` once per effective change. */
  private _announcedInterval: number = DEFAULTS.interval;
  /** The attribute being applied, so a warning names what the page wrote. */
  private _applyingAttribute: string | null = null;

  /** Shown in the status part: why the last update failed, empty after a good one. */
  private _status = '';

  private readonly _feed = new Feed({
    series: DEFAULTS.series.length,
    capacity: DEFAULTS.capacity,
    interval: DEFAULTS.interval,
    backfill: DEFAULTS.backfill,
    samplePeriod: DEFAULTS.samplePeriod,
    now: () => Date.now(),
    kept: (added, dropped) => this._kept(added, dropped),
    delivered: () => this._setStatus(''),
    fail: (error) => this._fail(error),
    load: () => this._load(),
  });

  private readonly _chart = new ChartController({
    buffer: () => this._feed.buffer,
    theme: () => this._readTheme(),
    drawn: () => this._drawn(),
  });

  private readonly _words = new TextViews();
  /** Where the chart's words go, as of the last render. */
  private _targets: TextTargets | null = null;
  /** The control that had focus before a render, to hand focus on if that control is disabled. */
  private _focused: Element | null = null;

  private readonly _onVisibility = () => this._syncActive();

  // ——— attributes and properties ———————————————————————————————————————————

  /**
   * Live updates on or off; adding the attribute starts, removing it stops.
   * @default false
   */
  get streaming(): boolean {
    return this._streaming;
  }
  set streaming(value: boolean) {
    const on = Boolean(value);
    if (on === this._streaming) return;
    this._streaming = on;
    this._words.reset();
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

  /**
   * Seconds between updates while streaming, kept within [`minInterval`, `maxInterval`].
   * @default 1
   */
  get interval(): number {
    return Math.min(this.maxInterval, Math.max(this._minInterval, this._interval));
  }
  set interval(value: number) {
    const read = readNumber(value, {
      // Before the first connect the range may still be arriving attribute by attribute.
      min: this._ready ? this._minInterval : MIN_SECONDS,
      max: this._ready ? this.maxInterval : MAX_SECONDS,
      fallback: this.interval,
      reset: DEFAULTS.interval,
    });
    this._interval = this._accept('interval', value, read);
    this._intervalMaybeChanged();
  }

  /**
   * Slider minimum, in seconds (at least 0.001).
   * @default 0.5
   */
  get minInterval(): number {
    return this._minInterval;
  }
  set minInterval(value: number) {
    let read = this._readSeconds(value, this._minInterval, DEFAULTS.minInterval);
    if (read.value > this._maxInterval) {
      read = readjusted(read, read.value, `above max-interval (${this._maxInterval}); max-interval is raised to ${read.value}`);
      this._maxInterval = read.value;
    }
    this._minInterval = this._accept('minInterval', value, read);
    this._rangeChanged();
  }

  /**
   * Slider maximum, in seconds; never below `minInterval` (raised to it when the minimum passes it).
   * @default 5
   */
  get maxInterval(): number {
    return this._maxInterval;
  }
  set maxInterval(value: number) {
    let read = this._readSeconds(value, this._maxInterval, DEFAULTS.maxInterval);
    if (read.value < this._minInterval) read = readjusted(read, this._minInterval, `below min-interval (${this._minInterval}); using ${this._minInterval}`);
    this._maxInterval = this._accept('maxInterval', value, read);
    this._rangeChanged();
  }

  /**
   * Slider step, in seconds (at least 0.001).
   * @default 0.01
   */
  get step(): number {
    return this._step;
  }
  set step(value: number) {
    this._step = this._accept('step', value, this._readSeconds(value, this._step, DEFAULTS.step));
  }

  /**
   * Most points kept and drawn, an integer from 1 to 1,000,000; lowering it trims the oldest at once.
   * @default 100
   */
  get capacity(): number {
    return this._feed.buffer.capacity;
  }
  set capacity(value: number) {
    const read = readNumber(value, { min: 1, max: MAX_CAPACITY, fallback: this.capacity, reset: DEFAULTS.capacity, integer: true });
    this._feed.setCapacity(this._accept('capacity', value, read));
  }

  /**
   * Furthest back one update reaches, in seconds (at least 0).
   * @default 60
   */
  get backfill(): number {
    return this._feed.backfill;
  }
  set backfill(value: number) {
    const read = readNumber(value, { min: 0, max: MAX_BACKFILL, fallback: this.backfill, reset: DEFAULTS.backfill });
    this._feed.backfill = this._accept('backfill', value, read);
  }

  /**
   * Seconds between the points of the built-in generator (at least 0.001).
   * @default 0.5
   */
  get samplePeriod(): number {
    return this._feed.samplePeriod;
  }
  set samplePeriod(value: number) {
    this._feed.samplePeriod = this._accept('samplePeriod', value, this._readSeconds(value, this.samplePeriod, DEFAULTS.samplePeriod));
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
    const names = this._accept('series', value, readSeries(value, this._series, DEFAULTS.series));
    if (sameNames(names, this._series)) return;
    this._series = names;
    this._feed.setSeries(names.length);
    this._chart.setSeries(this._series);
  }

  /**
   * Title above the chart; empty hides it.
   * @default 'Data feed'
   */
  get heading(): string {
    return this._heading;
  }
  set heading(value: string) {
    this._heading = readText(value, DEFAULTS.heading);
  }

  /**
   * Label of the slider.
   * @default 'Check for updates every: (seconds)'
   */
  get sliderLabel(): string {
    return this._sliderLabel;
  }
  set sliderLabel(value: string) {
    this._sliderLabel = readText(value, DEFAULTS.sliderLabel);
  }

  /**
   * Text of the start button.
   * @default 'Start streaming'
   */
  get startLabel(): string {
    return this._startLabel;
  }
  set startLabel(value: string) {
    this._startLabel = readText(value, DEFAULTS.startLabel);
  }

  /**
   * Text of the stop button.
   * @default 'Stop streaming'
   */
  get stopLabel(): string {
    return this._stopLabel;
  }
  set stopLabel(value: string) {
    this._stopLabel = readText(value, DEFAULTS.stopLabel);
  }

  /**
   * Text of the table toggle button.
   * @default 'Show table'
   */
  get tableLabel(): string {
    return this._tableLabel;
  }
  set tableLabel(value: string) {
    this._tableLabel = readText(value, DEFAULTS.tableLabel);
  }

  /**
   * Text of the download button.
   * @default 'Download CSV'
   */
  get downloadLabel(): string {
    return this._downloadLabel;
  }
  set downloadLabel(value: string) {
    this._downloadLabel = readText(value, DEFAULTS.downloadLabel);
  }

  /**
   * Hides the built-in slider and buttons: the host drives the element.
   * @default false
   */
  noControls = false;

  /**
   * Shows the kept points as a table under the chart, newest first (at most 500 rows), for
   * screen-reader and keyboard users; the "Show table" button turns it on and off.
   * @default false
   */
  table = false;

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
    this._words.setTimeZone(zone);
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
    super.connectedCallback();
    if (!this._ready) this._becomeReady();
    document.addEventListener('visibilitychange', this._onVisibility);
    if (this.hasUpdated) this._attachChart();
    this._syncActive();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._syncActive();
    this._chart.detach();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    this._applyingAttribute = name;
    try {
      super.attributeChangedCallback(name, old, value);
    } finally {
      this._applyingAttribute = null;
    }
    // The property may have clamped or refused the text: write back what holds.
    if (name === 'interval' && value !== null && value !== String(this.interval)) this.requestUpdate('interval', NaN);
  }

  protected override firstUpdated(): void {
    if (this.isConnected) this._attachChart();
  }

  protected override render() {
    const interval = this.interval;
    return html`<div class="frame">
      ${this._heading ? html`<h2 part="heading">${this._heading}</h2>` : nothing}
      <div class="body">
        ${this.noControls
          ? nothing
          : html`<div part="controls">
              <div class="slider-label">
                <label for="slider">${this._sliderLabel}</label>
                <output for="slider" aria-hidden="true">${formatSeconds(interval)}</output>
              </div>
              <input
                part="slider"
                id="slider"
                type="range"
                min=${this._minInterval}
                max=${this.maxInterval}
                step=${this._step}
                .value=${String(interval)}
                aria-valuetext=${`${formatSeconds(interval)} s`}
                @input=${this._onSlider}
                @change=${this._onSlider}
              />
              <button part="start-button" type="button" ?disabled=${this._streaming} @click=${this.start}>
                ${this._startLabel}
              </button>
              <button part="stop-button" type="button" ?disabled=${!this._streaming} @click=${this.stop}>
                ${this._stopLabel}
              </button>
              <div class="more">
                <button part="table-button" type="button" aria-pressed=${this.table} @click=${this._toggleTable}>
                  ${this._tableLabel}
                </button>
                <button part="download-button" type="button" @click=${this._download}>${this._downloadLabel}</button>
              </div>
            </div>`}
        <div class="view">
          <div part="chart" role="img" aria-label=${`Line chart of ${this._series.join(', ')}`} aria-describedby="summary">
            <div class="sizer"></div>
            <div class="swatches" aria-hidden="true">
              <span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span>
              <span></span><span></span>
            </div>
          </div>
          <p part="summary" id="summary" hidden></p>
          ${this.table
            ? html`<div part="table" role="region" aria-label=${this._heading ? `${this._heading}: data table` : 'Data table'} tabindex="0"></div>`
            : nothing}
        </div>
      </div>
      <div part="status" role="status">${this._status}</div>
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
    // Found once per render, not on every draw.
    this._targets = this._textTargets();
    if (this._targets.table) this._words.renderTable(this._targets.table, this._series, this._feed.buffer.columns());
  }

  // ——— internals ——————————————————————————————————————————————————————————————

  private _becomeReady(): void {
    this._ready = true;
    // Attributes may have arrived in any order: only now is the interval's range known.
    const raw = this._interval;
    this._interval = this.interval;
    if (raw !== this._interval) {
      this._warn('interval', raw, `out of range [${this._minInterval}, ${this.maxInterval}]; using ${this._interval}`);
      this.requestUpdate('interval', raw);
    }
    this._announcedInterval = this._interval;
    this._feed.scheduler.setInterval(this._interval * 1000);
  }

  /** The first load (or the one owed after a new source) runs when the element can show it. */
  private _syncActive(): void {
    this._feed.setActive(this.isConnected && document.visibilityState !== 'hidden');
  }

  private _load(): void {
    this.refresh().catch(() => {
      /* reported through data-feed-error and the status part */
    });
  }

  private _attachChart(): void {
    const chart = this.renderRoot.querySelector<HTMLElement>('[part="chart"]');
    const sizer = this.renderRoot.querySelector<HTMLElement>('.sizer');
    if (chart && sizer) this._chart.attach(chart, sizer, this._series);
  }

  private _fail(error: unknown): void {
    this._setStatus(`Update failed: ${describeError(error)}`);
    this._emit('data-feed-error', { error });
  }

  private _setStatus(text: string): void {
    if (text === this._status) return;
    this._status = text;
    this.requestUpdate();
  }

  /** The points kept changed: redraw and tell. */
  private _kept(added: number, dropped: number): void {
    if (added > 0) this._words.arrived(this._streaming);
    this._chart.invalidate();
    this._emit('data-feed-update', { added, dropped, size: this._feed.buffer.size });
  }

  private _intervalMaybeChanged(): void {
    const interval = this.interval;
    if (interval === this._announcedInterval) return;
    this._announcedInterval = interval;
    if (this._ready) {
      this._emit('data-feed-interval-change', { interval });
      if (this.interval !== interval) return; // a listener changed it again
    }
    this._feed.scheduler.setInterval(interval * 1000);
  }

  /** The interval's range changed (its setters keep min ≤ max): re-clamps the interval. */
  private _rangeChanged(): void {
    if (!this._ready) return;
    const before = this._interval;
    this._interval = this.interval; // re-clamp
    if (before !== this._interval) this.requestUpdate('interval', before);
    this._intervalMaybeChanged();
  }

  private _readSeconds(value: unknown, current: number, reset: number): Adjusted<number> {
    return readNumber(value, { min: MIN_SECONDS, max: MAX_SECONDS, fallback: current, reset });
  }

  /** Takes what a reader made of `input`, warning once if it was not taken as given. */
  private _accept<T>(property: string, input: unknown, read: Adjusted<T>): T {
    if (read.problem) this._warn(property, input, read.problem);
    return read.value;
  }

  private _warn(property: string, input: unknown, problem: string): void {
    const name = this._applyingAttribute ?? property;
    const shown = typeof input === 'string' ? JSON.stringify(input) : toText(input);
    console.warn(`<data-feed> ${this._applyingAttribute ? 'attribute' : 'property'} ${name} = ${shown}: ${problem}.`);
  }

  private _emit<K extends DataFeedEventName>(name: K, detail: DataFeedEventMap[K]['detail']): void {
    this.dispatchEvent(feedEvent(name, detail));
  }

  private _onSlider(event: Event): void {
    this.interval = Number((event.target as HTMLInputElement).value);
  }

  /** The chart was drawn: its words follow. */
  private _drawn(): void {
    // The first draw comes before the first updated().
    this._targets ??= this._textTargets();
    this._words.update(this._targets, this._series, this._feed.buffer.columns(), Date.now(), this._streaming);
  }

  private _textTargets(): TextTargets {
    const root = this.renderRoot;
    return {
      summary: root.querySelector('[part=summary]'),
      announcer: root.querySelector('.announcer'),
      table: root.querySelector<HTMLElement>('[part=table]'),
    };
  }

  private _toggleTable(): void {
    this.table = !this.table;
  }

  private _download(): void {
    const url = URL.createObjectURL(new Blob([this.toCSV()], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'data-feed.csv';
    link.click();
    // The download has taken the blob by the next task.
    setTimeout(() => URL.revokeObjectURL(url));
  }

  /**
   * The colours and font the chart draws with: the series in use and the grid from the swatches,
   * the text from the host. The chart is attached after the first render, so the swatches are there.
   */
  private _readTheme(): ChartTheme {
    const swatches = this.renderRoot.querySelector('.swatches')!.children;
    const colour = (i: number) => getComputedStyle(swatches[i]).backgroundColor;
    const host = getComputedStyle(this);
    return {
      // Only the series in use: each is a style lookup.
      series: Array.from({ length: Math.min(this._series.length, 8) }, (_, i) => colour(i)),
      text: host.color,
      grid: colour(8),
      font: `12px ${host.fontFamily}`,
    };
  }
}

function formatSeconds(seconds: number): string {
  return seconds.toFixed(2);
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : toText(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'data-feed': DataFeed;
  }
}
