import { expect, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import { fakeClock, mount, stepSource } from './helpers.js';
import { chartCount, chartRoot } from './harness.js';

describe('<data-feed>: symmetric lifecycle', () => {
  afterEach(() => fixtureCleanup());

  it('disconnect stops its timers, visibility listener, ResizeObserver and uPlot instance', async () => {
    const clock = fakeClock();
    const added = sinon.spy(document, 'addEventListener');
    const removed = sinon.spy(document, 'removeEventListener');
    const observe = sinon.spy(ResizeObserver.prototype, 'observe');
    const disconnect = sinon.spy(ResizeObserver.prototype, 'disconnect');
    try {
      const el = await mount(html`<data-feed .source=${stepSource()} streaming></data-feed>`);
      await el.updateComplete;
      expect(clock.countTimers()).to.equal(1);
      expect(chartRoot(el)).to.exist;
      el.remove();
      expect(clock.countTimers()).to.equal(0);
      expect(chartRoot(el)).to.equal(null);
      const listened = added.getCalls().filter((c) => c.args[0] === 'visibilitychange').length;
      const unlistened = removed.getCalls().filter((c) => c.args[0] === 'visibilitychange').length;
      expect(listened).to.equal(1);
      expect(unlistened).to.equal(1);
      expect(observe.callCount).to.equal(1);
      expect(disconnect.callCount).to.equal(1);
    } finally {
      clock.restore();
      added.restore();
      removed.restore();
      observe.restore();
      disconnect.restore();
    }
  });

  it('with the table shown, disconnect also stops the observer of its size, and a reconnect starts it again', async () => {
    const observed = new Set<Element>();
    const observe = sinon.stub(ResizeObserver.prototype, 'observe').callsFake(function (this: ResizeObserver, target: Element) {
      observe.wrappedMethod.call(this, target);
      observed.add(target);
    });
    const disconnect = sinon.stub(ResizeObserver.prototype, 'disconnect').callsFake(function (this: ResizeObserver) {
      disconnect.wrappedMethod.call(this);
      observed.clear();
    });
    try {
      const el = await mount(html`<data-feed table .source=${stepSource()}></data-feed>`);
      const table = el.shadowRoot!.querySelector('[part=table]')!;
      expect([...observed], 'the chart part, the table part and its header').to.include(table);
      const before = disconnect.callCount;
      el.remove();
      expect(disconnect.callCount - before, 'the chart\'s observer and the table\'s').to.equal(2);
      expect(observed.size).to.equal(0);
      document.body.append(el);
      await el.refresh();
      expect([...observed]).to.include(table);
    } finally {
      observe.restore();
      disconnect.restore();
    }
  });

  it('many connect/disconnect cycles leave nothing behind and keep the data', async () => {
    const clock = fakeClock();
    try {
      const el = await mount(html`<data-feed .source=${stepSource()} streaming></data-feed>`);
      const parent = el.parentElement!;
      for (let i = 0; i < 200; i++) {
        el.remove();
        parent.append(el);
      }
      await el.updateComplete;
      expect(clock.countTimers()).to.equal(1);
      expect(chartCount(el)).to.equal(1);
      expect(el.data.time).to.have.length(100);
      el.remove();
      expect(clock.countTimers()).to.equal(0);
    } finally {
      clock.restore();
    }
  });

  it('removing it while an update is in flight leaves no error', async () => {
    let resolve!: (chunk: unknown) => void;
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      const el = await mount(html`<data-feed .source=${(() => new Promise((r) => (resolve = r))) as never}></data-feed>`);
      el.remove();
      resolve({ time: [Date.now() - 1], values: [[1], [2]] });
      await new Promise((r) => setTimeout(r, 20));
      expect(errors).to.deep.equal([]);
      expect(el.data.time).to.deep.equal([Date.now() > 0 ? el.data.time[0] : 0]);
      expect(el.data.time).to.have.length(1);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
