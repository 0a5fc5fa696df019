import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type uPlot from 'uplot';
import { BoundedBuffer } from '../../src/core/buffer.js';
import { ChartController } from '../../src/chart/chart-controller.js';
import { DASHES } from '../../src/chart/series-style.js';
import type { Frames } from '../../src/chart/frames.js';
import { chartCount, chartRoot, dashOf, legendLabels, legendValues, lineWidthOf, plotCanvas, strokeOf } from '../harness.js';

/** A host for the controller alone: the tests attach and detach it themselves. */
const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };

/**
 * Animation frames the test runs by hand: `run()` is one frame, under way while its callbacks
 * run (`also` runs last, as a page's own frame callback would) and painted when it returns.
 */
function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  let open = false;
  let frame = 0;
  const frames: Frames & { run(also?: () => void): void; pending(): number } = {
    request: (callback) => {
      queue.set(next, callback);
      return next++;
    },
    cancel: (handle) => queue.delete(handle as number),
    current: () => (open ? frame : null),
    run: (also) => {
      const callbacks = [...queue.values()];
      queue.clear();
      open = true;
      frame++;
      try {
        callbacks.forEach((callback) => callback());
        also?.();
      } finally {
        open = false;
      }
    },
    pending: () => queue.size,
  };
  return frames;
}

const theme = () => ({ series: ['rgb(1, 2, 3)', 'rgb(4, 5, 6)'], text: 'black', grid: 'gray', font: '12px sans-serif', lineWidth: 2 });

/** Counts the chart's `setData` calls (its draws) from now on. */
function countDraws(plot: uPlot): { draws: number } {
  const counted = { draws: 0 };
  const setData = plot.setData.bind(plot);
  plot.setData = (data, reset) => {
    counted.draws++;
    setData(data, reset);
  };
  return counted;
}

