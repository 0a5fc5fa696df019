import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { DataFeed } from '../src/data-feed.js';
import { T0, afterHeldDraw, mount, part, stepSource, useFakeClock } from './helpers.js';
import { announcer, bufferOf, cursorLayer, envelopeOf, envelopeStats, foldSpy, legendValues, lineWidthOf, plotOf } from './harness.js';
import { at, denseChunk, doubleClick, drag, format, nearest, press, silent, timeAt, viewEvents, xScale } from './plot-input.js';

// The kept points of a stepSource mounted at T0 (the newest 100): every 500 ms from T0 - 50 s to T0 - 0.5 s.
const FIRST = T0 - 50_000;
const VIEW = { from: T0 - 40_000, to: T0 - 20_000 };

describe('<data-feed>: inspecting the chart', () => {
  const clock = useFakeClock();
  afterEach(() => resetMouse());

  const chart = (capacity = 100) =>
    mount(html`<data-feed no-controls heading="" time-zone="UTC" capacity=${capacity} style="width: 600px" .source=${stepSource()}></data-feed>`);

  describe('dragging across the plot', () => {
    it('zooms the time axis to the selected range when the button is released: one change per drag', async () => {
      const el = await chart();
      const events = viewEvents(el);
      const [x0] = at(el, 0.25);
      const [x1] = at(el, 0.75);
      const from = timeAt(el, x0);
      const to = timeAt(el, x1);
      await drag(el, 0.25, 0.75, () => expect(events.seen, 'nothing while the button is down').to.have.length(0));
      expect(events.seen).to.have.length(1);
      expect(el.view!.from).to.be.closeTo(from, 1);
      expect(el.view!.to).to.be.closeTo(to, 1);
      expect(events.seen[0].detail).to.deep.equal({ view: el.view });
      await afterHeldDraw();
      expect(xScale(el)).to.deep.equal([el.view!.from, el.view!.to]);
      expect(plotOf(el)!.select.width, 'the selection is cleared').to.equal(0);
    });

    it('two quick drags are two zooms, not a double-click (WebKit counts each release as a click)', async () => {
      const el = await chart();
      const events = viewEvents(el);
      await drag(el, 0.2, 0.8);
      await drag(el, 0.2, 0.8);
      await drag(el, 0.6, 0.3);
      expect(events.seen.map((e) => e.detail.view === null)).to.deep.equal([false, false, false]);
      expect(events.seen[1].detail.view.to - events.seen[1].detail.view.from, 'the second drag narrows the first').to.be.below(events.seen[0].detail.view.to - events.seen[0].detail.view.from);
      expect(el.view).to.deep.equal(events.seen[2].detail.view);
    });

    it('a click without a drag changes nothing', async () => {
      const el = await chart();
      const events = viewEvents(el);
      await sendMouse({ type: 'click', position: at(el, 0.5) });
      expect(el.view).to.equal(null);
      expect(events.seen).to.have.length(0);
    });
  });

  describe('returning to live', () => {
    it('a double-click on the plot returns to live', async () => {
      const el = await chart();
      el.view = VIEW;
      doubleClick(el);
      expect(el.view).to.equal(null);
      await afterHeldDraw();
      expect(xScale(el)).to.deep.equal([FIRST, T0 - 500]);
    });

    for (const key of ['Escape', 'Home']) {
      it(`${key} while the plot has focus returns to live`, async () => {
        const el = await chart();
        el.view = VIEW;
        await press(el, key);
        expect(el.view).to.equal(null);
      });
    }

    it('the "Follow live" button shows only while zoomed, with or without controls, says live-label, returns to live and gives the focus to the chart', async () => {
      for (const el of [await chart(), await mount(html`<data-feed live-label="Live ansehen" .source=${stepSource()}></data-feed>`)]) {
        expect(part(el, 'live-button'), 'live: no button').to.equal(null);
        el.view = VIEW;
        await el.updateComplete;
        const button = part<HTMLButtonElement>(el, 'live-button');
        expect(button.tagName).to.equal('BUTTON');
        expect(button.textContent!.trim()).to.equal(el.noControls ? 'Follow live' : 'Live ansehen');
        button.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(el.view).to.equal(null);
        expect(part(el, 'live-button')).to.equal(null);
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'chart'));
      }
    });

    it('liveLabel is a property too, its default "Follow live"', async () => {
      const el = await chart();
      expect(el.liveLabel).to.equal('Follow live');
      el.liveLabel = 'Back to now';
      el.view = VIEW;
      await el.updateComplete;
      expect(part(el, 'live-button').textContent!.trim()).to.equal('Back to now');
    });

    it('returning to live is announced politely', async () => {
      const el = await chart();
      el.view = VIEW;
      await press(el, 'Escape');
      expect(announcer(el).getAttribute('aria-live')).to.equal('polite');
      expect(announcer(el).textContent).to.equal('Following live data.');
    });
  });

  describe('the keyboard', () => {
    it('Tab reaches the plot, which shows a focus ring and is named by what it shows: live, or the range', async () => {
      const el = await chart();
      const before = Object.assign(document.createElement('button'), { textContent: 'before' });
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      before.remove();
      const plot = part(el, 'chart');
      expect(el.shadowRoot!.activeElement).to.equal(plot);
      expect(getComputedStyle(plot).outlineStyle).to.equal('solid');
      expect(plot.getAttribute('aria-label')).to.equal('Line chart of A, B, live');
      el.view = VIEW;
      await el.updateComplete;
      expect(plot.getAttribute('aria-label')).to.match(/^Line chart of A, B, from .*11:59:20.* to .*11:59:40/);
    });

    it('+ and = zoom in around the middle by a factor of 2, - zooms out', async () => {
      const el = await chart();
      el.view = VIEW;
      await press(el, '+');
      expect(el.view).to.deep.equal({ from: T0 - 35_000, to: T0 - 25_000 });
      await press(el, '=');
      expect(el.view).to.deep.equal({ from: T0 - 32_500, to: T0 - 27_500 });
      await press(el, '-');
      expect(el.view).to.deep.equal({ from: T0 - 35_000, to: T0 - 25_000 });
    });

    it('from live, + zooms into the middle of what the chart shows', async () => {
      const el = await chart();
      const [from, to] = xScale(el);
      await press(el, '+');
      expect(el.view).to.deep.equal({ from: from + (to - from) / 4, to: to - (to - from) / 4 });
    });

    it('← and → move the view by a tenth of its width', async () => {
      const el = await chart();
      el.view = VIEW;
      await press(el, 'ArrowLeft');
      expect(el.view).to.deep.equal({ from: T0 - 42_000, to: T0 - 22_000 });
      await press(el, 'ArrowRight');
      await press(el, 'ArrowRight');
      expect(el.view).to.deep.equal({ from: T0 - 38_000, to: T0 - 18_000 });
    });
  });

  describe('while zoomed', () => {
    it('the time range holds still while points keep arriving and being kept; streaming does not change', async () => {
      const el = await chart(1000);
      el.view = VIEW;
      el.start();
      await afterHeldDraw();
      const size = el.data.time.length;
      for (let s = 0; s < 5; s++) {
        await clock.tickAsync(1000);
        await afterHeldDraw();
      }
      expect(el.data.time.length).to.equal(size + 10);
      expect(el.streaming).to.equal(true);
      expect(el.view).to.deep.equal(VIEW);
      expect(xScale(el)).to.deep.equal([VIEW.from, VIEW.to]);
    });

    it('the value axis fits the points in view', async () => {
      // Values 0…1 before T0 - 25 s, 100…101 after.
      const source = (since: number, now: number) => {
        const time: number[] = [];
        for (let t = since + 500; t < now; t += 500) time.push(t);
        return { time, values: [time.map((t) => (t < T0 - 25_000 ? 0 : 100)), time.map((t) => (t < T0 - 25_000 ? 1 : 101))] };
      };
      const el = await mount(html`<data-feed no-controls style="width: 600px" .source=${source}></data-feed>`);
      expect(plotOf(el)!.scales.y.max).to.be.above(100);
      el.view = { from: T0 - 45_000, to: T0 - 30_000 };
      await afterHeldDraw();
      const { min, max } = plotOf(el)!.scales.y;
      expect(min).to.be.within(-1, 0);
      expect(max).to.be.within(1, 2);
    });

    it('zooming into points later dropped shows what is left of them; the range does not change', async () => {
      const el = await chart();
      const view = { from: FIRST, to: FIRST + 9_500 }; // the oldest 20 points
      el.view = view;
      el.start();
      await clock.tickAsync(5000); // 10 new points, 10 oldest dropped
      await afterHeldDraw();
      const left = el.data.time.filter((t) => t >= view.from && t <= view.to);
      expect(left).to.have.length(10);
      const drawn = Array.from(plotOf(el)!.data[0]).filter((t) => t >= view.from && t <= view.to);
      expect(drawn).to.deep.equal(left);
      expect(el.view).to.deep.equal(view);
      expect(xScale(el)).to.deep.equal([view.from, view.to]);
    });

    it('the legend shows the true values under the cursor', async () => {
      const el = await chart();
      el.view = VIEW;
      await afterHeldDraw();
      const { time, values } = el.data;
      const k = time.indexOf(T0 - 30_000);
      const x = Math.round(cursorLayer(el).getBoundingClientRect().left + plotOf(el)!.valToPos(time[k], 'x'));
      await sendMouse({ type: 'move', position: [x, at(el, 0.5)[1]] });
      const i = nearest(el, timeAt(el, x));
      expect(legendValues(el).slice(1)).to.deep.equal(values.map((column) => format(column[i])));
    });

    it('--data-feed-line-width keeps working: lines drawn that wide in a sparse view, 1 px in a dense one', async () => {
      const el = await mount(html`<data-feed no-controls capacity="100000" style="width: 600px; --data-feed-line-width: 3px" .source=${silent}></data-feed>`);
      el.append(denseChunk(100_000));
      el.view = { from: T0, to: T0 + 500 }; // 500 points
      await afterHeldDraw();
      expect(lineWidthOf(el, 1)).to.equal(3);
      el.view = { from: T0, to: T0 + 50_000 };
      await afterHeldDraw();
      expect(envelopeStats(el).enveloped).to.equal(true);
      expect(lineWidthOf(el, 1)).to.equal(1);
    });
  });

  describe('the view property', () => {
    it('is null while live, { from, to } while zoomed; a host may set it', async () => {
      const el = await chart();
      expect(el.view).to.equal(null);
      el.view = VIEW;
      expect(el.view).to.deep.equal(VIEW);
      expect(el.view).to.equal(el.view, 'the same object until it changes');
      await afterHeldDraw();
      expect(xScale(el)).to.deep.equal([VIEW.from, VIEW.to]);
      el.view = null;
      expect(el.view).to.equal(null);
      await afterHeldDraw();
      expect(xScale(el)).to.deep.equal([FIRST, T0 - 500]);
    });

    it('refuses a value that is not such a range with one warning each, keeping the current view', async () => {
      const el = await chart();
      el.view = VIEW;
      const warn = sinon.stub(console, 'warn');
      try {
        const bad: unknown[] = [{ from: 2, to: 1 }, { from: 1, to: 1 }, { from: NaN, to: 1 }, { from: 0, to: Infinity }, { from: '1', to: '2' }, { from: 1 }, 'x', 5, true];
        // Hostile objects too: a getter that throws, a proxy that throws on every read.
        bad.push({ get from() { throw new Error('from'); }, to: 2 }, new Proxy({}, { get() { throw new Error('read'); } }));
        for (const value of bad) el.view = value as DataFeed['view'];
        expect(warn.callCount).to.equal(bad.length);
        expect(warn.firstCall.args[0]).to.match(/^data-feed: property view = .*: not null or \{ from, to \}/);
        expect(el.view).to.deep.equal(VIEW);
      } finally {
        warn.restore();
      }
    });

    it('a view given before the first connect is the initial state: shown, no event', async () => {
      const el = document.createElement('data-feed');
      el.source = stepSource();
      el.view = VIEW;
      const events = viewEvents(el);
      await fixture(html`<div></div>`).then((div) => div.append(el));
      await afterHeldDraw();
      expect(xScale(el)).to.deep.equal([VIEW.from, VIEW.to]);
      expect(events.seen).to.have.length(0);
      el.remove();
    });
  });

  describe('data-feed-view-change', () => {
    it('fires once per change, whatever caused it, with { view }, bubbling and composed', async () => {
      const el = await chart();
      const events = viewEvents(el);
      const seen = () => events.seen.map((e) => e.detail.view);
      el.view = VIEW; // the property
      el.view = { ...VIEW }; // the same range: no change
      await press(el, 'ArrowRight'); // a key
      doubleClick(el); // a double-click
      await drag(el, 0.3, 0.6); // a drag
      await el.updateComplete;
      part(el, 'live-button').click(); // the button
      expect(seen()).to.have.length(5);
      expect(seen()[0]).to.deep.equal(VIEW);
      expect(seen()[1]).to.deep.equal({ from: VIEW.from + 2000, to: VIEW.to + 2000 });
      expect(seen()[2]).to.equal(null);
      expect(seen()[3]).to.have.keys('from', 'to');
      expect(seen()[4]).to.equal(null);
      expect(events.seen.every((e) => e.bubbles && e.composed)).to.equal(true);
    });
  });


  describe('a large buffer', () => {
    it('zoomed into 100,000 points, the chart draws the real points of the range, its envelope built for them only', async () => {
      const el = await mount(html`<data-feed no-controls capacity="100000" style="width: 600px" .source=${silent}></data-feed>`);
      el.append(denseChunk(100_000));
      await afterHeldDraw();
      expect(envelopeStats(el).enveloped, 'live, dense').to.equal(true);

      const { time, values } = el.data;
      // 10,000 points in view, more than 4 per pixel: the envelope of the view.
      const dense = { from: T0 + 20_000, to: T0 + 29_999 };
      el.view = dense;
      await afterHeldDraw();
      const drawn = plotOf(el)!.data;
      expect(envelopeStats(el).enveloped).to.equal(true);
      expect(drawn[0].length).to.be.above(100).and.below(10_000);
      expect(Array.from(drawn[0]).every((t) => t >= dense.from && t <= dense.to), 'only points of the view').to.equal(true);
      const inView = (column: number[]) => column.slice(time.indexOf(dense.from), time.indexOf(dense.to) + 1);
      expect(Math.max(...(drawn[1] as number[]))).to.equal(Math.max(...inView(values[0])));
      expect(Math.min(...(drawn[2] as number[]))).to.equal(Math.min(...inView(values[1])));

      // 1,000 points in view: every one of them drawn.
      el.view = { from: T0 + 50_000, to: T0 + 50_999 };
      await afterHeldDraw();
      expect(envelopeStats(el).enveloped).to.equal(false);
      expect(Array.from(plotOf(el)!.data[0]).filter((t) => t >= T0 + 50_000 && t <= T0 + 50_999)).to.have.length(1000);

      // Points arriving outside the view cost no envelope work and no scan of the buffer.
      el.view = dense;
      await afterHeldDraw();
      const fold = foldSpy(envelopeOf(el));
      const scan = sinon.spy(bufferOf(el), 'valueRange');
      try {
        const last = el.data.time.at(-1)!;
        el.append({ time: [last + 1, last + 2], values: [[0, 0], [0, 0]] });
        await afterHeldDraw();
        expect(fold.callCount).to.equal(0);
        expect(scan.callCount).to.equal(0);
        expect(xScale(el)).to.deep.equal([dense.from, dense.to]);
      } finally {
        fold.restore();
        scan.restore();
      }
    });
  });
});
