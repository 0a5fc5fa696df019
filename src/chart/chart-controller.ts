import type { ReactiveController, ReactiveControllerHost } from 'lit';
import uPlot from './uplot.js';
import type { BoundedBuffer, Columns } from '../core/buffer.js';
import { Envelope } from './envelope.js';
import { formatValue, timeFormatter } from '../text/format.js';
import { DrawHold } from './draw-hold.js';
import { sharedFrames, type Frames } from './frames.js';
import { DASHES, nanGaps } from './series-style.js';
import type { ChartTheme } from './theme.js';
import { sliceColumns, timeIndex, valueRangeIn } from './time-index.js';

export interface ChartOptions {
  /** The points to draw (read at each draw: the element may swap its buffer). */
  buffer: () => BoundedBuffer;
  /**
   * The colours and font to draw with, read from CSS. Read when the chart is made, after its size
   * or the colour scheme changed, after `restyle()`, and when a CSS transition begins in the
   * container (the element's swatches have one, so that a changed colour announces itself): never
   * on a data update, where the style lookups would be a visible share of fifty streaming charts.
   */
  theme: () => ChartTheme;
  frames?: Frames;
  /** Draw the per-pixel envelope of dense data (default); false draws every point. */
  envelope?: boolean;
  /** Called after every draw (the element refreshes its words about the chart then). */
  drawn?: () => void;
  /**
   * Where the chart goes once the host has rendered: the `chart` part, the sizer whose size it
   * follows, and the series names. Null while there is nowhere to draw.
   */
  place?: () => { container: HTMLElement; sizer: HTMLElement; names: readonly string[] } | null;
}

/** Above this many points per pixel the chart draws the envelope instead of every point. */
const ENVELOPE_POINTS_PER_PIXEL = 4;

const linear = uPlot.paths.linear!();

/**
 * Owns the uPlot instance of one element and what keeps it the right size: created on attach,
 * destroyed on detach. Draws at most once per animation frame however often it is invalidated
 * (see DrawHold).
 */
