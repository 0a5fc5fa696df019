import { expect, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import { T0, afterHeldDraw, fakeClock, mount, nextFrame, part, record, stepChunk, stepSource } from './helpers.js';
import { plotOf } from './harness.js';

describe('<data-feed>: events and methods', () => {
  afterEach(() => fixtureCleanup());

  it('fires start/stop once per effective change, whatever caused it', async () => {
    const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
    const events = record(el, ['data-feed-start', 'data-feed-stop']);
    el.start();
    el.start(); // no change
    el.streaming = true; // no change
    el.stop();
    el.toggle();
    el.toggle();
    el.setAttribute('streaming', '');
    el.removeAttribute('streaming');
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'start-button').click();
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'stop-button').click();
    expect(events.names()).to.deep.equal([
      'data-feed-start',
      'data-feed-stop',
      'data-feed-start',
      'data-feed-stop',
      'data-feed-start',
      'data-feed-stop',
      'data-feed-start',
      'data-feed-stop',
    ]);
    expect(events.of('data-feed-start')[0].detail).to.deep.equal({ interval: 1 });
    expect(events.of('data-feed-stop')[0].detail).to.deep.equal({});
  });

  it('fires interval-change once per effective change, from the slider, property or attribute', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    const events = record(el, ['data-feed-interval-change']);
    el.interval = 2;
    el.interval = 2;
    el.setAttribute('interval', '3');
    await el.updateComplete; // reflection writes the attribute back: no second event
    const slider = part<HTMLInputElement>(el, 'slider');
    slider.value = '4';
    slider.dispatchEvent(new Event('input'));
    slider.dispatchEvent(new Event('change'));
    el.interval = 9; // clamped to 5: a change
    el.interval = 10; // clamped to 5 again: none
    expect(events.seen.map((e) => e.detail)).to.deep.equal([{ interval: 2 }, { interval: 3 }, { interval: 4 }, { interval: 5 }]);
  });

  it('moves the slider with the keyboard', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    const events = record(el, ['data-feed-interval-change']);
    const slider = part<HTMLInputElement>(el, 'slider');
    slider.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'ArrowRight' });
    expect(el.interval).to.be.closeTo(1.01, 1e-9);
    expect(events.seen).to.have.length(1);
  });

  it('starts and stops with the keyboard', async () => {
    const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
    const { sendKeys } = await import('@web/test-runner-commands');
    part<HTMLButtonElement>(el, 'start-button').focus();
    await sendKeys({ press: 'Enter' });
    expect(el.streaming).to.equal(true);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'stop-button').focus();
    await sendKeys({ press: ' ' });
    expect(el.streaming).to.equal(false);
  });

  it('events bubble and are composed: a listener outside a shadow root hears them', async () => {
    const outer = document.createElement('div');
    const shadow = outer.attachShadow({ mode: 'open' });
    document.body.append(outer);
    const heard: CustomEvent[] = [];
    const names = ['data-feed-start', 'data-feed-stop', 'data-feed-interval-change', 'data-feed-update', 'data-feed-error'];
    for (const name of names) document.addEventListener(name, (e) => heard.push(e as CustomEvent));
    const el = document.createElement('data-feed');
    let fail = false;
    el.source = (since, now) => {
      if (fail) throw new Error('x');
      return stepChunk(since, now);
    };
    shadow.append(el);
    el.start();
    el.interval = 2;
    fail = true;
    await el.refresh().catch(() => {});
    el.stop();
    outer.remove();
    expect(new Set(heard.map((e) => e.type))).to.deep.equal(new Set(names));
    expect(heard.every((e) => e.bubbles && e.composed && e instanceof CustomEvent)).to.equal(true);
  });

  it('attribute values present at first connect fire no event', async () => {
    const heard: string[] = [];
    const names = ['data-feed-start', 'data-feed-stop', 'data-feed-interval-change'];
    const listener = (e: Event) => heard.push(e.type);
    for (const name of names) document.addEventListener(name, listener);
    try {
      const host = document.createElement('div');
      host.innerHTML = '<data-feed streaming interval="2.5" min-interval="1" max-interval="4"></data-feed>';
      document.body.append(host);
      const el = host.firstElementChild as HTMLElementTagNameMap['data-feed'];
      await el.updateComplete;
      expect(el.interval).to.equal(2.5);
      expect(heard).to.deep.equal([]);
      host.remove();
    } finally {
      for (const name of names) document.removeEventListener(name, listener);
    }
  });

  it('update detail: added before trimming, dropped, size = previous + added − dropped', async () => {
    const clock = fakeClock();
    try {
      const source = stepSource();
      const el = await mount(html`<data-feed capacity="100"></data-feed>`);
      const events = record(el, ['data-feed-update']);
      el.source = source; // forgets the 100 kept points
      el.start(); // backfills 119 points, keeps 100
      clock.tick(1000); // two more
      expect(events.seen.map((e) => e.detail)).to.deep.equal([
        { added: 0, dropped: 100, size: 0 },
        { added: 119, dropped: 19, size: 100 },
        { added: 2, dropped: 2, size: 100 },
      ]);
      el.stop();
      expect(source.lastCall.args[0]).to.equal(T0 - 500);
    } finally {
      clock.restore();
    }
  });

  it('fires no update when nothing changed (an empty chunk)', async () => {
    const el = await mount(html`<data-feed .source=${() => ({ time: [], values: [[], []] })}></data-feed>`);
    const events = record(el, ['data-feed-update']);
    await el.refresh();
    el.append({ time: [], values: [[], []] });
    expect(events.seen).to.have.length(0);
  });

  it('a source that throws, rejects or answers malformed fires data-feed-error with the error itself', async () => {
    const thrown = new Error('down');
    const answers: (() => unknown)[] = [
      () => ({ time: [], values: [[], []] }), // the first load
      () => { throw thrown; },
      () => Promise.reject('nope'),
      () => ({ time: [1, 2], values: [[1, 2]] }),
      () => null,
    ];
    let n = 0;
    const el = await mount(html`<data-feed .source=${() => answers[n++]()}></data-feed>`);
    const events = record(el, ['data-feed-error', 'data-feed-update']);
    const rejections: unknown[] = [];
    for (let i = 0; i < 3; i++) await el.refresh().catch((e) => rejections.push(e));
    const errors = events.of('data-feed-error').map((e) => e.detail.error);
    expect(errors[0]).to.equal(thrown);
    expect(errors[1]).to.equal('nope');
    expect(errors[2]).to.be.instanceOf(TypeError);
    expect(rejections).to.deep.equal(errors.slice(0, 3));
    expect(events.of('data-feed-update')).to.have.length(0);
  });

  it('after an error: nothing appended, last good points kept and drawn, status shows it until the next success, streaming goes on', async () => {
    const clock = fakeClock();
    try {
      let fail = false;
      const source = sinon.spy((since: number, now: number) => {
        if (fail) throw new Error('feed unreachable');
        return stepChunk(since, now);
      });
      const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
      const kept = el.data;
      fail = true;
      clock.tick(1000);
      await el.updateComplete;
      expect(el.data).to.deep.equal(kept);
      expect(part(el, 'status').textContent).to.contain('feed unreachable');
      expect(el.streaming).to.equal(true);
      clock.tick(1000);
      expect(source.callCount).to.equal(3);
      fail = false;
      clock.tick(1000);
      await el.updateComplete;
      expect(part(el, 'status').textContent).to.equal('');
      expect(el.data.time.at(-1)).to.equal(T0 + 2500);
    } finally {
      clock.restore();
    }
  });

  it('refresh() resolves once the points are kept and drawn', async () => {
    const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
    await nextFrame();
    const plot = plotOf(el)!;
    el.append({ time: [Date.now() + 10], values: [[1], [2]] });
    await el.refresh();
    expect(plot.data[0].length).to.equal(el.data.time.length);
    expect(plot.data[0][plot.data[0].length - 1]).to.equal(el.data.time.at(-1));
  });

  it('append() keeps the host’s points, skips stale times, fires update, and draws', async () => {
    const el = await mount(html`<data-feed capacity="5" .source=${() => ({ time: [], values: [[], []] })}></data-feed>`);
    const events = record(el, ['data-feed-update']);
    el.append({ time: [1, 2, 3], values: [[1, 2, 3], [4, 5, 6]] });
    el.append({ time: new Float64Array([2, 4, NaN, 5, 6]), values: [new Float64Array([0, 4, 0, 5, 6]), [0, 7, 0, 8, 9]] });
    expect(el.data).to.deep.equal({ time: [2, 3, 4, 5, 6], values: [[2, 3, 4, 5, 6], [5, 6, 7, 8, 9]] });
    expect(events.seen.map((e) => e.detail)).to.deep.equal([
      { added: 3, dropped: 0, size: 3 },
      { added: 3, dropped: 1, size: 5 },
    ]);
    const plot = plotOf(el)!;
    // The first append is drawn at once; the second waits for the next frame.
    expect(Array.from(plot.data[0])).to.deep.equal([1, 2, 3]);
    await afterHeldDraw();
    expect(Array.from(plot.data[0])).to.deep.equal([2, 3, 4, 5, 6]);
  });

  it('append() throws a TypeError for a malformed chunk and appends nothing', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    const before = el.data;
    const events = record(el);
    const bad: unknown[] = [
      undefined,
      null,
      'points',
      { time: [1] },
      { time: [Date.now() + 1], values: [[1]] },
      { time: [Date.now() + 1, Date.now() + 2], values: [[1, 2], [3]] },
      document.createElement('p'),
    ];
    for (const chunk of bad) {
      expect(() => (el.append as (c: unknown) => void)(chunk), String(chunk)).to.throw(TypeError);
    }
    expect(el.data).to.deep.equal(before);
    expect(events.seen).to.have.length(0);
  });

  it('clear() forgets all points (firing update) and the next update backfills again', async () => {
    const clock = fakeClock();
    try {
      const source = stepSource();
      const el = await mount(html`<data-feed .source=${source}></data-feed>`);
      const events = record(el, ['data-feed-update']);
      clock.tick(5000);
      el.clear();
      expect(el.data.time).to.deep.equal([]);
      expect(events.seen[0].detail).to.deep.equal({ added: 0, dropped: 100, size: 0 });
      await clock.tickAsync(0);
      expect(source.callCount).to.equal(1); // clear() alone fetches nothing
      await el.refresh();
      expect(source.lastCall.args).to.deep.equal([T0 + 5000 - 60_000, T0 + 5000]);
      el.clear();
      el.clear();
      expect(events.seen).to.have.length(3);
    } finally {
      clock.restore();
    }
  });

  it('a listener that stops streaming on start leaves it stopped, with events paired', async () => {
    const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
    const events = record(el, ['data-feed-start', 'data-feed-stop']);
    el.addEventListener('data-feed-start', () => el.stop(), { once: true });
    el.start();
    expect(el.streaming).to.equal(false);
    expect(events.names()).to.deep.equal(['data-feed-start', 'data-feed-stop']);
  });

  it('points answered for an old source are dropped when the source changes meanwhile', async () => {
    let resolve!: (chunk: unknown) => void;
    const slow = () => new Promise((r) => (resolve = r as (chunk: unknown) => void));
    const el = await mount(html`<data-feed .source=${slow as never}></data-feed>`);
    const fresh = stepSource();
    el.source = fresh;
    resolve({ time: [Date.now() - 1], values: [[1], [2]] });
    await new Promise((r) => setTimeout(r, 0));
    expect(el.data.values[0]).not.to.include(1);
    expect(fresh.callCount).to.equal(1);
  });
});
