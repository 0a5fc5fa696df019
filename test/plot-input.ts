// Input on the plot, as a user gives it, and what it reads back: the mouse (test/mouse.ts), keys,
// and the legend. Used by the view and sync tests.
import { sendKeys } from '@web/test-runner-commands';
import type { DataFeed } from '../src/data-feed.js';
import { T0, part, record } from './helpers.js';
import { cursorLayer, plotOf } from './harness.js';
import { at } from './mouse.js';

export { at, drag } from './mouse.js';

export const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format;

/** The x scale as drawn now. */
export function xScale(el: DataFeed): [number, number] {
  const { min, max } = plotOf(el)!.scales.x;
  return [min!, max!];
}


/** The time under viewport x, as uPlot reads it (relative to its plot area). */
export const timeAt = (el: DataFeed, x: number) => plotOf(el)!.posToVal(x - cursorLayer(el).getBoundingClientRect().left, 'x');

/**
 * A double-click on the plot. The test runner's `sendMouse` has no double-click (CDP needs a click
 * count of 2, WebDriver two clicks in time), so the event uPlot and the element listen for is
 * dispatched on uPlot's plot area, as the browser would.
 */
export function doubleClick(el: DataFeed): void {
  const [clientX, clientY] = at(el, 0.5);
  cursorLayer(el).dispatchEvent(new MouseEvent('dblclick', { clientX, clientY, bubbles: true, composed: true, button: 0 }));
}

/** Presses `key` with the focus on the chart. */
export async function press(el: DataFeed, key: string): Promise<void> {
  part(el, 'chart').focus();
  await sendKeys({ press: key });
}

export const viewEvents = (el: Element) => record(el, ['data-feed-view-change']);

/** The point of `el` nearest time `t`. */
export function nearest(el: DataFeed, t: number): number {
  const { time } = el.data;
  let best = 0;
  for (let i = 1; i < time.length; i++) if (Math.abs(time[i] - t) < Math.abs(time[best] - t)) best = i;
  return best;
}

/** A source with nothing to add: the page appends. */
export const silent = () => ({ time: [], values: [[], []] });

/** `n` points, one per ms from T0: a random walk with spikes, and a sine. */
export function denseChunk(n: number) {
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  let walk = 0;
  const time = Float64Array.from({ length: n }, (_, i) => T0 + i);
  const a = time.map(() => (walk += random() - 0.5) + (random() < 0.002 ? (random() - 0.5) * 80 : 0));
  const b = time.map((_, i) => Math.sin(i / 500) * 20);
  return { time, values: [a, b] };
}
