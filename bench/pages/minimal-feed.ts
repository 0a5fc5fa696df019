// The same contract written as briefly as it can be, for the settings part: the baseline a change of
// settings is measured against. Properties clamp and warn once, streaming runs a `setInterval`, the
// generator makes standard-normal points, the points live in plain arrays trimmed to the capacity,
// and uPlot draws them (made again when the series change). No feeds, zoom, table or theme: what
// the settings part changes is all it has.
import { LitElement, css, html } from 'lit';
import uPlot from 'uplot';

const NUMBERS = {
  interval: [1, 0.001, 86_400],
  minInterval: [0.5, 0.001, 86_400],
  maxInterval: [5, 0.001, 86_400],
  step: [0.01, 0.001, 86_400],
  capacity: [100, 1, 1_000_000],
  backfill: [60, 0, 31_536_000],
  samplePeriod: [0.5, 0.001, 86_400],
} as const;
type NumberName = keyof typeof NUMBERS;
const TEXTS = ['heading', 'sliderLabel', 'startLabel', 'stopLabel', 'liveLabel'] as const;
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

export class MinimalFeed extends LitElement {
  // The element's own padding: with no-controls both draw on canvases of one size.
  static override styles = css`
    :host {
      display: block;
      padding: 16px;
    }
  `;
  static override properties = {
    ...Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: Number, attribute: kebab(name), noAccessor: true }])),
    ...Object.fromEntries(TEXTS.map((name) => [name, { attribute: kebab(name) }])),
    streaming: { type: Boolean, reflect: true, noAccessor: true },
    noControls: { type: Boolean, attribute: 'no-controls' },
    series: { noAccessor: true },
  };
  declare heading: string;
  declare sliderLabel: string;
  declare startLabel: string;
  declare stopLabel: string;
  declare liveLabel: string;
  declare noControls: boolean;
  private _n: Record<NumberName, number> = Object.fromEntries(Object.entries(NUMBERS).map(([k, v]) => [k, v[0]])) as Record<NumberName, number>;
  private _streaming = false;
  private _series = ['A', 'B'];
  private _time: number[] = [];
  private _seconds: number[] = [];
  private _values: number[][] = [[], []];
  private _timer: ReturnType<typeof setInterval> | undefined;
  private _chart: uPlot | null = null;

  constructor() {
    super();
    this.heading = 'Data feed';
    this.sliderLabel = 'Check for updates every: (seconds)';
    this.startLabel = 'Start streaming';
    this.stopLabel = 'Stop streaming';
    this.liveLabel = 'Follow live';
    this.noControls = false;
  }

  private _setNumber(name: NumberName, value: unknown): void {
    const [, min, max] = NUMBERS[name];
    let n = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
    if (typeof value === 'symbol' || typeof value === 'bigint' || (value !== null && typeof value === 'object')) n = NaN;
    const old = this._n[name];
    if (Number.isNaN(n)) {
      console.warn(`minimal-feed: ${name} ${String(value)} is not a number`);
      return;
    }
    let v = name === 'capacity' ? Math.round(n) : n;
    if (name === 'interval') v = Math.min(Math.max(v, this._n.minInterval), this._n.maxInterval);
    v = Math.min(Math.max(v, min), max);
    if (v !== n) console.warn(`minimal-feed: ${name} ${n} out of range, ${v} used`);
    this._n[name] = v;
    if (name === 'minInterval' && this._n.maxInterval < v) this._n.maxInterval = v;
    if (name === 'maxInterval' && v < this._n.minInterval) this._n.maxInterval = this._n.minInterval;
    const interval = this._n.interval;
    if (name === 'minInterval' || name === 'maxInterval') {
      this._n.interval = Math.min(Math.max(interval, this._n.minInterval), this._n.maxInterval);
    }
    if (name === 'capacity' && this._trim()) this._draw();
    const changed = name === 'interval' ? v !== old : this._n.interval !== interval;
    if (changed && this._streaming) this._schedule(true);
    this.requestUpdate(name, old);
  }

  get streaming(): boolean {
    return this._streaming;
  }
  set streaming(value: boolean) {
    const on = Boolean(value);
    if (on === this._streaming) return;
    this._streaming = on;
    this.toggleAttribute('streaming', on);
    this.dispatchEvent(new CustomEvent(on ? 'data-feed-start' : 'data-feed-stop', { bubbles: true, composed: true }));
    if (on && this.isConnected) this._schedule(true);
    if (!on) clearInterval(this._timer);
    this.requestUpdate();
  }

  get series(): string[] {
    return this._series;
  }
  set series(value: unknown) {
    const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',').map((s) => s.trim()) : null;
    if (!names || names.length === 0 || names.some((n) => n === '')) {
      console.warn(`minimal-feed: series ${String(value)} is not a list of names`);
      return;
    }
    this._series = names;
    this._time = [];
    this._seconds = [];
    this._values = names.map(() => []);
    this._chart?.destroy();
    this._chart = null;
    this.requestUpdate();
  }

  private _schedule(now: boolean): void {
    clearInterval(this._timer);
    if (now) this._update();
    this._timer = setInterval(() => this._update(), this._n.interval * 1000);
  }

  private _update(): void {
    const now = Date.now();
    const last = this._time.length ? this._time[this._time.length - 1] : -Infinity;
    let since = Math.max(last, now - this._n.backfill * 1000);
    const period = this._n.samplePeriod * 1000;
    // Only the newest `capacity` points would be kept: older ones are not made.
    const skip = Math.floor((now - since) / period) - this._n.capacity - 1;
    if (skip > 0) since += skip * period;
    let added = 0;
    for (let t = since + period; t < now; t += period) {
      this._time.push(t);
      this._seconds.push(t / 1000);
      for (const column of this._values) column.push(normal());
      added++;
    }
    const dropped = this._trim();
    this.dispatchEvent(new CustomEvent('data-feed-update', { bubbles: true, composed: true, detail: { added, dropped, size: this._time.length } }));
    this._draw();
  }

  private _trim(): number {
    const extra = this._time.length - this._n.capacity;
    if (extra <= 0) return 0;
    this._time.splice(0, extra);
    this._seconds.splice(0, extra);
    for (const column of this._values) column.splice(0, extra);
    return extra;
  }

  private _draw(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (!box) return;
    const data = [this._seconds, ...this._values] as uPlot.AlignedData;
    if (this._chart) {
      this._chart.setData(data);
      return;
    }
    const series = [{}, ...this._series.map((label, i) => ({ label, stroke: ['#0068c9', '#c0392b'][i % 2] }))];
    this._chart = new uPlot({ width: box.clientWidth, height: 300, series }, data, box);
  }

  // The chart fills the width of its part and follows it.
  private _resizer = new ResizeObserver(() => {
    const width = this.renderRoot.querySelector<HTMLElement>('.chart')?.clientWidth ?? 0;
    if (this._chart && width !== this._chart.width) this._chart.setSize({ width, height: 300 });
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this._resizer.observe(this.renderRoot.querySelector('.chart')!);
    if (this._streaming) this._schedule(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
    this._resizer.disconnect();
  }

  override firstUpdated(): void {
    this._resizer.observe(this.renderRoot.querySelector('.chart')!);
    this._update();
  }

  override updated(): void {
    if (!this._chart) this._draw();
  }

  override render() {
    return html`${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : ''}
      ${this.noControls
        ? ''
        : html`<div part="controls">
            <label>${this.sliderLabel}
              <input part="slider" type="range" min=${this._n.minInterval} max=${this._n.maxInterval} step=${this._n.step} .value=${String(this._n.interval)}
                @input=${(e: Event) => this._setNumber('interval', (e.target as HTMLInputElement).value)} />
            </label>
            <button part="start-button" ?disabled=${this._streaming} @click=${() => (this.streaming = true)}>${this.startLabel}</button>
            <button part="stop-button" ?disabled=${!this._streaming} @click=${() => (this.streaming = false)}>${this.stopLabel}</button>
          </div>`}
      <div part="chart" class="chart"></div>`;
  }
}

for (const name of Object.keys(NUMBERS) as NumberName[]) {
  Object.defineProperty(MinimalFeed.prototype, name, {
    get(this: MinimalFeed) {
      return (this as unknown as { _n: Record<NumberName, number> })._n[name];
    },
    set(this: MinimalFeed, value: unknown) {
      (this as unknown as { _setNumber(n: NumberName, v: unknown): void })._setNumber(name, value);
    },
    configurable: true,
  });
}

customElements.define('minimal-feed', MinimalFeed);
