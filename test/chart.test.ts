import { expect } from '@open-wc/testing';
import { BoundedBuffer } from '../src/buffer.js';
import { ChartController, type Frames } from '../src/chart.js';

/** Animation frames the test runs by hand. */
function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const frames: Frames & { run(): void; pending(): number } = {
    request: (callback) => {
      queue.set(next, callback);
      return next++;
    },
    cancel: (handle) => queue.delete(handle as number),
    run: () => {
      const callbacks = [...queue.values()];
      queue.clear();
      callbacks.forEach((callback) => callback());
    },
    pending: () => queue.size,
  };
  return frames;
}

const theme = () => ({ series: ['rgb(1, 2, 3)', 'rgb(4, 5, 6)'], text: 'black', grid: 'gray', font: '12px sans-serif' });

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
    chart = new ChartController({
      data: () => buffer.columns(),
      valueRange: () => buffer.valueRange(),
      gapCount: (i) => buffer.gapCount(i),
      theme,
      frames,
    });
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
    expect(container.querySelector('.uplot')).to.exist;
  });

  it('draws at most once per frame however often it is invalidated', () => {
    chart.attach(container, sizer, ['A', 'B']);
    const plot = chart.plot!;
    let draws = 0;
    const setData = plot.setData.bind(plot);
    plot.setData = (data, reset) => {
      draws++;
      setData(data, reset);
    };
    for (let i = 0; i < 50; i++) {
      buffer.append([4000 + i], [[i], [i]]);
      chart.invalidate();
    }
    expect(frames.pending()).to.equal(1);
    expect(draws).to.equal(0);
    frames.run();
    expect(draws).to.equal(1);
    expect(plot.data[0].length).to.equal(53);
    frames.run();
    expect(draws).to.equal(1);
  });

  it('flush() draws a waiting update now and cancels its frame', () => {
    chart.attach(container, sizer, ['A', 'B']);
    buffer.append([4000], [[9], [9]]);
    chart.invalidate();
    chart.flush();
    expect(chart.scheduled).to.equal(false);
    expect(frames.pending()).to.equal(0);
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

  it('rebuilds for new series names', () => {
    chart.attach(container, sizer, ['A', 'B']);
    const first = chart.plot;
    chart.setSeries(['x', 'y']);
    expect(chart.plot).not.to.equal(first);
    expect(chart.plot!.series.map((s) => s.label)).to.deep.equal(['Time', 'x', 'y']);
    expect(container.querySelectorAll('.uplot')).to.have.length(1);
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
      expect(container.querySelector('.uplot')).to.equal(null);
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
    const series = chart.plot!.series as unknown as { _stroke: string }[];
    expect([series[1]._stroke, series[2]._stroke]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
  });
});
