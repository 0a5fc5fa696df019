// The baseline: what a skilled engineer would write by hand with uPlot for the same chart.
// A Float64Array window with zero-copy `subarray` views, one setData per update.
import uPlot from 'uplot';
import { DEFAULT_LOOK, HEIGHT, NAMES, WIDTH, type Chunk, type Look } from './common.js';

/** The newest `capacity` points in typed arrays of `capacity + slack` entries, compacted when full. */
export class SlackColumns {
  readonly capacity: number;
  private _columns: Float64Array[];
  private _start = 0;
  private _end = 0;

  constructor(capacity: number, series: number) {
    this.capacity = capacity;
    const length = capacity + Math.max(capacity, 64);
    this._columns = Array.from({ length: series + 1 }, () => new Float64Array(length));
  }

  get lastTime(): number {
    return this._end > this._start ? this._columns[0][this._end - 1] : -Infinity;
  }

  append(chunk: Chunk): void {
    const n = chunk.time.length;
    const columns = this._columns;
    if (this._end + n > columns[0].length) {
      for (const column of columns) column.copyWithin(0, this._start, this._end);
      this._end -= this._start;
      this._start = 0;
    }
    columns[0].set(chunk.time, this._end);
    for (let s = 1; s < columns.length; s++) columns[s].set(chunk.values[s - 1], this._end);
    this._end += n;
    if (this._end - this._start > this.capacity) this._start = this._end - this.capacity;
  }

  views(): uPlot.AlignedData {
    return this._columns.map((column) => column.subarray(this._start, this._end)) as unknown as uPlot.AlignedData;
  }
}

/**
 * uPlot's options for our chart: its defaults but for the size, millisecond times and line
 * colours (uPlot has no default colour); `look` gives widths and dashes too.
 */
export function rawOptions(look: Look = DEFAULT_LOOK, width = WIDTH, height = HEIGHT): uPlot.Options {
  return {
    width,
    height,
    ms: 1,
    series: [
      {},
      ...NAMES.map((label, i): uPlot.Series => {
        const series: uPlot.Series = { label, stroke: look.colors[i] };
        if (look.widths[i] !== 1) series.width = look.widths[i];
        if (look.dashes[i].length) series.dash = look.dashes[i];
        return series;
      }),
    ],
  };
}

/** One hand-written uPlot chart with its own buffer. */
export class RawChart {
  readonly plot: uPlot;
  readonly columns: SlackColumns;

  constructor(container: HTMLElement, capacity: number, initial: Chunk, look: Look = DEFAULT_LOOK, width = WIDTH, height = HEIGHT) {
    this.columns = new SlackColumns(capacity, initial.values.length);
    this.columns.append(initial);
    this.plot = new uPlot(rawOptions(look, width, height), this.columns.views(), container);
  }

  get canvas(): HTMLCanvasElement {
    return this.plot.ctx.canvas;
  }

  update(chunk: Chunk): void {
    this.columns.append(chunk);
    this.plot.setData(this.columns.views());
  }

  destroy(): void {
    this.plot.destroy();
  }
}
