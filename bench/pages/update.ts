// Part 1: the cost of one update on the streaming path (two new points, trimmed to the capacity,
// drawn, and the frame that shows it rendered), for `<data-feed>` and hand-written uPlot.
// The driver reads the renderer's main-thread CPU time around batches of updates.
import { DEFAULT_LOOK, Series, painted, sleep, strokes, type Look } from './common.js';
import { apply, fit, lookOf, seriesSource, settleSize, type DataFeed } from './element.js';
import { RawChart } from './raw-uplot.js';

/** Updated by the page, one at a time: `update()` resolves once the points are kept and drawn. */
interface Driven {
  kind: 'refresh';
  update(): Promise<void>;
  readonly canvas: HTMLCanvasElement | null;
  check?(): Record<string, number>;
  destroy?(): void;
}

/** Updated by its own timer between `start()` and `stop()`; `count` goes up at each update. */
interface Ticking {
  kind: 'ticks';
  count: number;
  start(intervalMs: number): void;
  stop(): void;
  readonly canvas: HTMLCanvasElement | null;
  check?(): Record<string, number>;
  destroy?(): void;
}

type Variant = Driven | Ticking;

export const REFRESH = ['null', 'element', 'element-table', 'element-zoomed', 'uplot', 'uplot-look'] as const;
export const TICKS = ['element-ticks', 'uplot-ticks'] as const;
type Name = (typeof REFRESH)[number] | (typeof TICKS)[number];

let series: Series | null = null;
let variants = new Map<Name, Variant>();
let look: (Look & { drawnWidths: number[] }) | null = null;
let onCount: (() => void) | null = null;

/** The element as users have it (heading and controls), fed by a source, sized to the common canvas. */
async function createElement(box: HTMLElement, table: boolean, ticking: boolean, zoomed = false): Promise<Variant> {
  const s = series!;
  const feed = seriesSource(s);
  const configure = (el: DataFeed) => {
    el.capacity = s.capacity;
    // The data sit far enough in the past for every update to get points before `now`: a backfill
    // that reaches them makes the element ask from its last kept point, as a live feed would.
    el.backfill = s.reachS;
    el.source = feed.source;
    el.table = table;
  };
  const size = await fit(`table=${table}`, (el) => (el.table = table), box);
  const el = document.createElement('data-feed');
  configure(el);
  apply(el, size);
  const added: number[] = [];
  let sizeAfter = 0;
  el.addEventListener('data-feed-update', (event) => {
    added.push(event.detail.added);
    sizeAfter = event.detail.size;
  });
  box.append(el);
  await el.updateComplete;
  const canvas = await settleSize(el);
  await el.refresh();
  look ??= await lookOf(el);
  if (zoomed) {
    // Held still on the newer half of the points and the next ten minutes, so that every update's
    // points land in the view and are drawn: the cost of a zoomed update, not of skipping one.
    const { time } = el.data;
    el.view = { from: time[Math.floor(time.length / 2)], to: time[time.length - 1] + 600_000 };
    await el.refresh();
  }
  const check = () => ({
    sourceCalls: feed.calls,
    sinceMismatches: feed.sinceMismatches,
    updatesNotAddingTwo: added.slice(1).filter((n) => n !== 2).length,
    sizeNotCapacity: sizeAfter === s.capacity ? 0 : 1,
  });
  if (!ticking) return { kind: 'refresh', canvas, check, update: () => el.refresh() };
  const variant: Ticking = {
    kind: 'ticks',
    count: 0,
    canvas,
    check,
    start(intervalMs) {
      el.minInterval = intervalMs / 1000;
      el.interval = intervalMs / 1000;
      el.start();
    },
    stop: () => el.stop(),
  };
  el.addEventListener('data-feed-update', () => {
    variant.count++;
    onCount?.();
  });
  return variant;
}

async function createRaw(box: HTMLElement, chartLook: Look, ticking: boolean): Promise<Variant> {
  const s = series!;
  const chart = new RawChart(box, s.capacity, s.initial, chartLook);
  let k = 0;
  const update = () => chart.update(s.chunk(k++));
  await painted();
  if (!ticking) {
    return {
      kind: 'refresh',
      canvas: chart.canvas,
      destroy: () => chart.destroy(),
      // uPlot draws in a microtask after setData: resolved after it, as refresh() is after the draw.
      update: async () => {
        update();
        await null;
      },
    };
  }
  let timer = 0;
  const variant: Ticking = {
    kind: 'ticks',
    count: 0,
    canvas: chart.canvas,
    // As the element does on start(): one update at once, then one every interval.
    start(intervalMs) {
      const tick = () => {
        update();
        variant.count++;
        onCount?.();
      };
      tick();
      timer = window.setInterval(tick, intervalMs);
    },
    stop: () => clearInterval(timer),
    destroy: () => chart.destroy(),
  };
  return variant;
}

