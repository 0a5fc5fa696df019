import type { ReactiveController, ReactiveControllerHost } from 'lit';
import uPlot from './uplot.js';
import type { BoundedBuffer, Columns } from '../core/buffer.js';
import { Envelope } from './envelope.js';
import { formatValue, timeFormatter } from '../text/format.js';
import { sharedFrames, type Frames } from './frames.js';
import { DASHES, nanGaps } from './series-style.js';
import type { ChartTheme } from './theme.js';

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
 * destroyed on detach. Draws at most once per animation frame however often it is invalidated:
 * the first change after a frame is drawn at once (in the task that made it, as hand-written
 * uPlot would), later ones wait for the next frame and are drawn together. A lone change costs
 * one frame callback, in the frame that paints it anyway; only a change that must wait asks
 * for a frame more.
 */
export class ChartController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & { isConnected?: boolean; hasUpdated?: boolean };
  private readonly _options: ChartOptions;
  private readonly _frames: Frames;
  private _plot: uPlot | null = null;
  private _container: HTMLElement | null = null;
  private _sizer: HTMLElement | null = null;
  private _observer: ResizeObserver | null = null;
  /** The frame request that ends the current hold on drawing, or null when not holding. */
  private _frame: unknown = null;
  /** A change came while holding: draw it when the hold ends. */
  private _dirty = false;
  /** The last draw was made between frames: the next frame paints it, so no draw may join it there. */
  private _unpainted = false;
  /** The frame whose callback ended the last hold: until it is painted, changes still wait. */
  private _releasedIn: unknown = null;
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
  /** Time zone of the axis and legend; undefined is the browser's. */
  private _timeZone: string | undefined;
  private _time = timeFormatter();

  constructor(host: ReactiveControllerHost, options: ChartOptions) {
    (this._host = host).addController(this);
    this._options = options;
    this._frames = options.frames ?? sharedFrames;
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

  /** Whether a draw waits for the next frame. */
  get scheduled(): boolean {
    return this._dirty;
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
    this._cancelFrame();
    this._observer?.disconnect();
    this._observer = null;
    this._scheme?.removeEventListener('change', this._onStyle);
    this._scheme = null;
    this._container?.removeEventListener('transitionrun', this._onStyle);
    this._plot?.destroy();
    this._plot = null;
    this._container = this._sizer = null;
  }

  /** Rebuilds the chart for other series (uPlot cannot change its series in place). */
  setSeries(names: readonly string[]): void {
    this._names = names;
    this._rebuild();
  }

  /** Shows times in `timeZone` (an IANA name or `UTC`; undefined: the browser's), rebuilding the chart. */
  setTimeZone(timeZone: string | undefined): void {
    this._timeZone = timeZone;
    this._time = timeFormatter(timeZone);
    this._rebuild();
  }

  /**
   * The chart as a PNG image: what is drawn now (a waiting draw drawn first), axes included, on
   * `background` (any CSS colour; transparent keeps the canvas see-through).
   */
  toPNG(background: string): Promise<Blob> {
    if (!this._plot) return Promise.reject(new Error('data-feed: there is no chart to export while it is not in the document'));
    this.flush();
    const source = this._plot.ctx.canvas;
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('data-feed: could not encode the chart as PNG'))), 'image/png'),
    );
  }

  /**
   * Asks for a draw: at once if nothing was drawn since the last frame was painted (and the frame
   * that ended the hold is not still under way), else at the next frame, where several asks make
   * one draw.
   */
  invalidate(): void {
    if (!this._plot) return;
    if (this._frame === null && (this._releasedIn === null || this._releasedIn !== this._frames.current())) {
      this._drawHeld();
      return;
    }
    this._dirty = true;
    this._frame ??= this._frames.request(this._onFrame);
  }

  /** Draws now if a draw is waiting (or `force`), instead of at the next frame. */
  flush(force = false): void {
    if (!this._dirty && !force) return;
    this._dirty = false;
    this._drawHeld();
  }

  /** Draws, and holds further draws until a frame after the one that paints this draw has begun. */
  private _drawHeld(): void {
    this._draw();
    this._unpainted = this._frames.current() === null;
    this._frame ??= this._frames.request(this._onFrame);
  }

  /**
   * A frame began. If it paints a draw made between frames, a waiting change is drawn in the
   * next one (asking for it); otherwise the waiting change is drawn in this one. With nothing
   * waiting the hold ends, and no further frame is asked for.
   */
  private readonly _onFrame = (): void => {
    this._frame = null;
    if (this._unpainted) {
      this._unpainted = false;
      if (this._dirty) this._frame = this._frames.request(this._onFrame);
      else this._releasedIn = this._frames.current();
    } else if (this._dirty) {
      this._dirty = false;
      this._drawHeld();
    }
  };

  private _cancelFrame(): void {
    this._dirty = this._unpainted = false;
    if (this._frame !== null) {
      this._frames.cancel(this._frame);
      this._frame = null;
    }
  }

  private _draw(): void {
    if (!this._plot) return;
    this._readTheme();
    const data = this._prepare(this._plot.bbox.width / (globalThis.devicePixelRatio || 1));
    // batch() draws now rather than in a microtask: the frame's work happens in the frame.
    this._plot.batch((plot: uPlot) => plot.setData(data));
    this._options.drawn?.();
  }

  private _rebuild(): void {
    if (!this._plot) return;
    this._cancelFrame();
    this._plot.destroy();
    this._create();
  }

  /** The columns to draw for a plot `pixels` wide: every point, or their envelope when dense. */
  private _prepare(pixels: number): uPlot.AlignedData {
    const buffer = this._options.buffer();
    const full = buffer.columns();
    let data: Columns = full;
    const dense = full[0].length > ENVELOPE_POINTS_PER_PIXEL * Math.max(pixels, 1);
    // Dense lines are drawn solid: a dashed zigzag within each pixel column costs about twice a
    // solid one to paint and shows no dash. The legend keeps each series' dash.
    if (dense !== this._dense) this._plot?.series.forEach((series, i) => i && (series.dash = dense ? [] : (DASHES[(i - 1) % DASHES.length] as number[])));
    this._dense = dense;
    this._enveloped = dense && this._options.envelope !== false;
    if (this._enveloped) {
      this._envelope.update(full, buffer.firstSeq, pixels);
      data = this._envelope.columns(full, buffer.firstSeq);
      this._range = this._envelope.valueRange();
    } else {
      if (this._envelope.bucketMs) this._envelope.reset();
      this._range = buffer.valueRange();
    }
    this._full = full;
    return data as unknown as uPlot.AlignedData;
  }

  /**
   * Index, in all kept points, of the point nearest the cursor: with the envelope drawn, the
   * cursor snaps to a drawn point, and the legend must still show the true nearest one.
   */
  private _nearest(u: uPlot, idx: number): number {
    const full = this._full!;
    if (!this._enveloped) return idx;
    const x = u.posToVal(u.cursor.left ?? 0, 'x');
    const time = full[0];
    let lo = 0;
    let hi = time.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (time[mid] < x) lo = mid + 1;
      else hi = mid;
    }
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
      // Shown again after display: none, where no transition told of a change of colour.
      this.restyle();
      this._readTheme();
      this._plot.batch((plot: uPlot) => plot.setSize(size));
    }
  }

  /** The colours are read again at the next draw. */
  restyle(): void {
    this._themeStale = true;
  }

  private _readTheme(): void {
    if (!this._themeStale) return;
    this._theme = this._options.theme();
    this._themeStale = false;
    // uPlot reads a series' width at each draw: a new --data-feed-line-width needs no rebuild.
    for (const series of this._plot?.series.slice(1) ?? []) series.width = this._theme.lineWidth;
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
        x: { time: true },
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
      cursor: { drag: { x: false, y: false } },
      series: [
        {
          value: (u, _v, _series, idx) => (idx == null || !this._full ? '--' : this._time(this._full[0][this._nearest(u, idx)])),
        },
        ...this._names.map(
          (label, index): uPlot.Series => ({
            label,
            stroke: () => {
              const palette = theme().series;
              return palette[index % palette.length];
            },
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
          }),
        ),
      ],
    };
    this._plot = new uPlot(options, this._prepare(options.width), this._container!);
    this._options.drawn?.();
  }
}