describe('ChartController', () => {
  let container: HTMLElement;
  let sizer: HTMLElement;
  let buffer: BoundedBuffer;
  let frames: ReturnType<typeof manualFrames>;
  let chart: ChartController;

  beforeEach(() => {
    container = document.createElement('div');
    container.style.cssText = 'position: relative; width: 500px';
    sizer = document.createElement('div');
    sizer.style.cssText = 'position: absolute; inset: 0 0 auto 0; height: 200px';
    container.append(sizer);
    document.body.append(container);
    buffer = new BoundedBuffer(2, 100);
    buffer.append([1000, 2000, 3000], [[1, 2, 3], [3, 2, 1]]);
    frames = manualFrames();
    chart = new ChartController(host, { buffer: () => buffer, theme, frames });
  });
  afterEach(() => {
    chart.detach();
    container.remove();
  });

  it('creates a uPlot chart sized to the sizer, with one series per name', () => {
    chart.attach(container, sizer, ['A', 'B']);
    const plot = chart.plot!;
    expect(plot.width).to.equal(500);
    expect(plot.height).to.equal(200);
    expect(plot.series.map((s) => s.label)).to.deep.equal(['Time', 'A', 'B']);
    expect(chartRoot(container)).to.exist;
  });

  it('draws a first change at once, later ones together after the next frame: at most one draw per frame', () => {
    chart.attach(container, sizer, ['A', 'B']);
    const plot = chart.plot!;
    const counted = countDraws(plot);
    buffer.append([4000], [[0], [0]]);
    chart.invalidate();
    expect(counted.draws).to.equal(1);
    expect(plot.data[0].length).to.equal(4);
    for (let i = 1; i < 50; i++) {
      buffer.append([4000 + i], [[i], [i]]);
      chart.invalidate();
    }
    expect(counted.draws).to.equal(1);
    expect(chart.scheduled).to.equal(true);
    frames.run(); // the rest of the frame in which the first draw happened
    expect(counted.draws).to.equal(1);
    frames.run(); // the next frame
    expect(counted.draws).to.equal(2);
    expect(plot.data[0].length).to.equal(53);
    frames.run();
    frames.run();
    expect(counted.draws).to.equal(2);
    // After a quiet frame, the next change is drawn at once again.
    buffer.append([5000], [[1], [1]]);
    chart.invalidate();
    expect(counted.draws).to.equal(3);
  });

  it('a lone change asks only for the frame that paints it, and no frame after', () => {
    chart.attach(container, sizer, ['A', 'B']);
    frames.run();
    frames.run();
    expect(frames.pending()).to.equal(0);
    buffer.append([4000], [[0], [0]]);
    chart.invalidate();
    expect(chart.plot!.data[0].length).to.equal(4);
    expect(frames.pending()).to.equal(1);
    frames.run(); // paints the draw: nothing waits, so the hold ends here
    expect(frames.pending()).to.equal(0);
    expect(chart.scheduled).to.equal(false);
  });

  it('a change made later in the frame that ended the hold waits for the next frame', () => {
    chart.attach(container, sizer, ['A', 'B']);
    frames.run();
    frames.run();
    const plot = chart.plot!;
    const counted = countDraws(plot);
    buffer.append([4000], [[0], [0]]);
    chart.invalidate();
    expect(counted.draws).to.equal(1);
    // The frame that paints that draw: the page's own frame callback appends after the chart's.
    frames.run(() => {
      buffer.append([5000], [[1], [1]]);
      chart.invalidate();
    });
    expect(counted.draws).to.equal(1);
    expect(chart.scheduled).to.equal(true);
    frames.run();
    expect(counted.draws).to.equal(2);
    expect(plot.data[0].length).to.equal(5);
  });

  it('flush() draws a waiting change now', () => {
    chart.attach(container, sizer, ['A', 'B']);
    chart.invalidate();
    buffer.append([4000], [[9], [9]]);
    chart.invalidate();
    expect(chart.scheduled).to.equal(true);
    chart.flush();
    expect(chart.scheduled).to.equal(false);
    expect(chart.plot!.data[0].length).to.equal(4);
  });

  it('hands uPlot the buffer’s views, not copies', () => {
    chart.attach(container, sizer, ['A', 'B']);
    chart.flush(true);
    expect(chart.plot!.data[0]).to.equal(buffer.columns()[0]);
  });

  it('fits the y axis to finite values, ignoring NaN even at the edges', () => {
    buffer.clear();
    buffer.append([1000, 2000, 3000], [[NaN, 2, 4], [NaN, NaN, -4]]);
    chart.attach(container, sizer, ['A', 'B']);
    chart.flush(true);
    const { min, max } = chart.plot!.scales.y;
    expect(min).to.be.at.most(-4);
    expect(max).to.be.at.least(4);
    expect(Number.isFinite(min!) && Number.isFinite(max!)).to.equal(true);
  });

  it('follows the sizer’s size', async () => {
    chart.attach(container, sizer, ['A', 'B']);
    container.style.width = '320px';
    sizer.style.height = '150px';
    await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => requestAnimationFrame(r));
    expect(chart.plot!.width).to.equal(320);
    expect(chart.plot!.height).to.equal(150);
  });

  it('takes new series into the chart it has (no new chart), legend, colours and data included, drawn at once', () => {
    chart.attach(container, sizer, ['A', 'B']);
    const plot = chart.plot!;
    buffer = new BoundedBuffer(3, 100);
    buffer.append([1000, 2000], [[1, 2], [3, 4], [5, 6]]);
    chart.setSeries(['x', 'y', 'z']);
    expect(chart.plot, 'the same chart').to.equal(plot);
    expect(plot.series.map((s) => s.label)).to.deep.equal(['Time', 'x', 'y', 'z']);
    expect(legendLabels(container)).to.deep.equal(['Time', 'x', 'y', 'z']);
    expect(plot.data.map((column) => Array.from(column))).to.deep.equal([[1000, 2000], [1, 2], [3, 4], [5, 6]]);
    expect([1, 2, 3].map((i) => strokeOf(plot, i)), 'the palette repeats').to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)', 'rgb(1, 2, 3)']);
    expect([1, 2, 3].map((i) => dashOf(plot, i)), 'each series its own dash').to.deep.equal(DASHES.slice(0, 3));

    buffer = new BoundedBuffer(1, 100);
    chart.setSeries(['only']);
    expect(plot.series.map((s) => s.label)).to.deep.equal(['Time', 'only']);
    expect(legendLabels(container)).to.deep.equal(['Time', 'only']);
    expect(plot.data).to.have.length(2);
    expect(chartCount(container)).to.equal(1);
  });

  it('reads the colours again when shown after display: none, not at every change of size', async () => {
    const read = sinon.spy(theme);
    chart.detach();
    chart = new ChartController(host, { buffer: () => buffer, theme: read, frames });
    chart.attach(container, sizer, ['A', 'B']);
    const resized = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    read.resetHistory();
    container.style.width = '400px';
    await resized();
    expect(chart.plot!.width, 'resized').to.equal(400);
    expect(read.callCount, 'a change of size').to.equal(0);
    container.style.display = 'none';
    await resized();
    container.style.display = '';
    await resized();
    expect(chart.plot!.width).to.equal(400);
    expect(read.callCount, 'shown again').to.equal(1);
  });

  it('detach() destroys the chart, stops watching the size and cancels a waiting draw', () => {
    const observers: ResizeObserver[] = [];
    const Original = window.ResizeObserver;
    let disconnected = 0;
    window.ResizeObserver = class extends Original {
      constructor(callback: ResizeObserverCallback) {
        super(callback);
        observers.push(this);
      }
      override disconnect() {
        disconnected++;
        super.disconnect();
      }
    };
    try {
      chart.attach(container, sizer, ['A', 'B']);
      chart.invalidate();
      chart.detach();
      expect(chart.plot).to.equal(null);
      expect(chartRoot(container)).to.equal(null);
      expect(frames.pending()).to.equal(0);
      expect(observers).to.have.length(1);
      expect(disconnected).to.equal(1);
      chart.invalidate();
      expect(frames.pending()).to.equal(0);
    } finally {
      window.ResizeObserver = Original;
    }
  });

  it('paints each series in its theme colour', () => {
    chart.attach(container, sizer, ['A', 'B']);
    chart.flush(true);
    expect([strokeOf(chart.plot!, 1), strokeOf(chart.plot!, 2)]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
  });
});