export class ChartController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & { isConnected?: boolean; hasUpdated?: boolean };
  private readonly _options: ChartOptions;
  private readonly _hold: DrawHold;
  private _plot: uPlot | null = null;
  private _container: HTMLElement | null = null;
  private _sizer: HTMLElement | null = null;
  private _observer: ResizeObserver | null = null;
  private _names: readonly string[] = [];
  private _theme: ChartTheme = { series: ['#000'], text: '#000', grid: '#ccc', font: '12px sans-serif', lineWidth: 1 };
  /** The colours may have changed since they were read: read them at the next draw. */
  private _themeStale = true;
  private _scheme: MediaQueryList | null = null;
  /** The page's style changed: draw again in the colours it gives now. */
  private readonly _onStyle = () => {
    this.restyle();
    this.invalidate();
  };
  private readonly _envelope = new Envelope();
  /** All kept points at the last draw, and whether the chart drew their envelope instead. */
  private _full: Columns | null = null;
  private _enveloped = false;
  /** More points than pixels can show apart: lines are drawn 1 px wide, the way dense data reads. */
  private _dense = false;
  private _range: [number, number] | null = null;
  /** The time range held still (ms since the epoch), or null to follow the data. */
  private _view: [number, number] | null = null;
  /** Index, in all kept points, of the first point drawn (when every point in view is drawn). */
  private _offset = 0;
  /** uPlot's cursor sync key (charts with the same key share their cursor), or null. */
  private _syncKey: string | null = null;
  /** The button's last release ended a drag (WebKit counts it as a click, and two as a double-click). */
  private _dragged = false;
  /** A drag across the plot selected the times `from` to `to`. */
  onSelect?: (from: number, to: number) => void;
  /** The plot was double-clicked. */
  onReset?: () => void;
  /** Time zone of the axis and legend; undefined is the browser's. */
  private _timeZone: string | undefined;
  private _time = timeFormatter();

  constructor(host: ReactiveControllerHost, options: ChartOptions) {
    (this._host = host).addController(this);
    this._options = options;
    this._hold = new DrawHold(options.frames ?? sharedFrames, () => this._draw());
  }

  /** Back in the document after a move: the chart is made again (its first one comes after the first render). */
  hostConnected(): void {
    if (this._host.hasUpdated) this._place();
  }

  hostUpdated(): void {
    if (!this._plot && this._host.isConnected) this._place();
  }

  /** Out of the document: nothing observed, no frame asked for, no uPlot kept. */
  hostDisconnected(): void {
    this.detach();
  }

  private _place(): void {
    const place = this._options.place?.();
    if (place) this.attach(place.container, place.sizer, place.names);
  }

  /** The live uPlot instance, while attached. */
  get plot(): uPlot | null {
    return this._plot;
  }

  /** Whether the last draw drew the per-pixel envelope rather than every point. */
  get enveloped(): boolean {
    return this._enveloped;
  }

  /** How the axis and legend write a time (ms since the epoch), in the chart's time zone. */
  get formatTime(): (ms: number) => string {
    return this._time;
  }

  /**
   * Holds the time axis still at `[from, to]` (ms since the epoch), its value axis fitting the
   * points in that range; null follows the data again.
   */
  setView(range: [number, number] | null): void {
    this._view = range;
    this.invalidate();
  }

  /** Shares the cursor with the charts of the page given the same non-empty `name` (rebuilding the chart). */
  setCursorSync(name: string): void {
    const key = name ? `data-feed:${name}` : null;
    if (key === this._syncKey) return;
    this._syncKey = key;
    this._rebuild();
  }

  /** Whether a draw waits for the next frame. */
  get scheduled(): boolean {
    return this._hold.scheduled;
  }

  /**
   * Creates the chart in `container` for series `names`, sized to `sizer` (whose width follows
   * the element and whose height comes from CSS), and follows the sizer's size from then on.
   */
  attach(container: HTMLElement, sizer: HTMLElement, names: readonly string[]): void {
    this.detach();
    this._container = container;
    this._sizer = sizer;
    this._names = names;
    this._create();
    this._observer = new ResizeObserver(() => this._resize());
    this._observer.observe(sizer);
    this._scheme = matchMedia('(prefers-color-scheme: dark)');
    this._scheme.addEventListener('change', this._onStyle);
    container.addEventListener('transitionrun', this._onStyle);
  }

  /** Destroys the chart and stops watching its size; a waiting draw is cancelled. */
  detach(): void {
    this._hold.cancel();
    this._observer?.disconnect();
    this._observer = null;
    this._scheme?.removeEventListener('change', this._onStyle);
    this._scheme = null;
    this._container?.removeEventListener('transitionrun', this._onStyle);
    this._plot?.destroy();
    this._plot = null;
    this._container = this._sizer = null;
  }

  /** Other series, in the chart as it is (no new chart, canvas or legend), and drawn at once. */
  setSeries(names: readonly string[]): void {
    this._names = names;
    const plot = this._plot;
    if (!plot) return;
    this._hold.cancel();
    this.restyle(); // the palette is read for the number of series
    while (plot.series.length > 1) plot.delSeries(1);
    names.forEach((label, index) => plot.addSeries(this._line(label, index)));
    this._dashes(this._dense);
    this._draw();
  }

  /** Shows times in `timeZone` (an IANA name or `UTC`; undefined: the browser's), rebuilding the chart. */
  setTimeZone(timeZone: string | undefined): void {
    this._timeZone = timeZone;
    this._time = timeFormatter(timeZone);
    this._rebuild();
  }

  /** The chart's canvas as drawn now (a waiting draw drawn first), axes included; undefined while detached. */
  canvas(): HTMLCanvasElement | undefined {
    this.flush();
    return this._plot?.ctx.canvas;
  }

  /** Asks for a draw: at once, or at the next frame when one was drawn since the last (see DrawHold). */
  invalidate(): void {
    if (this._plot) this._hold.invalidate();
  }

  /** Draws now if a draw is waiting (or `force`), instead of at the next frame. */
  flush(force = false): void {
    this._hold.flush(force);
  }

  private _draw(): void {
    if (!this._plot) return;
    if (this._readTheme()) return this._rebuild();
    const data = this._prepare(this._plot.bbox.width / (globalThis.devicePixelRatio || 1));
    // batch() draws now rather than in a microtask: the frame's work happens in the frame.
    this._plot.batch((plot: uPlot) => plot.setData(data));
    this._options.drawn?.();
  }

  private _rebuild(): void {
    if (!this._plot) return;
    this._hold.cancel();
    this._plot.destroy();
    this._create();
  }

  /**
   * The columns to draw for a plot `pixels` wide: the points in view (all of them while live), or
   * their envelope when dense. While zoomed, the points in view are found by binary search and
   * only they are summed up: an update that adds points outside the view costs no more than that.
   */
  private _prepare(pixels: number): uPlot.AlignedData {
    const buffer = this._options.buffer();
    const full = buffer.columns();
    const n = full[0].length;
    const view = this._view;
    const lo = view ? timeIndex(full[0], view[0]) : 0;
    const hi = view ? timeIndex(full[0], view[1], true) : n;
    const inView = view ? sliceColumns(full, lo, hi) : full;
    let data: Columns = inView;
    this._offset = 0;
    const dense = hi - lo > ENVELOPE_POINTS_PER_PIXEL * Math.max(pixels, 1);
    // Dense lines are drawn solid: a dashed zigzag within each pixel column costs about twice a
    // solid one to paint and shows no dash. The legend keeps each series' dash.
    if (dense !== this._dense) this._dashes(dense);
    this._enveloped = dense && this._options.envelope !== false;
    if (this._enveloped) {
      this._envelope.update(inView, buffer.firstSeq + lo, pixels);
      data = this._envelope.columns(inView, buffer.firstSeq + lo);
      this._range = this._envelope.valueRange();
    } else {
      if (this._envelope.bucketMs) this._envelope.reset();
      this._range = view ? valueRangeIn(full, lo, hi) : buffer.valueRange();
      // A point either side of the view too, so the lines run on to its edges.
      if (view) data = sliceColumns(full, (this._offset = Math.max(0, lo - 1)), Math.min(n, hi + 1));
    }
    this._full = full;
    return data as unknown as uPlot.AlignedData;
  }

  /** Notes whether the data is dense, and gives the lines their dashes, or none when it is. */
  private _dashes(dense: boolean): void {
    this._dense = dense;
    this._plot?.series.forEach((series, i) => i && (series.dash = dense ? [] : (DASHES[(i - 1) % DASHES.length] as number[])));
  }

  /**
   * Index, in all kept points, of the point nearest the cursor: with the envelope drawn, the
   * cursor snaps to a drawn point, and the legend must still show the true nearest one.
   */
  private _nearest(u: uPlot, idx: number): number {
    if (!this._enveloped) return idx + this._offset;
    const x = u.posToVal(u.cursor.left ?? 0, 'x');
    const time = this._full![0];
    const lo = Math.min(timeIndex(time, x), time.length - 1);
    return lo > 0 && x - time[lo - 1] < time[lo] - x ? lo - 1 : lo;
  }

  private _size(): { width: number; height: number } {
    const sizer = this._sizer!;
    return { width: Math.floor(sizer.clientWidth), height: Math.floor(sizer.clientHeight) };
  }

  private _resize(): void {
    if (!this._plot) return;
    const size = this._size();
    if (size.width !== this._plot.width || size.height !== this._plot.height) {
      // Shown again after display: none, where no transition told of a change of colour; a change
      // of size alone reads no style (a window dragged wider would read it at every step).
      if (!this._plot.width) {
        this.restyle();
        if (this._readTheme()) return this._rebuild();
      }
      this._plot.batch((plot: uPlot) => plot.setSize(size));
    }
  }

  /** The colours are read again at the next draw. */
  restyle(): void {
    this._themeStale = true;
  }

  /**
   * Reads the theme again if it may have changed. uPlot reads the colours and a series' width at
   * each draw, but takes the axes' font when the chart is made: true when the font changed, and
   * the chart must be made again.
   */
  private _readTheme(): boolean {
    if (!this._themeStale) return false;
    const { font } = this._theme;
    this._theme = this._options.theme();
    this._themeStale = false;
    for (const series of this._plot?.series.slice(1) ?? []) series.width = this._theme.lineWidth;
    return font !== this._theme.font;
  }

  private _create(): void {
    this.restyle();
    this._readTheme();
    const theme = () => this._theme;
    const axis = (): uPlot.Axis => ({
      stroke: () => theme().text,
      font: this._theme.font,
      grid: { stroke: () => theme().grid, width: 1 },
      ticks: { stroke: () => theme().grid, width: 1 },
    });
    const options: uPlot.Options = {
      ...this._size(),
      ms: 1,
      ...(this._timeZone && { tzDate: (ms: number) => uPlot.tzDate(new Date(ms), this._timeZone!) }),
      scales: {
        x: { time: true, range: (_u, min, max) => this._view ?? [min, max] },
        y: {
          range: (_u, dataMin, dataMax) => {
            // uPlot's own min/max would take a NaN at the edge of the data as a bound.
            const range = this._range ?? (Number.isFinite(dataMin) ? [dataMin, dataMax] : [-1, 1]);
            return uPlot.rangeNum(range[0], range[1], 0.1, true);
          },
        },
      },
      // Time labels such as "11:55am" are about 55 px wide in a 12 px font: 64 px between ticks
      // keeps them apart at every span.
      axes: [{ ...axis(), space: 64 }, axis()],
      legend: {
        live: true,
        markers: { dash: (u, i) => (u.series[i].dash?.length ? (u.series[i].dash![0] <= 3 ? 'dotted' : 'dashed') : 'solid') },
      },
      // A drag selects times (the view follows, not uPlot's scale); other charts of the sync group
      // hear the cursor's moves only: each chart takes a view from its own group, once.
      cursor: {
        drag: { x: true, y: false, setScale: false, dist: 4 },
        ...(this._syncKey && { sync: { key: this._syncKey, filters: { pub: (type: string) => type === 'mousemove' } } }),
      },
      hooks: {
        setSelect: [
          (u) => {
            const { left, width } = u.select;
            if (width <= 0) return;
            this._dragged = true;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            this.onSelect?.(u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
          },
        ],
      },
      series: [
        {
          value: (u, _v, _series, idx) => (idx == null || !this._full ? '--' : this._time(this._full[0][this._nearest(u, idx)])),
        },
        ...this._names.map(this._line, this),
      ],
    };
    this._plot = new uPlot(options, this._prepare(options.width), this._container!);
    // _prepare ran before the plot existed: a chart made with dense data draws it solid too.
    this._dashes(this._dense);
    const over = this._plot.over;
    over.addEventListener('mousedown', () => (this._dragged = false));
    over.addEventListener('dblclick', () => this._dragged || this.onReset?.());
    this._options.drawn?.();
  }

  /** The options of series `index`, named `label`. */
  private _line(label: string, index: number): uPlot.Series {
    return {
      label,
      stroke: () => this._theme.series[index % this._theme.series.length],
      width: this._theme.lineWidth,
      dash: DASHES[index % DASHES.length] as number[],
      // Dense data is a zigzag within each pixel column: a thicker stroke of it costs several
      // times a 1 px one to paint and shows nothing more.
      paths: (u, seriesIndex, idx0, idx1) => {
        const paths = linear(u, seriesIndex, idx0, idx1);
        if (paths && this._dense) (paths as { _width?: number })._width = Math.min(1, this._theme.lineWidth);
        return paths;
      },
      points: { show: false },
      value: (u, _v, seriesIndex, idx) => {
        if (idx == null || !this._full) return '--';
        const real = this._full[seriesIndex][this._nearest(u, idx)];
        return real == null || Number.isNaN(real) ? '--' : formatValue(real);
      },
      gaps: (u, seriesIndex, idx0, idx1, nullGaps) =>
        this._options.buffer().gapCount(index) === 0 ? nullGaps : nanGaps(u, seriesIndex, idx0, idx1),
    };
  }
}
