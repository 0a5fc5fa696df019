// Part 4: from creating a chart to its first drawn (rasterized) frame, with 100 points.
import type { DataFeed } from '../../src/index.js';
import { HEIGHT, PERIOD_MS, WIDTH, normals, rasterize, sleep, strokes } from './common.js';
import { elementCanvas, widthFor } from './element.js';
import { RawChart } from './raw-uplot.js';

type Name = 'element' | 'element-no-controls' | 'uplot';
const POINTS = 100;
const values = [normals(POINTS, 7), normals(POINTS, 8)];

/** The 100 points, ending just before `now`. */
function points(now: number) {
  const time = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) time[i] = now - (POINTS - i) * PERIOD_MS;
  return { time, values };
}

const configure = {
  element: (_el: DataFeed) => {},
  'element-no-controls': (el: DataFeed) => {
    el.noControls = true;
  },
};

let box: HTMLElement;
let leftOver: (() => void) | null = null;

const bench = {
  /** Host widths that give each element setup a chart of WIDTH pixels. */
  async calibrate(): Promise<Record<string, number>> {
    return {
      element: await widthFor(configure.element, document.body),
      'element-no-controls': await widthFor(configure['element-no-controls'], document.body),
    };
  },

  /**
   * Milliseconds from creating a chart of `variant` (and putting it on the page) to its first
   * frame rasterized. Removes the
   * chart afterwards unless `keep`, in which case it is removed by the next call.
   */
  async once(variant: Name, width: number, keep = false): Promise<number> {
    leftOver?.();
    leftOver = null;
    box ??= document.body.appendChild(document.createElement('div'));
    let canvas: HTMLCanvasElement;
    let remove: () => void;
    let t0: number;
    if (variant === 'uplot') {
      t0 = performance.now();
      const chart = new RawChart(box, POINTS, points(Date.now()));
      await null; // uPlot draws in a microtask
      canvas = chart.canvas;
      remove = () => chart.destroy();
    } else {
      t0 = performance.now();
      const el = document.createElement('data-feed');
      configure[variant](el);
      // The 100 points at the first call (the load on connect), nothing new after.
      let given = false;
      el.source = (_since, now) => (given ? { time: [], values: [[], []] } : ((given = true), points(now)));
      el.style.width = `${width}px`;
      box.append(el);
      await el.updateComplete;
      await el.refresh(); // resolves once the points are kept and drawn
      canvas = elementCanvas(el);
      remove = () => el.remove();
    }
    rasterize(canvas);
    const ms = performance.now() - t0;
    if (canvas.width !== WIDTH || canvas.height !== HEIGHT) throw new Error(`${variant}: canvas ${canvas.width}×${canvas.height}`);
    if (keep) leftOver = remove;
    else remove();
    return ms;
  },

  /** Checks that the timed span holds the drawing: strokes inside it, none in the 100 ms after. */
  async verify(variant: Name, width: number): Promise<{ inside: number; after: number }> {
    strokes.install();
    try {
      const before = strokes.count;
      await bench.once(variant, width, true);
      const inside = strokes.count - before;
      await sleep(100);
      const after = strokes.count - before - inside;
      leftOver?.();
      leftOver = null;
      return { inside, after };
    } finally {
      strokes.uninstall();
    }
  },
};

Object.assign(globalThis, { bench });
