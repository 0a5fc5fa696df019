// `<data-feed>` on a benchmark page, through its public API only: properties, attributes,
// `refresh()`, `start()`/`stop()`, events, CSS custom properties and the `chart` part.
import '../../src/index.js';
import type { DataFeed } from '../../src/index.js';
import { COLORS, HEIGHT, NAMES, WIDTH, canvasColor, painted, strokes, within, type Chunk, type Look, type Series } from './common.js';

export type { DataFeed };

/** The element's chart canvas (uPlot's, inside the `chart` part), or null before the chart exists. */
export function elementCanvas(el: DataFeed): HTMLCanvasElement | null {
  return el.shadowRoot?.querySelector<HTMLCanvasElement>('[part~="chart"] canvas') ?? null;
}

/** Waits (real frames) until the element's canvas is `width`×`height`; throws after 120 frames. */
export async function settleSize(el: DataFeed, width = WIDTH, height = HEIGHT): Promise<HTMLCanvasElement> {
  for (let i = 0; i < 120; i++) {
    const canvas = elementCanvas(el);
    if (canvas && canvas.width === width && canvas.height === height) return canvas;
    await painted();
  }
  const canvas = elementCanvas(el);
  throw new Error(`<data-feed> canvas is ${canvas?.width}×${canvas?.height}, not ${width}×${height}`);
}

/** Host width and `--data-feed-chart-height` that give an element set up by `configure` a canvas of `width`×`height`. */
export interface Fit {
  width: number;
  chartHeight: number;
}

const fits = new Map<string, Fit>();

/**
 * Finds, on throwaway elements, the host width and chart height that give a canvas of
 * `width`×`height` (the controls may sit beside the chart when there is room): a few tries,
 * each corrected by what the canvas came out as.
 */
export async function fit(key: string, configure: (el: DataFeed) => void, parent: HTMLElement, width = WIDTH, height = HEIGHT): Promise<Fit> {
  const cacheKey = `${key} ${width}×${height}`;
  const known = fits.get(cacheKey);
  if (known) return known;
  let guess: Fit = { width: width + 40, chartHeight: height };
  for (let attempt = 0; attempt < 6; attempt++) {
    const el = document.createElement('data-feed');
    configure(el);
    apply(el, guess);
    parent.append(el);
    await el.updateComplete;
    let canvas: HTMLCanvasElement | null = null;
    for (let i = 0; i < 60 && !(canvas = elementCanvas(el)); i++) await painted();
    await painted();
    canvas = elementCanvas(el);
    el.remove();
    if (!canvas) throw new Error('<data-feed> made no canvas');
    if (canvas.width === width && canvas.height === height) {
      fits.set(cacheKey, guess);
      return guess;
    }
    guess = { width: guess.width + width - canvas.width, chartHeight: guess.chartHeight + height - canvas.height };
  }
  throw new Error(`could not size <data-feed> (${key}) to a ${width}×${height} canvas`);
}

export function apply(el: DataFeed, { width, chartHeight }: Fit): void {
  el.style.width = `${width}px`;
  el.style.setProperty('--data-feed-chart-height', `${chartHeight}px`);
}

/**
 * A source that hands over `series.initial` at its first call (the load on connect) and chunk
 * k at its (k + 2)-th: two new points per update. `sinceMismatches` counts calls whose `since` was
 * not the last point handed over (it should be 0: the element asks from its last kept point).
 */
export function seriesSource(series: Series) {
  let k = 0;
  let last = -Infinity;
  const state = {
    calls: 0,
    sinceMismatches: 0,
    source: (since: number): Chunk => {
      state.calls++;
      if (last === -Infinity) {
        last = series.initial.time[series.capacity - 1];
        return series.initial;
      }
      if (since !== last) state.sinceMismatches++;
      const chunk = series.chunk(k++);
      last = chunk.time[chunk.time.length - 1];
      return chunk;
    },
  };
  return state;
}

/**
 * The element's look as users style it: colours from `--data-feed-series-N`, width from
 * `--data-feed-line-width` (1px when the property is absent), and the dash each series was drawn
 * with, as the canvas saw it during one `refresh()` (dashes are not CSS).
 */
export async function lookOf(el: DataFeed): Promise<Look & { drawnWidths: number[] }> {
  const style = getComputedStyle(el);
  const colors = NAMES.map((_, i) => style.getPropertyValue(`--data-feed-series-${i + 1}`).trim() || COLORS[i]);
  const widthText = style.getPropertyValue('--data-feed-line-width').trim();
  const width = widthText ? cssPixels(widthText, el) : 1;
  const wanted = colors.map(canvasColor);
  const seen: ({ width: number; dash: number[] } | undefined)[] = NAMES.map(() => undefined);
  strokes.install();
  strokes.onStroke = (s) => {
    const i = wanted.indexOf(s.style);
    if (i >= 0 && !seen[i] && within(s.canvas, el)) seen[i] = { width: s.width, dash: s.dash };
  };
  try {
    await el.refresh();
    await painted();
  } finally {
    strokes.uninstall();
  }
  if (seen.some((s) => !s)) throw new Error(`<data-feed> drew no line in ${wanted.join(' / ')}: the look cannot be read`);
  return { colors, widths: NAMES.map(() => width), dashes: seen.map((s) => s!.dash), drawnWidths: seen.map((s) => s!.width) };
}

/** A CSS length in pixels, resolved by the browser. */
function cssPixels(length: string, parent: Element): number {
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;width:${length}`;
  (parent.parentElement ?? document.body).append(probe);
  const px = probe.getBoundingClientRect().width;
  probe.remove();
  return px > 0 ? px : 1;
}