describe('ChartController: the envelope of dense data', () => {
  /** Mounts a chart of `buffer` 600×240 px, drawing the envelope or every point. */
  function mountChart(buffer: BoundedBuffer, envelope: boolean) {
    const container = document.createElement('div');
    container.style.cssText = 'position: relative; width: 600px';
    const sizer = document.createElement('div');
    sizer.style.cssText = 'position: absolute; inset: 0 0 auto 0; height: 240px';
    container.append(sizer);
    document.body.append(container);
    const chart = new ChartController(host, { buffer: () => buffer, theme, frames: manualFrames(), envelope });
    chart.attach(container, sizer, ['A', 'B']);
    chart.flush(true);
    return { chart, container, canvas: plotCanvas(container)! };
  }

  function denseBuffer(points: number) {
    const buffer = new BoundedBuffer(2, points);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let walk = 0;
    const time = new Float64Array(points).map((_, i) => 1_700_000_000_000 + i * 10);
    // A random walk with rare spikes: a spike is a single point, which only its bucket's extremes keep.
    const a = time.map(() => (walk += random() - 0.5) + (random() < 0.002 ? (random() - 0.5) * 80 : 0));
    const b = time.map((_, i) => Math.sin(i / 500) * 20 + (random() - 0.5) * 8);
    buffer.append(time, [a, b]);
    return buffer;
  }

  /** Share of ink pixels of `a` with no ink pixel of similar colour within one pixel in `b`. */
  function unmatched(a: ImageData, b: ImageData): number {
    const ink = (d: ImageData, i: number) => d.data[i + 3] > 40;
    let inkPixels = 0;
    let missing = 0;
    for (let y = 0; y < a.height; y++) {
      for (let x = 0; x < a.width; x++) {
        const i = (y * a.width + x) * 4;
        if (!ink(a, i)) continue;
        inkPixels++;
        let found = false;
        for (let dy = -1; dy <= 1 && !found; dy++) {
          for (let dx = -1; dx <= 1 && !found; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= b.width || yy >= b.height) continue;
            const j = (yy * b.width + xx) * 4;
            found =
              ink(b, j) &&
              Math.abs(a.data[i] - b.data[j]) < 60 &&
              Math.abs(a.data[i + 1] - b.data[j + 1]) < 60 &&
              Math.abs(a.data[i + 2] - b.data[j + 2]) < 60;
          }
        }
        if (!found) missing++;
      }
    }
    return inkPixels ? missing / inkPixels : 1;
  }

  it('looks the same as drawing every point: the same pixels within one pixel of antialiasing', () => {
    const buffer = denseBuffer(100_000);
    const enveloped = mountChart(buffer, true);
    const full = mountChart(buffer, false);
    try {
      expect(enveloped.chart.enveloped).to.equal(true);
      expect(full.chart.enveloped).to.equal(false);
      expect(enveloped.chart.plot!.data[0].length).to.be.below(20_000);
      expect(full.chart.plot!.data[0].length).to.equal(100_000);
      const read = (canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const a = read(enveloped.canvas);
      const b = read(full.canvas);
      // Both ways round: nothing drawn that should not be, nothing missing that should be there.
      // (Measured: about 0.02 %; leaving out the extremes makes it 15 %.)
      expect(unmatched(a, b)).to.be.below(0.002);
      expect(unmatched(b, a)).to.be.below(0.002);
      // Same axes: the same scales.
      expect(enveloped.chart.plot!.scales.x).to.deep.include({ min: full.chart.plot!.scales.x.min, max: full.chart.plot!.scales.x.max });
      expect(enveloped.chart.plot!.scales.y.min).to.equal(full.chart.plot!.scales.y.min);
      expect(enveloped.chart.plot!.scales.y.max).to.equal(full.chart.plot!.scales.y.max);
    } finally {
      enveloped.chart.detach();
      full.chart.detach();
      enveloped.container.remove();
      full.container.remove();
    }
  });

  it('draws dense data solid with 1 px lines, sparse data dashed with 2 px, from the chart’s first draw', () => {
    const dense = mountChart(denseBuffer(20_000), true);
    const sparse = mountChart(denseBuffer(200), true);
    try {
      expect(lineWidthOf(dense.chart.plot!, 1)).to.equal(1);
      expect(lineWidthOf(sparse.chart.plot!, 1)).to.equal(2);
      expect(dashOf(dense.chart.plot!, 2)).to.deep.equal([]);
      expect(dashOf(sparse.chart.plot!, 2).length).to.be.greaterThan(0);
    } finally {
      dense.chart.detach();
      sparse.chart.detach();
      dense.container.remove();
      sparse.container.remove();
    }
  });

  it('shows in the legend the true value of the real point nearest the cursor', async () => {
    const buffer = denseBuffer(50_000);
    const { chart, container } = mountChart(buffer, true);
    try {
      const plot = chart.plot!;
      const [time, a, b] = buffer.columns();
      const target = 31_234;
      const left = plot.valToPos(time[target], 'x');
      plot.setCursor({ left, top: 10 });
      const values = legendValues(container);
      const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
      // The cursor sits within a fraction of a pixel of the target: the nearest real point is at most
      // a pixel's worth of points away, and the legend shows that point exactly.
      const x = plot.posToVal(left, 'x');
      let nearest = 0;
      for (let i = 1; i < time.length; i++) if (Math.abs(time[i] - x) < Math.abs(time[nearest] - x)) nearest = i;
      expect(values[1]).to.equal(format.format(a[nearest]));
      expect(values[2]).to.equal(format.format(b[nearest]));
    } finally {
      chart.detach();
      container.remove();
    }
  });
});

