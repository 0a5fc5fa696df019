// What every benchmark page shares: the chart size, the data, and the helpers that wait for and
// check drawing. All variants of one part draw the same numbers on canvases of the same size.

export const WIDTH = 800;
export const HEIGHT = 300;
export const NAMES = ['A', 'B'] as const;
export const COLORS = ['#0068c9', '#83c9ff'] as const;
/** Milliseconds between points (the element's default sample period, 0.5 s). */
export const PERIOD_MS = 500;
/** Time of the first point of the update benchmark: a fixed date, so every variant sees the same. */
export const T0 = Date.UTC(2025, 0, 1);

interface Frames {
  manual: boolean;
  readonly pending: number;
  flush(): number;
}

/** The animation-frame queue of raf-hook.js. */
export const frames = (globalThis as unknown as { benchFrames: Frames }).benchFrames;

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

/** Columns as the element's `append()` takes them. */
export interface Chunk {
  time: Float64Array;
  values: Float64Array[];
}

/**
 * The data of the update benchmark: `capacity` points to start from, then chunk k (k = 0, 1, …)
 * holding points capacity + 2k and capacity + 2k + 1. Values are random walks' steps, the same
 * for every variant.
 */
export class Series {
  readonly capacity: number;
  readonly initial: Chunk;
  private readonly _pool: Float64Array[];

  constructor(capacity: number) {
    this.capacity = capacity;
    const time = new Float64Array(capacity);
    for (let i = 0; i < capacity; i++) time[i] = T0 + i * PERIOD_MS;
    this.initial = { time, values: NAMES.map((_, s) => normals(capacity, 1 + s)) };
    this._pool = NAMES.map((_, s) => normals(1 << 14, 101 + s));
  }

  /** Chunk `k`: two new points. */
  chunk(k: number, size = 2): Chunk {
    const time = new Float64Array(size);
    const first = this.capacity + size * k;
    for (let i = 0; i < size; i++) time[i] = T0 + (first + i) * PERIOD_MS;
    const values = this._pool.map((pool) => {
      const column = new Float64Array(size);
      for (let i = 0; i < size; i++) column[i] = pool[(first + i) & (pool.length - 1)];
      return column;
    });
    return { time, values };
  }
}

/** Reads one pixel: makes the browser carry out the drawing it may have only recorded so far. */
export function rasterize(canvas: HTMLCanvasElement): void {
  canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
}

/** Resolves after the next animation frame (the real one; manual mode must be off). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Counts `stroke()` calls on every 2D canvas of the page, to check that drawing happened when expected. */
export const strokes = (() => {
  const proto = CanvasRenderingContext2D.prototype;
  const original = proto.stroke;
  let count = 0;
  let installed = false;
  return {
    get count() {
      return count;
    },
    install() {
      if (installed) return;
      installed = true;
      proto.stroke = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
        count++;
        return (original as (...a: unknown[]) => void).apply(this, args);
      } as typeof proto.stroke;
    },
    uninstall() {
      if (!installed) return;
      installed = false;
      proto.stroke = original;
    },
  };
})();
