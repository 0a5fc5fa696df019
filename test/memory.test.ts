import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { itInChromium } from './engine.js';
import { afterHeldDraw, stepChunk } from './helpers.js';
import { plotCanvas } from './harness.js';
import type { DataFeed } from '../src/data-feed.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Makes an element with `capacity` points, shows and draws it, removes it; a weak reference to it and to its canvas. */
async function madeAndRemoved(capacity: number): Promise<[WeakRef<DataFeed>, WeakRef<HTMLCanvasElement>]> {
  const el = document.createElement('data-feed');
  el.capacity = capacity;
  el.backfill = capacity;
  // A plain function: a sinon spy keeps the stacks of its calls, and with them the element.
  el.source = (since, now) => stepChunk(since, now);
  document.body.append(el);
  await el.refresh();
  await afterHeldDraw();
  const canvas = plotCanvas(el)!;
  expect(el.data.time.length, 'the data was kept and drawn').to.equal(capacity);
  el.remove();
  return [new WeakRef(el), new WeakRef(canvas)];
}

describe('<data-feed>: memory', () => {
  // This file makes the page's first charts: V8 once kept the first uPlot chart made on a page, and
  // with it the element and its data, for as long as the page lived.
  itInChromium('a removed element is garbage, with its chart and data: the first made on the page too', 'a forced garbage collection', async () => {
    const refs = [await madeAndRemoved(10_000), await madeAndRemoved(100)];
    await nextTask();
    await executeServerCommand('collect-garbage');
    await nextTask();
    expect(refs.map(([el, canvas]) => [el.deref() === undefined, canvas.deref() === undefined])).to.deep.equal([
      [true, true],
      [true, true],
    ]);
  });
});