describe('ChartController: many charts', () => {
  it('draw in one shared animation frame', async () => {
    const requested = sinon.spy(window, 'requestAnimationFrame');
    const charts: { chart: ChartController; container: HTMLElement }[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const buffer = new BoundedBuffer(1, 10);
        buffer.append([1, 2], [[1, 2]]);
        const container = document.createElement('div');
        const sizer = document.createElement('div');
        container.append(sizer);
        document.body.append(container);
        const chart = new ChartController(host, { buffer: () => buffer, theme });
        chart.attach(container, sizer, ['A']);
        charts.push({ chart, container });
      }
      requested.resetHistory();
      charts.forEach(({ chart }) => (chart.invalidate(), chart.invalidate()));
      charts[4].chart.detach(); // a cancelled draw does not cancel the others
      expect(requested.callCount).to.equal(1);
      expect(charts.slice(0, 4).every(({ chart }) => chart.scheduled)).to.equal(true);
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      expect(charts.slice(0, 4).every(({ chart }) => !chart.scheduled)).to.equal(true);
    } finally {
      requested.restore();
      charts.forEach(({ chart, container }) => (chart.detach(), container.remove()));
    }
  });
});

describe('ChartController: colours', () => {
  it('reads the theme when made, never on a draw however much time passes or on a resize, and again on a transition, a colour-scheme change or restyle()', async () => {
    const buffer = new BoundedBuffer(1, 100);
    buffer.append([1, 2], [[1, 2]]);
    const container = document.createElement('div');
    const sizer = document.createElement('div');
    sizer.style.cssText = 'width: 300px; height: 100px';
    container.append(sizer);
    document.body.append(container);
    let reads = 0;
    let draws = 0;
    const frames = manualFrames();
    const chart = new ChartController(host, { buffer: () => buffer, theme: () => (reads++, theme()), frames, drawn: () => draws++ });
    const listeners = sinon.spy(MediaQueryList.prototype, 'addEventListener');
    const removed = sinon.spy(MediaQueryList.prototype, 'removeEventListener');
    // Time passes quickly: a reading with an expiry would expire between any two draws.
    let now = performance.now();
    const clock = sinon.stub(performance, 'now').callsFake(() => (now += 1000));
    try {
      chart.attach(container, sizer, ['A']);
      expect(reads).to.equal(1);
      for (let i = 0; i < 20; i++) {
        buffer.append([3 + i], [[i]]);
        chart.invalidate();
        frames.run();
      }
      expect(draws, 'it drew').to.be.at.least(10);
      expect(reads, 'no read on a draw').to.equal(1);

      const drawn = draws;
      plotCanvas(container)!.dispatchEvent(new Event('transitionrun', { bubbles: true }));
      frames.run();
      expect(reads, 'a transition in the container').to.equal(2);
      expect(draws, 'and it drew again').to.be.above(drawn);

      const onScheme = listeners.firstCall.args[1] as () => void;
      onScheme();
      frames.run();
      expect(reads, 'a colour-scheme change').to.equal(3);

      chart.restyle();
      expect(reads, 'restyle() waits for the next draw').to.equal(3);
      chart.invalidate();
      frames.run();
      expect(reads).to.equal(4);

      sizer.style.width = '200px';
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      expect(reads, 'a resize (see below for a return from display: none)').to.equal(4);

      chart.detach();
      expect(removed.firstCall.args[1]).to.equal(onScheme);
      container.dispatchEvent(new Event('transitionrun'));
      expect(reads, 'nothing after detach').to.equal(4);
    } finally {
      clock.restore();
      listeners.restore();
      removed.restore();
      chart.detach();
      container.remove();
    }
  });
});
