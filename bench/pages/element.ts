// Helpers to put `<data-feed>` on a page the way the benchmarks need it, through its public API.
import '../../src/index.js';
import type { DataFeed } from '../../src/index.js';
import { HEIGHT, WIDTH, nextFrame, type Chunk } from './common.js';

/** The element's chart canvas (uPlot's, in its shadow root). */
export function elementCanvas(el: DataFeed): HTMLCanvasElement {
  const canvas = el.shadowRoot?.querySelector('canvas');
  if (!canvas) throw new Error('<data-feed> has no canvas');
  return canvas;
}

/** Host width that gives a chart of `WIDTH` pixels, measured on a throwaway element of this setup. */
export async function widthFor(configure: (el: DataFeed) => void, parent: HTMLElement): Promise<number> {
  const el = document.createElement('data-feed');
  configure(el);
  el.style.width = `${WIDTH + 400}px`;
  parent.append(el);
  await el.updateComplete;
  const sizer = el.shadowRoot!.querySelector<HTMLElement>('.sizer');
  const width = sizer ? WIDTH + el.clientWidth - sizer.clientWidth : WIDTH;
  el.remove();
  return width;
}

/** Waits (real frames) until the element's canvas is `WIDTH`×`HEIGHT`. */
export async function settleSize(el: DataFeed): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const canvas = el.shadowRoot?.querySelector('canvas');
    if (canvas && canvas.width === WIDTH && canvas.height === HEIGHT) return;
    await nextFrame();
  }
  const canvas = el.shadowRoot?.querySelector('canvas');
  throw new Error(`<data-feed> canvas is ${canvas?.width}×${canvas?.height}, not ${WIDTH}×${HEIGHT}`);
}

/** A source that never has anything new: the host appends the points itself. */
export const silentSource = () => ({ time: [], values: [[], []] });

/** A chunk as a fresh object with the same arrays (the element never keeps the caller's arrays). */
export const asChunk = (chunk: Chunk) => ({ time: chunk.time, values: chunk.values });
