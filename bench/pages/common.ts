// What every benchmark page shares: the chart size, the colours, the data, the wait for a painted
// frame and the canvas spy. All variants of one part draw the same numbers on canvases of one size.

export const WIDTH = 800;
export const HEIGHT = 300;
export const NAMES = ['A', 'B'] as const;
/**
 * Line colours, given to `<data-feed>` through its public CSS (`--data-feed-series-N`, below) and
 * to raw uPlot as they are: both draw the same colours, and the canvas spy can tell the series'
 * strokes from the grid's.
 */
export const COLORS = ['#0068c9', '#c0392b'] as const;
document.head.append(
  Object.assign(document.createElement('style'), {
    textContent: `data-feed { ${COLORS.map((c, i) => `--data-feed-series-${i + 1}: ${c};`).join(' ')} }`,
  }),
);
/** Milliseconds between points (the element's default sample period, 0.5 s). */
export const PERIOD_MS = 500;

/** Seeded uniform random numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` standard-normal numbers (Box–Muller) from seed `seed`. */
export function normals(n: number, seed: number): Float64Array {
  const random = seeded(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < n) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/** Columns as a `FeedSource` returns them and `append()` takes them. */
export interface Chunk {
  time: Float64Array;
  values: Float64Array[];
}

/** Most updates one variant makes on one `Series` (the timeline keeps that much room). */
const MAX_UPDATES = 50_000;

/**
 * The data of one part: `capacity` points to start from, then chunk k (k = 0, 1, …) holding the
 * next two points. Points are PERIOD_MS apart and all in the past: the last of the most updates
 * a variant can make is still before now, so a source gives what it is asked for (points before
 * `now`). Values are the same for every variant.
 */
export class Series {
  readonly capacity: number;
  readonly initial: Chunk;
  readonly t0: number;
  /** Seconds from the first point to now and a minute more: a `backfill` that reaches every point. */
  readonly reachS: number;
  private readonly _pool: Float64Array[];

  constructor(capacity: number) {
    this.capacity = capacity;
    this.t0 = Date.now() - (capacity + 2 * MAX_UPDATES + 10) * PERIOD_MS;
    this.reachS = Math.ceil((Date.now() - this.t0) / 1000) + 60;
    const time = new Float64Array(capacity);
    for (let i = 0; i < capacity; i++) time[i] = this.t0 + i * PERIOD_MS;
    this.initial = { time, values: NAMES.map((_, s) => normals(capacity, 1 + s)) };
    this._pool = NAMES.map((_, s) => normals(1 << 14, 101 + s));
  }

  /** Chunk `k`: two new points. */
  chunk(k: number, size = 2): Chunk {
    const time = new Float64Array(size);
    const first = this.capacity + size * k;
    for (let i = 0; i < size; i++) time[i] = this.t0 + (first + i) * PERIOD_MS;
    const values = this._pool.map((pool) => {
      const column = new Float64Array(size);
      for (let i = 0; i < size; i++) column[i] = pool[(first + i) & (pool.length - 1)];
      return column;
    });
    return { time, values };
  }
}

/** Resolves in a task of its own (a message, not a timer: no 4 ms clamp). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

let probe: HTMLElement | null = null;
let observer: ResizeObserver | null = null;
let waiting: (() => void)[] = [];

/**
 * Resolves once a frame has been rendered after the call: in the task after that frame's paint.
 * A new ResizeObserver observation is delivered in the rendering steps of the frame under way
 * when it is made inside one (say, in a requestAnimationFrame callback), else of the next frame:
 * unlike a requestAnimationFrame, it never adds a frame of its own after a draw made in a frame.
 * The canvas itself is rasterized at the end of the task that drew on it (Chromium flushes a 2D
 * canvas when a task ends), so that work is inside the wait too.
 */
export function painted(): Promise<void> {
  if (!probe) {
    probe = document.createElement('div');
    probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
    document.body.append(probe);
    observer = new ResizeObserver(() => {
      observer!.unobserve(probe!);
      const done = waiting;
      waiting = [];
      nextTask().then(() => done.forEach((resolve) => resolve()));
    });
  }
  if (!probe.isConnected) document.body.append(probe);
  return new Promise((resolve) => {
    if (waiting.push(resolve) === 1) observer!.observe(probe!);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One stroke() as the canvas saw it. */
export interface Stroke {
  canvas: HTMLCanvasElement;
  style: string;
  width: number;
  dash: number[];
}

/**
 * Watches `stroke()` on every 2D canvas of the page: counts them, and hands each (its canvas,
 * colour, width and dash) to `onStroke` when one is set. Installed only where a part checks
 * drawing or counts frames, and then for every variant alike.
 */
export const strokes = (() => {
  const proto = CanvasRenderingContext2D.prototype;
  const original = proto.stroke;
  let count = 0;
  let installed = false;
  const spy = {
    onStroke: null as ((stroke: Stroke) => void) | null,
    get count() {
      return count;
    },
    install() {
      if (installed) return;
      installed = true;
      proto.stroke = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
        count++;
        spy.onStroke?.({ canvas: this.canvas, style: String(this.strokeStyle), width: this.lineWidth, dash: this.getLineDash() });
        return (original as (...a: unknown[]) => void).apply(this, args);
      } as typeof proto.stroke;
    },
    uninstall() {
      if (!installed) return;
      installed = false;
      spy.onStroke = null;
      proto.stroke = original;
    },
  };
  return spy;
})();

/** A CSS colour as a canvas writes it back (`#rrggbb` or `rgba(…)`), to compare colours. */
export function canvasColor(css: string): string {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.strokeStyle = '#000';
  ctx.strokeStyle = css;
  return String(ctx.strokeStyle);
}

/** How a chart draws its lines: per series, colour, width (CSS px) and dash. */
export interface Look {
  colors: string[];
  widths: number[];
  dashes: number[][];
}

/** uPlot's defaults: 1 px solid lines, in our colours. */
export const DEFAULT_LOOK: Look = { colors: [...COLORS], widths: NAMES.map(() => 1), dashes: NAMES.map(() => []) };

/** True when `el` is inside `host` (through shadow roots). */
export function within(el: Node, host: Node): boolean {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node === host) return true;
  }
  return false;
}