async function create(name: Name, box: HTMLElement): Promise<Variant> {
  switch (name) {
    case 'null':
      return { kind: 'refresh', canvas: null, update: async () => {} };
    case 'element':
      return createElement(box, false, false);
    case 'element-table':
      return createElement(box, true, false);
    case 'element-zoomed':
      return createElement(box, false, false, true);
    case 'element-ticks':
      return createElement(box, false, true);
    case 'uplot':
      return createRaw(box, DEFAULT_LOOK, false);
    case 'uplot-look':
      return createRaw(box, look!, false);
    case 'uplot-ticks':
      return createRaw(box, DEFAULT_LOOK, true);
  }
}

function get(name: Name): Variant {
  const variant = variants.get(name);
  if (!variant) throw new Error(`no variant ${name}`);
  return variant;
}

const bench = {
  /**
   * Creates every variant named, filled to `capacity` with the same data. The elements come first:
   * 'uplot-look' draws the look read from the first. Returns that look.
   */
  async setup(capacity: number, names: Name[]): Promise<Look & { drawnWidths: number[] }> {
    bench.teardown();
    series = new Series(capacity);
    document.body.style.cssText = 'margin:0;display:flex;flex-wrap:wrap;align-items:flex-start;width:1720px';
    const ordered = [...names].sort((a, b) => Number(b.startsWith('element')) - Number(a.startsWith('element')));
    for (const name of ordered) {
      const box = document.createElement('div');
      box.style.margin = '4px';
      box.dataset.variant = name;
      document.body.append(box);
      variants.set(name, await create(name, box));
    }
    await painted();
    return look ?? { ...DEFAULT_LOOK, drawnWidths: DEFAULT_LOOK.widths };
  },

  /** `n` updates of a refresh-driven variant, each followed by a rendered frame. */
  async updates(name: Name, n: number): Promise<void> {
    const variant = get(name);
    if (variant.kind !== 'refresh') throw new Error(`${name} is driven by its timer`);
    for (let i = 0; i < n; i++) {
      await variant.update();
      await painted();
    }
  },

  /** Starts a ticking variant: its first update (at once) is made and shown when this resolves. */
  async startTicks(name: Name, intervalMs: number): Promise<void> {
    const variant = get(name);
    if (variant.kind !== 'ticks') throw new Error(`${name} is not driven by a timer`);
    await bench.waitTicks(name, 1, () => variant.start(intervalMs));
  },

  /** Resolves once a ticking variant made `n` more updates and the frame after the last is rendered. */
  async waitTicks(name: Name, n: number, begin?: () => void): Promise<number> {
    const variant = get(name) as Ticking;
    const target = variant.count + n;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      onCount = () => {
        if (variant.count < target) return;
        onCount = null;
        resolve();
      };
      begin?.();
    });
    await painted();
    return performance.now() - t0;
  },

  stopTicks(name: Name): void {
    (get(name) as Ticking).stop();
  },

  /**
   * Checks that one update of `name` draws on its own canvas inside the span the driver measures
   * and nothing after: strokes during the update and its frame, none in the 100 ms after.
   */
  async verify(name: Name, intervalMs = 100): Promise<Record<string, number>> {
    const variant = get(name);
    const canvas = variant.canvas;
    let mine = 0;
    strokes.install();
    strokes.onStroke = (s) => {
      if (s.canvas === canvas) mine++;
    };
    try {
      if (variant.kind === 'refresh') await bench.updates(name, 1);
      else {
        await bench.startTicks(name, intervalMs);
        await bench.waitTicks(name, 1);
        variant.stop();
      }
      const inside = mine;
      await sleep(100);
      return { strokesInside: inside, strokesAfter: mine - inside, ...variant.check?.() };
    } finally {
      strokes.uninstall();
    }
  },

  teardown(): void {
    for (const variant of variants.values()) {
      if (variant.kind === 'ticks') variant.stop();
      variant.destroy?.();
    }
    variants = new Map();
    series = null;
    look = null;
    onCount = null;
    document.body.replaceChildren();
  },
};

Object.assign(globalThis, { bench });
