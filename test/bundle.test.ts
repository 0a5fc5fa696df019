import { expect } from '@open-wc/testing';
import { requestedPaths, strictPageReport } from './strict-page.js';
import { cursorLayer, cursorMarks, legendValues, plotCanvas, plotOf } from './harness.js';
import { drag } from './mouse.js';
import type uPlot from 'uplot';
import type { DataFeed } from '../src/index.js';

// Built by `npm run build` (npm test builds first). Imported by URL: it is the file a page loads.
const bundle = '/dist/data-feed.bundle.js';

describe('dist/data-feed.bundle.js', () => {
  it('registers <data-feed> and exports DataFeed, self-contained', async () => {
    const mod = await import(bundle);
    expect(Object.keys(mod)).to.deep.equal(['DataFeed']);
    expect(customElements.get('data-feed')).to.equal(mod.DataFeed);
    const el = document.createElement('data-feed') as HTMLElement & { data: { time: number[] }; updateComplete: Promise<boolean> };
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.data.time).to.have.length(100);
    expect(plotCanvas(el)).to.exist;
    el.remove();
  });

  it('loaded twice, or with the library build, defines the element once without error', async () => {
    const first = customElements.get('data-feed') ?? (await import(bundle)).DataFeed;
    const again = await import(`${bundle}?second-copy`);
    expect(again.DataFeed).not.to.equal(first);
    const library = await import('../src/index.js');
    expect(library.DataFeed).not.to.equal(first);
    expect(customElements.get('data-feed')).to.equal(first);
  });

  it("draws what the library build draws: the uPlot inside it leaves out only what the chart never reaches", async () => {
    // The build takes out of uPlot what the element cannot reach (rollup.config.mjs): the same
    // points, sparse with a gap and dense, zoomed and live, must paint the same pixels.
    type Feed = HTMLElement & { append(chunk: unknown): void; clear(): void; view: unknown; updateComplete: Promise<boolean> };
    await import(bundle);
    const library = await import('../src/index.js');
    if (!customElements.get('data-feed-library')) customElements.define('data-feed-library', class extends library.DataFeed {});
    const make = (tag: string) => {
      const el = document.createElement(tag) as Feed;
      el.setAttribute('heading', '');
      el.setAttribute('no-controls', '');
      el.setAttribute('capacity', '20000');
      el.style.width = '640px';
      document.body.append(el);
      return el;
    };
    const pair = [make('data-feed'), make('data-feed-library')];
    // Two frames: a draw the chart held for the next frame has run (test/helpers.ts has this as
    // afterHeldDraw, but importing it registers the library build before the bundle).
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const pixels = async () => {
      await Promise.all(pair.map((el) => el.updateComplete));
      await frame();
      return pair.map((el) => plotCanvas(el)!.toDataURL());
    };
    // Compared as a boolean: a failure would otherwise print two whole PNGs.
    const same = ([a, b]: string[], what: string) => expect(a === b, `the bundle paints other pixels than the library ${what}`).to.equal(true);
    try {
      await pixels(); // each draws the points its own generator made first; clear() forgets them
      const t0 = Date.UTC(2026, 0, 1, 12);
      const sparse = { time: Array.from({ length: 40 }, (_, i) => t0 + i * 500), values: [Array.from({ length: 40 }, (_, i) => (i === 17 ? NaN : Math.sin(i / 4))), Array.from({ length: 40 }, (_, i) => Math.cos(i / 5) * 3)] };
      for (const el of pair) {
        el.clear();
        el.append(sparse);
      }
      // What the build takes as constant holds for the chart's options (read on the library's chart).
      const plot = plotOf(pair[1] as unknown as DataFeed)! as uPlot & { mode: number; bands: unknown[]; focus: { prox: number } };
      expect(plot.mode, 'mode').to.equal(1);
      expect(Object.values(plot.scales).map((scale) => scale.distr), 'scales: no log, asinh or ordinal').to.deep.equal([1, 1]);
      expect(plot.bands, 'bands').to.deep.equal([]);
      expect([plot.legend.show, plot.legend.live, plot.cursor.show], 'legend and cursor shown, live').to.deep.equal([true, true, true]);
      expect(plot.focus.prox, 'no cursor focus').to.be.below(0);
      const { x, y, setScale, uni } = plot.cursor.drag!;
      expect({ x, y, setScale, uni }, 'a drag selects along x, and uPlot sets no scale from it').to.deep.equal({ x: true, y: false, setScale: false, uni: null });
      const { lock, points } = plot.cursor as { lock?: boolean; points: { bbox?: unknown } };
      expect({ lock: !!lock, bbox: points.bbox ?? null, ori: plot.scales.x.ori }, 'no cursor lock or point boxes; time along x').to.deep.equal({ lock: false, bbox: null, ori: 0 });
      type Axis = { rotate(...args: unknown[]): number; align?: number; alignTo: number };
      const axes = (plot.axes as unknown as Axis[]).map((axis) => [axis.rotate(plot, [], 0, 0), axis.align ?? null, axis.alignTo]);
      expect(axes, 'axis labels: not rotated, aligned by their side, at their own gap').to.deep.equal([[0, null, 1], [0, null, 1]]);
      const { x: crossX, y: crossY } = plot.cursor;
      expect([crossX, crossY], 'both cursor lines shown').to.deep.equal([true, true]);
      const { isolate } = plot.legend as { isolate?: boolean };
      expect({ dir: Object.values(plot.scales).map((scale) => scale.dir), isolate: !!isolate, select: plot.select.show }, 'scales the usual way, no isolating legend, a drag shown').to.deep.equal({ dir: [1, 1], isolate: false, select: true });
      expect(plot.series.filter((series) => (series as { values?: unknown }).values != null), 'no series with several legend values').to.deep.equal([]);
      type Points = { points: { show(u: uPlot, i: number): boolean } };
      expect(plot.series.slice(1).map((series, i) => (series as unknown as Points).points.show(plot, i + 1)), "no series shows uPlot's point markers").to.deep.equal([false, false]);
      const sparsePixels = await pixels();
      same(sparsePixels, 'for sparse points with a gap');
      const dense = { time: Array.from({ length: 12_000 }, (_, i) => t0 + 20_000 + i * 10), values: [Array.from({ length: 12_000 }, (_, i) => Math.sin(i / 7) + (i % 13) / 13), Array.from({ length: 12_000 }, (_, i) => (i % 97 === 0 ? NaN : Math.cos(i / 50)))] };
      for (const el of pair) el.append(dense);
      const densePixels = await pixels();
      same(densePixels, 'for dense points');
      expect(densePixels[0] !== sparsePixels[0], 'the dense points are drawn').to.equal(true);
      for (const el of pair) el.view = { from: t0 + 5_000, to: t0 + 60_000 };
      const zoomedPixels = await pixels();
      same(zoomedPixels, 'zoomed');
      expect(zoomedPixels[0] !== densePixels[0], 'the zoomed view is drawn').to.equal(true);
      // The cursor: the same values in the legend, and the same cursor drawn over the plot (its
      // horizontal line is left out: it follows the mouse, at another fraction of a pixel in each).
      for (const el of pair) {
        const over = cursorLayer(el);
        const box = over.getBoundingClientRect();
        over.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + box.width * 0.3, clientY: box.top + box.height / 2, bubbles: true }));
      }
      await frame();
      const [bundledLegend, builtLegend] = pair.map((el) => legendValues(el));
      expect(bundledLegend).to.deep.equal(builtLegend);
      expect(bundledLegend.filter((value) => value !== '--'), 'a time and a value under the cursor').to.have.length.of.at.least(2);
      expect(cursorMarks(pair[0]), 'the cursor line and a point per series').to.have.length(3);
      expect(cursorMarks(pair[0])).to.deep.equal(cursorMarks(pair[1]));
      // A real drag across the live plot: the same range becomes the view, drawn alike.
      for (const el of pair) {
        el.view = null;
        await drag(el, 0.3, 0.6);
      }
      const [bundledView, builtView] = pair.map((el) => el.view as { from: number; to: number } | null);
      expect(bundledView, 'the drag zooms').to.not.equal(null);
      expect(bundledView).to.deep.equal(builtView);
      same(await pixels(), 'after a drag');
    } finally {
      for (const el of pair) el.remove();
    }
  });

  it('streams, shows its table and exports under the strict CSP of the contract with no violation and no request of its own', async () => {
    const result = await strictPageReport('/test/fixtures/csp.html');
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.defined).to.equal(true);
    expect(result.canvas).to.equal(true);
    expect(result.uplotStyled).to.equal(true);
    expect(result.updates).to.be.at.least(3);
    expect(result.points).to.equal(100);
    expect(result.tableRows, 'aria-rowcount: the header and 100 rows').to.equal('101');
    expect(result.tableRowsMade, 'the rows in view are made').to.be.within(1, 40);
    expect(result.summary).to.match(/^2 series A, B\. 100 points from /);
    expect(result.csvLines, 'header, 100 records, and the empty end').to.equal(102);
    expect(result.png).to.equal('image/png');
    expect(requestedPaths(result.resources)).to.deep.equal(['/test/fixtures/csp-page.js', '/dist/data-feed.bundle.js']);
  });
});
