import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import { DataFeed } from '../src/index.js';
import { engine, itInChromium, resetMedia } from './engine.js';
import { T0, fakeClock, mount, nextFrame, part, stepSource } from './helpers.js';
import {
  axisStroke,
  axisTicks,
  chartCount,
  chartRoot,
  cursorLayer,
  gapsOf,
  gridStroke,
  legendLabels,
  legendMarkers,
  legendValues,
  lineWidthOf,
  plotCanvas,
  plotOf,
  plotWrap,
  strokeOf,
  swatches,
} from './harness.js';

describe('<data-feed>: what it is and shows', () => {
  afterEach(() => (document.documentElement.style.colorScheme = ''));

  it('is registered as data-feed and exported as DataFeed', async () => {
    expect(customElements.get('data-feed')).to.equal(DataFeed);
    expect(document.createElement('data-feed')).to.be.instanceOf(DataFeed);
  });

  it('has the contract defaults', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    expect(el.streaming).to.equal(false);
    expect(el.interval).to.equal(1);
    expect(el.minInterval).to.equal(0.5);
    expect(el.maxInterval).to.equal(5);
    expect(el.step).to.equal(0.01);
    expect(el.capacity).to.equal(100);
    expect(el.backfill).to.equal(60);
    expect(el.samplePeriod).to.equal(0.5);
    expect(el.series).to.deep.equal(['A', 'B']);
    expect(el.heading).to.equal('Data feed');
    expect(el.sliderLabel).to.equal('Check for updates every: (seconds)');
    expect(el.startLabel).to.equal('Start streaming');
    expect(el.stopLabel).to.equal('Stop streaming');
    expect(el.noControls).to.equal(false);
    expect(el.source).to.equal(null);
    expect(el.hasAttribute('streaming')).to.equal(false);
  });

  it('on first connect shows the last 60 s of generated data, A and B at 0.5 s, newest 100 kept', async () => {
    const clock = fakeClock();
    try {
      const el = await mount(html`<data-feed></data-feed>`);
      const { time, values } = el.data;
      expect(time).to.have.length(100);
      expect(values).to.have.length(2);
      expect(values.every((column) => column.length === 100)).to.equal(true);
      expect(time[99]).to.equal(T0 - 500);
      expect(time[0]).to.equal(T0 - 500 * 100);
      expect(time.every((t, i) => i === 0 || t - time[i - 1] === 500)).to.equal(true);
      expect(values.flat().every(Number.isFinite)).to.equal(true);
      expect(values[0]).not.to.deep.equal(values[1]);
    } finally {
      clock.restore();
    }
  });

  it('stays static after the first load: no further update without streaming', async () => {
    const clock = fakeClock();
    try {
      const source = stepSource();
      await mount(html`<data-feed .source=${source}></data-feed>`);
      expect(source.callCount).to.equal(1);
      expect(source.firstCall.args).to.deep.equal([T0 - 60_000, T0]);
      await clock.tickAsync(60_000);
      expect(source.callCount).to.equal(1);
    } finally {
      clock.restore();
    }
  });

  it('renders every part: heading, controls, slider, buttons, chart and status', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    for (const name of ['heading', 'controls', 'slider', 'start-button', 'stop-button', 'chart', 'status']) {
      expect(part(el, name), name).to.exist;
    }
    expect(part(el, 'heading').textContent).to.equal('Data feed');
    expect(part(el, 'status').getAttribute('role')).to.equal('status');
  });

  it('has a real range slider, 0.5–5.0 by 0.01 at 1.0, named by its label', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    const slider = part<HTMLInputElement>(el, 'slider');
    expect(slider.tagName).to.equal('INPUT');
    expect(slider.type).to.equal('range');
    expect([slider.min, slider.max, slider.step, slider.value]).to.deep.equal(['0.5', '5', '0.01', '1']);
    expect(slider.labels![0].textContent!.trim()).to.equal('Check for updates every: (seconds)');
    await expect(part(el, 'controls')).to.be.accessible();
  });

  it('has real buttons: Start enabled and Stop disabled while stopped, the other way round while streaming', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    const start = part<HTMLButtonElement>(el, 'start-button');
    const stop = part<HTMLButtonElement>(el, 'stop-button');
    expect(start.tagName).to.equal('BUTTON');
    expect(start.textContent!.trim()).to.equal('Start streaming');
    expect(stop.textContent!.trim()).to.equal('Stop streaming');
    expect([start.disabled, stop.disabled]).to.deep.equal([false, true]);
    el.start();
    await el.updateComplete;
    expect([start.disabled, stop.disabled]).to.deep.equal([true, false]);
    el.stop();
    await el.updateComplete;
    expect([start.disabled, stop.disabled]).to.deep.equal([false, true]);
  });

  it('draws a uPlot chart inside its shadow root, with uPlot’s CSS adopted there', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    await nextFrame();
    const chart = part(el, 'chart');
    const root = chartRoot(el);
    expect(root, 'uPlot root').to.exist;
    expect(chart.contains(root), 'in the chart part').to.equal(true);
    expect(chartCount(document), 'none in the page').to.equal(0);
    const canvas = plotCanvas(el)!;
    expect(chart.contains(canvas), 'the canvas in the chart part').to.equal(true);
    expect(canvas.width).to.be.above(0);
    // uPlot's own rule `.u-wrap { position: relative }` applies only if its CSS is in the shadow root.
    expect(getComputedStyle(plotWrap(el)).position).to.equal('relative');
    expect(getComputedStyle(cursorLayer(el)).position).to.equal('absolute');
  });

  it('has a legend naming each series, with time first', async () => {
    const el = await mount(html`<data-feed series="Alpha,Beta,Gamma"></data-feed>`);
    await nextFrame();
    expect(legendLabels(el)).to.deep.equal(['Time', 'Alpha', 'Beta', 'Gamma']);
  });

  it('shows the values under the cursor in the legend', async () => {
    const source = stepSource(500);
    const el = await mount(html`<data-feed .source=${source} style="width: 600px"></data-feed>`);
    await nextFrame();
    const over = cursorLayer(el);
    const box = over.getBoundingClientRect();
    over.dispatchEvent(new MouseEvent('mousemove', { clientX: box.right - 2, clientY: box.top + box.height / 2, bubbles: true }));
    await nextFrame();
    const values = legendValues(el);
    const last = el.data.values.map((column) => column[column.length - 1]);
    expect(values.slice(1)).to.deep.equal(last.map((v) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(v)));
  });

  it('lays the controls out beside the chart when wide and above it when narrow', async () => {
    const wide = await mount(html`<data-feed style="width: 900px"></data-feed>`);
    const controls = part(wide, 'controls').getBoundingClientRect();
    const chart = part(wide, 'chart').getBoundingClientRect();
    expect(controls.right).to.be.at.most(chart.left);
    expect(Math.abs(controls.top - chart.top)).to.be.below(2);

    const narrow = await mount(html`<data-feed style="width: 360px"></data-feed>`);
    const c2 = part(narrow, 'controls').getBoundingClientRect();
    const ch2 = part(narrow, 'chart').getBoundingClientRect();
    expect(c2.bottom).to.be.at.most(ch2.top);
  });

  it('sizes the chart to the element width and to --data-feed-chart-height (300px by default)', async () => {
    const el = await mount(html`<data-feed no-controls style="width: 700px"></data-feed>`);
    await nextFrame();
    const canvas = plotCanvas(el)!;
    const box = canvas.getBoundingClientRect();
    const chartWidth = part(el, 'chart').getBoundingClientRect().width;
    expect(Math.abs(box.width - chartWidth)).to.be.below(2);
    expect(box.height).to.equal(300);

    el.style.setProperty('--data-feed-chart-height', '180px');
    await new Promise((r) => setTimeout(r, 50));
    await nextFrame();
    expect(canvas.getBoundingClientRect().height).to.equal(180);
  });

  it('redraws at the new width when the element is resized', async () => {
    const el = await mount(html`<data-feed no-controls style="width: 700px"></data-feed>`);
    await nextFrame();
    const canvas = () => plotCanvas(el)!.getBoundingClientRect().width;
    const before = canvas();
    el.style.width = '400px';
    // ResizeObserver reports after layout, then uPlot redraws.
    await new Promise((r) => setTimeout(r, 50));
    await nextFrame();
    expect(canvas()).to.be.below(before - 250);
    expect(Math.abs(canvas() - part(el, 'chart').getBoundingClientRect().width)).to.be.below(2);
  });

  for (const layout of ['display: grid; grid-template-columns: 1fr 1fr', 'display: flex']) {
    it(`shrinks with its box in a page's layout (${layout}): the chart sets no minimum width`, async () => {
      const box = (await mount(html`<div style="${layout}; width: 1000px">
        <data-feed table style="flex: 1"></data-feed><div style="flex: 1"></div>
      </div>`)) as unknown as HTMLElement;
      const el = box.querySelector('data-feed') as DataFeed;
      await el.updateComplete;
      await nextFrame();
      const plotWidth = () => plotCanvas(el)!.getBoundingClientRect().width;
      expect(plotWidth()).to.be.above(400);
      for (const width of [700, 300]) {
        box.style.width = `${width}px`;
        // ResizeObserver reports after layout, then uPlot redraws.
        await new Promise((r) => setTimeout(r, 50));
        await nextFrame();
        expect(Math.abs(el.getBoundingClientRect().width - width / 2), `the element at ${width} px`).to.be.below(2);
        expect(Math.abs(plotWidth() - part(el, 'chart').getBoundingClientRect().width), `the chart at ${width} px`).to.be.below(2);
        expect(box.scrollWidth, `nothing overflows at ${width} px`).to.be.at.most(width);
      }
    });
  }

  for (const layout of ['display: inline-block', 'position: absolute', 'display: flex']) {
    it(`in a box as wide as its content (${layout}), settles at one width: its chart does not widen what holds it`, async () => {
      const box = (await mount(html`<div style="width: 1000px"><div style="${layout}"><data-feed></data-feed><span>beside</span></div></div>`)) as unknown as HTMLElement;
      const el = box.querySelector('data-feed') as DataFeed;
      await el.updateComplete;
      await nextFrame();
      const width = el.getBoundingClientRect().width;
      // (A chart sized to a box that its own canvas widens ends in a ResizeObserver loop error.)
      await new Promise((r) => setTimeout(r, 50));
      await nextFrame();
      expect(el.getBoundingClientRect().width).to.equal(width);
      expect(plotCanvas(el)!.getBoundingClientRect().width).to.be.above(200);
      expect(Math.abs(plotCanvas(el)!.getBoundingClientRect().width - part(el, 'chart').getBoundingClientRect().width)).to.be.below(2);
    });
  }

  it('paints lines in the default colours: a strong blue (A) and a light blue (B)', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    await nextFrame();
    document.documentElement.style.colorScheme = 'light';
    el.style.colorScheme = 'light';
    await el.refresh();
    expect(strokeOf(el, 1)).to.equal('rgb(0, 104, 201)');
    expect(strokeOf(el, 2)).to.equal('rgb(61, 143, 217)');
  });

  it('takes line colours from --data-feed-series-N, set on the element or an ancestor', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.setProperty('--data-feed-series-2', 'rgb(1, 2, 3)');
    document.body.append(wrapper);
    try {
      const el = document.createElement('data-feed');
      el.style.setProperty('--data-feed-series-1', 'rgb(200, 0, 0)');
      wrapper.append(el);
      await el.updateComplete;
      await el.refresh();
      expect(strokeOf(el, 1)).to.equal('rgb(200, 0, 0)');
      expect(strokeOf(el, 2)).to.equal('rgb(1, 2, 3)');
    } finally {
      wrapper.remove();
    }
  });

  it('paints a dark surface with light text under a dark colour scheme, unless the host says light', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    el.style.colorScheme = 'dark';
    const dark = getComputedStyle(el);
    expect(dark.backgroundColor).to.equal('rgb(14, 17, 23)');
    expect(dark.color).to.equal('rgb(250, 250, 250)');
    el.style.colorScheme = 'light';
    const light = getComputedStyle(el);
    expect(light.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(light.color).to.equal('rgb(49, 51, 63)');
  });

  it('lets the page show through with --data-feed-background: transparent', async () => {
    const el = await mount(html`<data-feed style="--data-feed-background: transparent"></data-feed>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('lets each part be styled from outside with ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `data-feed.styled::part(heading), data-feed.styled::part(controls), data-feed.styled::part(slider),
      data-feed.styled::part(start-button), data-feed.styled::part(stop-button), data-feed.styled::part(chart),
      data-feed.styled::part(status) { outline: 3px solid rgb(255, 0, 255); }`;
    document.head.append(style);
    try {
      const el = await mount(html`<data-feed class="styled"></data-feed>`);
      for (const name of ['heading', 'controls', 'slider', 'start-button', 'stop-button', 'chart', 'status']) {
        expect(getComputedStyle(part(el, name)).outlineColor, name).to.equal('rgb(255, 0, 255)');
      }
    } finally {
      style.remove();
    }
  });

  it('breaks the line at values that are not numbers instead of joining across them', async () => {
    const el = await mount(html`<data-feed .source=${() => ({ time: [], values: [[], []] })} style="width: 600px"></data-feed>`);
    el.append({ time: [1000, 2000, 3000, 4000, 5000], values: [[0, 1, NaN, 1, 0], [0, 0, 0, 0, 0]] });
    await el.refresh();
    const gaps = gapsOf(el, 1);
    expect(gaps).to.have.length(1);
    expect(gaps[0][1]).to.be.above(gaps[0][0]);
    expect(gapsOf(el, 2)).to.have.length(0);
  });
});

describe('<data-feed>: palette', () => {
  it('repeats the eight series colours past the eighth series', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `s${i + 1}`).join(',');
    const el = await mount(html`<data-feed series=${names} style="color-scheme: light"></data-feed>`);
    await el.refresh();
    const plot = plotOf(el)!;
    const strokes = plot.series.slice(1).map((_, i) => strokeOf(plot, i + 1));
    expect(new Set(strokes.slice(0, 8)).size).to.equal(8);
    expect(strokes[8]).to.equal(strokes[0]);
    expect(strokes[9]).to.equal(strokes[1]);
    // The legend markers are painted in the same colours.
    const marker = legendMarkers(el)[3];
    expect(getComputedStyle(marker).borderTopColor).to.equal(strokes[2]);
  });
});

describe('<data-feed>: colour scheme and styling hooks', () => {
  afterEach(resetMedia);

  itInChromium('paints dark under prefers-color-scheme: dark, unless the host’s color-scheme says light', 'emulateMedia', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const el = await mount(html`<data-feed></data-feed>`);
    const changed = new Promise((resolve) => matchMedia('(prefers-color-scheme: dark)').addEventListener('change', resolve, { once: true }));
    await emulateMedia({ colorScheme: 'dark' });
    await changed; // the media query's change event comes in a later task
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(14, 17, 23)');
    expect(getComputedStyle(el).color).to.equal('rgb(250, 250, 250)');
    await el.refresh();
    expect(strokeOf(el, 1), 'dark palette').to.equal('rgb(131, 201, 255)');
    el.style.colorScheme = 'light';
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
  });

  /** The stroke of series `i` (1-based) and of the axes' text, as the chart drew them last. */
  function strokes(el: DataFeed) {
    const plot = plotOf(el)!;
    return { series: (i: number) => strokeOf(plot, i), text: () => axisStroke(plot, 0) };
  }

  /** Waits up to `most` frames for `done`; resolves to the frames it took, or Infinity. */
  async function framesUntil(done: () => boolean, most = 10): Promise<number> {
    for (let frames = 0; frames <= most; frames++) {
      if (done()) return frames;
      await nextFrame();
    }
    return Infinity;
  }

  for (const motion of ['no-preference', 'reduce'] as const) {
    // Without emulation the page's own preference applies: no-preference in these headless browsers.
    const test = motion === 'reduce' ? itInChromium : (title: string, _needs: string, fn: Mocha.AsyncFunc) => it(title, fn);
    test(`draws colours changed later on the page within a few frames, while stopped, with no update (reduced motion: ${motion})`, 'emulateMedia', async () => {
      const { emulateMedia } = await import('@web/test-runner-commands');
      if (engine === 'chromium') await emulateMedia({ reducedMotion: motion });
      const wrapper = document.createElement('div');
      document.body.append(wrapper);
      try {
        const el = document.createElement('data-feed');
        el.style.colorScheme = 'light';
        wrapper.append(el);
        await el.refresh();
        await nextFrame();
        const drawn = strokes(el);
        expect(drawn.series(2)).to.equal('rgb(61, 143, 217)');
        const updates: Event[] = [];
        el.addEventListener('data-feed-update', (event) => updates.push(event));

        wrapper.style.setProperty('--data-feed-series-2', 'rgb(1, 2, 3)');
        el.style.setProperty('--data-feed-text', 'rgb(10, 20, 30)');
        const took = await framesUntil(() => drawn.series(2) === 'rgb(1, 2, 3)' && drawn.text() === 'rgb(10, 20, 30)');
        expect(took, 'frames until drawn in the new colours').to.be.at.most(4);
        expect(updates, 'no data update was needed').to.have.length(0);

        el.style.colorScheme = 'dark';
        expect(await framesUntil(() => drawn.series(1) === 'rgb(131, 201, 255)'), 'a colour scheme set on the element').to.be.at.most(4);
      } finally {
        wrapper.remove();
        await resetMedia();
      }
    });
  }

  it('an update reads no style (nothing forces a style recalculation); a colour set before it is drawn within a few frames', async () => {
    let t = T0;
    const el = await mount(html`<data-feed .source=${() => ({ time: [(t += 500)], values: [[1], [2]] })}></data-feed>`);
    await el.refresh();
    el.style.setProperty('--data-feed-series-1', 'rgb(200, 0, 0)');
    const styleReads = sinon.spy(window, 'getComputedStyle');
    try {
      await el.refresh();
      expect(styleReads.callCount, 'getComputedStyle calls during refresh()').to.equal(0);
    } finally {
      styleReads.restore();
    }
    const drawn = strokes(el);
    expect(await framesUntil(() => drawn.series(1) === 'rgb(200, 0, 0)'), 'frames until drawn in the new colour').to.be.at.most(4);
  });

  it('draws lines --data-feed-line-width wide (1px by default, any CSS length) and follows a change within a few frames', async () => {
    const el = await mount(html`<data-feed style="width: 600px" .source=${stepSource()}></data-feed>`);
    expect([lineWidthOf(el, 1), lineWidthOf(el, 2)]).to.deep.equal([1, 1]);
    const wide = await mount(html`<data-feed style="width: 600px; --data-feed-line-width: 0.25rem" .source=${stepSource()}></data-feed>`);
    expect(lineWidthOf(wide, 1), '0.25rem in CSS pixels').to.equal(4);
    el.style.setProperty('--data-feed-line-width', '2.5px');
    const plot = plotOf(el)!;
    // Followed through the swatches' transition, like a colour (60 frames leave room for a loaded machine).
    await framesUntil(() => lineWidthOf(plot, 1) === 2.5, 60);
    expect([lineWidthOf(plot, 1), lineWidthOf(plot, 2)], 'no update needed').to.deep.equal([2.5, 2.5]);
  });

  it('draws a changed line width while the change is still in transition, not the width it is leaving', async () => {
    const el = await mount(html`<data-feed style="width: 600px" .source=${stepSource()}></data-feed>`);
    // The line width's swatch made to take 10 s over a change: the width read in the meantime is the old one.
    const swatch = swatches(el).at(-1)!;
    swatch.style.transitionDuration = '10s';
    const started = new Promise((resolve) => swatch.addEventListener('transitionrun', resolve, { once: true }));
    el.style.setProperty('--data-feed-line-width', '3px');
    await started;
    await new Promise((resolve) => setTimeout(resolve)); // the event reaches the chart after this listener
    await el.refresh();
    expect(lineWidthOf(plotOf(el)!, 1)).to.equal(3);
  });

  it('follows a change of --data-feed-font on its axes within a few frames, stopped', async () => {
    const el = await mount(html`<data-feed style="--data-feed-font: monospace" .source=${stepSource()}></data-feed>`);
    await nextFrame();
    expect([axisTicks(el, 0).font, axisTicks(el, 1).font]).to.deep.equal(['12px monospace', '12px monospace']);
    const kept = el.data;
    el.style.setProperty('--data-feed-font', 'serif');
    await framesUntil(() => axisTicks(el, 0).font === '12px serif', 60);
    expect([axisTicks(el, 0).font, axisTicks(el, 1).font]).to.deep.equal(['12px serif', '12px serif']);
    expect(el.data, 'the points kept').to.deep.equal(kept);
    expect(plotOf(el)!.data[0].length, 'and drawn').to.be.above(0);
  });

  it('takes font, text and grid colours from --data-feed-font, --data-feed-text and --data-feed-grid', async () => {
    const el = await mount(
      html`<data-feed style="--data-feed-font: monospace; --data-feed-text: rgb(10, 20, 30); --data-feed-grid: rgb(40, 50, 60)"></data-feed>`,
    );
    expect(getComputedStyle(el).fontFamily).to.equal('monospace');
    expect(getComputedStyle(part(el, 'heading')).color).to.equal('rgb(10, 20, 30)');
    await el.refresh();
    expect(axisStroke(el, 0)).to.equal('rgb(10, 20, 30)');
    expect(gridStroke(el, 1)).to.equal('rgb(40, 50, 60)');
  });
});
