// Part 2: fifty charts streaming on one page, a new point every 0.5 s. The driver reads the
// renderer's CPU time over a window; the page counts the updates drawn and the frames that
// carried them.
import { DEFAULT_LOOK, PERIOD_MS, strokes } from './common.js';
import { apply, fit, settleSize, type DataFeed } from './element.js';
import { RawChart } from './raw-uplot.js';

export type Variant = 'element' | 'uplot-timers' | 'uplot-shared';

/** Each chart's canvas: two columns of them fit beside each other. */
const WIDTH = 600;
const HEIGHT = 200;
const BACKFILL_MS = 60_000;

/** What the element's built-in generator does: standard-normal values (Box–Muller), Math.random. */
function normal(): number {
  const radius = Math.sqrt(-2 * Math.log(1 - Math.random()));
  return radius * Math.cos(2 * Math.PI * Math.random());
}

/** The points after `since` and before `now`, one every PERIOD_MS, as the element's generator makes them. */
function generate(since: number, now: number) {
  const time: number[] = [];
  for (let t = since + PERIOD_MS; t < now; t += PERIOD_MS) time.push(t);
  const values = [0, 1].map(() => Float64Array.from(time, normal));
  return { time: Float64Array.from(time), values };
}

let updates = 0;
let framesWithDraws = 0;
let starters: (() => void)[] = [];
let stoppers: (() => void)[] = [];

/**
 * Counts the frames that paint a draw: the first stroke after a frame arms a ResizeObserver
 * observation, delivered in the rendering steps of the frame that shows that stroke (see
 * `painted()` in common.ts); strokes before that delivery belong to the same frame.
 */
const frameCounter = (() => {
  let probe: HTMLElement | null = null;
  let armed = false;
  const observer = new ResizeObserver(() => {
    observer.unobserve(probe!);
    armed = false;
    framesWithDraws++;
  });
  return () => {
    if (armed) return;
    if (!probe?.isConnected) {
      probe = document.createElement('div');
      probe.style.cssText = 'position:fixed;right:0;top:0;width:1px;height:1px';
      document.body.append(probe);
    }
    armed = true;
    observer.observe(probe);
  };
})();

function grid(count: number): HTMLElement[] {
  document.body.style.cssText = 'margin:0;display:grid;grid-template-columns:repeat(2,max-content);gap:4px;align-items:start';
  return Array.from({ length: count }, () => document.body.appendChild(document.createElement('div')));
}

/** `<data-feed interval="0.5">` as it comes, with its built-in generator, sized to the common canvas. */
async function setupElements(count: number, intervalS: number): Promise<void> {
  const configure = (el: DataFeed) => el.setAttribute('interval', String(intervalS));
  const size = await fit('many', configure, document.body, WIDTH, HEIGHT);
  const elements = grid(count).map((box) => {
    const el = document.createElement('data-feed');
    configure(el);
    apply(el, size);
    box.append(el);
    return el;
  });
  for (const el of elements) await settleSize(el, WIDTH, HEIGHT);
  document.addEventListener('data-feed-update', () => updates++);
  // All in one task: elements that start together keep one schedule (the contract's promise).
  starters.push(() => elements.forEach((el) => el.start()));
  stoppers.push(() => elements.forEach((el) => el.remove()));
}

/** Hand-written: one uPlot chart per box; `shared`: one timer updates them all, else one timer each. */
async function setupRaw(count: number, intervalS: number, shared: boolean): Promise<void> {
  const now = Date.now();
  const charts = grid(count).map((box) => new RawChart(box, 100, generate(now - BACKFILL_MS, now), DEFAULT_LOOK, WIDTH, HEIGHT));
  const update = (chart: RawChart) => {
    const chunk = generate(chart.columns.lastTime, Date.now());
    if (chunk.time.length === 0) return;
    chart.update(chunk);
    updates++;
  };
  const timers: number[] = [];
  starters.push(() => {
    if (shared) timers.push(window.setInterval(() => charts.forEach(update), intervalS * 1000));
    else for (const chart of charts) timers.push(window.setInterval(() => update(chart), intervalS * 1000));
  });
  stoppers.push(() => {
    timers.forEach(clearInterval);
    charts.forEach((chart) => chart.destroy());
  });
}

const bench = {
  /** Puts `count` charts of `variant` on the page, not yet streaming. */
  async setup(variant: Variant, count: number, intervalS: number): Promise<void> {
    if (variant === 'element') await setupElements(count, intervalS);
    else await setupRaw(count, intervalS, variant === 'uplot-shared');
  },

  /** Starts them all, in one task, and from then on counts updates and the frames that paint them. */
  start(): void {
    strokes.install();
    strokes.onStroke = frameCounter;
    starters.forEach((start) => start());
    starters = [];
  },

  get counts(): { updates: number; frames: number } {
    return { updates, frames: framesWithDraws };
  },

  stop(): void {
    stoppers.forEach((stop) => stop());
    stoppers = [];
    strokes.uninstall();
    document.body.replaceChildren();
  },
};

Object.assign(globalThis, { bench });
