// Part 3: start-up, from creating a chart with 100 points to the frame that shows its lines.
// The driver reads the renderer's CPU time around `create()`; the chart is removed outside it.
import { COLORS, DEFAULT_LOOK, PERIOD_MS, canvasColor, normals, painted, sleep, strokes, within } from './common.js';
import { apply, elementCanvas, fit, type DataFeed, type Fit } from './element.js';
import { RawChart } from './raw-uplot.js';

export type Name = 'null' | 'element' | 'element-no-controls' | 'uplot';
const POINTS = 100;
const values = [normals(POINTS, 7), normals(POINTS, 8)];
const lineColors = COLORS.map(canvasColor);

/** The 100 points, ending just before `now`. */
function points(now: number) {
  const time = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) time[i] = now - (POINTS - i) * PERIOD_MS;
  return { time, values };
}

const configure: Record<'element' | 'element-no-controls', (el: DataFeed) => void> = {
  element: () => {},
  'element-no-controls': (el) => (el.noControls = true),
};

const box = document.body.appendChild(document.createElement('div'));
const sizes: Partial<Record<Name, Fit>> = {};
let leftOver: (() => void) | null = null;

/** The chart being made: strokes of series lines on a canvas inside `host` are counted, the first resolves `drawn`. */
let current: { host: Node; lines: number; drawn: () => void } | null = null;

/** Resolves at the first stroke of a series line on a canvas inside `host`. */
function linesDrawn(host: Node): Promise<void> {
  return new Promise((drawn) => (current = { host, lines: 0, drawn }));
}

const bench = {
  /** Host sizes that give each element setup a canvas of the common size; installs the canvas spy. */
  async calibrate(): Promise<void> {
    for (const name of ['element', 'element-no-controls'] as const) sizes[name] = await fit(name, configure[name], box);
    strokes.install();
    strokes.onStroke = (s) => {
      if (!current || !lineColors.includes(s.style) || !within(s.canvas, current.host)) return;
      if (current.lines++ === 0) current.drawn();
    };
  },

  /**
   * Creates a chart of `variant` with 100 points and resolves once the frame that shows its lines
   * is rendered. 'null' is that wait alone. The chart stays until `remove()`.
   */
  async create(variant: Name): Promise<void> {
    if (variant === 'null') return painted();
    if (variant === 'uplot') {
      const holder = box.appendChild(document.createElement('div'));
      const drawn = linesDrawn(holder);
      const chart = new RawChart(holder, POINTS, points(Date.now()), DEFAULT_LOOK);
      leftOver = () => {
        chart.destroy();
        holder.remove();
      };
      await drawn;
      return painted();
    }
    const el = document.createElement('data-feed');
    configure[variant](el);
    // The 100 points at the first call (the load on connect), nothing new after.
    let given = false;
    el.source = (_since, now) => (given ? { time: [], values: [[], []] } : ((given = true), points(now)));
    apply(el, sizes[variant]!);
    const drawn = linesDrawn(el);
    box.append(el);
    leftOver = () => el.remove();
    await drawn;
    return painted();
  },

  /** Removes the last chart; returns its canvas size (to check it is the common one). */
  remove(): string {
    const el = box.querySelector('data-feed');
    const canvas = el ? elementCanvas(el) : box.querySelector('canvas');
    const size = canvas ? `${canvas.width}×${canvas.height}` : 'none';
    leftOver?.();
    leftOver = null;
    current = null;
    return size;
  },

  /**
   * Checks that the span `create()` measures holds the drawing of the lines: series strokes
   * inside it, none in the 200 ms after (a later draw would mean the span ended too early).
   */
  async verify(variant: Name): Promise<{ inside: number; after: number }> {
    await bench.create(variant);
    const inside = current!.lines;
    await sleep(200);
    const after = current!.lines - inside;
    bench.remove();
    return { inside, after };
  },
};

Object.assign(globalThis, { bench });
