import { expect, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { DataFeed } from '../../src/data-feed.js';
import { deferred, fakeClock, mount, nextFrame, part, record, stepChunk, stepSource } from '../helpers.js';
import { chartCount } from '../harness.js';

const CYCLES = 1000;

/**
 * Counts what an element could leave behind: listeners on window and document (uPlot listens on
 * window for each chart), ResizeObservers observing, uPlot roots in the element, and errors.
 */
function watch() {
  const listening = new Map<string, number>();
  const key = (target: unknown, type: string) => `${target === window ? 'window' : 'document'} ${type}`;
  const add = sinon.stub(EventTarget.prototype, 'addEventListener').callsFake(function (this: EventTarget, ...args) {
    if (this === window || this === document) listening.set(key(this, args[0]), (listening.get(key(this, args[0])) ?? 0) + 1);
    return add.wrappedMethod.apply(this, args);
  });
  const remove = sinon.stub(EventTarget.prototype, 'removeEventListener').callsFake(function (this: EventTarget, ...args) {
    if (this === window || this === document) listening.set(key(this, args[0]), (listening.get(key(this, args[0])) ?? 0) - 1);
    return remove.wrappedMethod.apply(this, args);
  });
  const observe = sinon.spy(ResizeObserver.prototype, 'observe');
  const disconnect = sinon.spy(ResizeObserver.prototype, 'disconnect');
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const baseline = new Map(listening);
  return {
    errors,
    /** Listeners added and not removed since watching began, by target and type (zero ones left out). */
    listeners() {
      const net: Record<string, number> = {};
      for (const [name, count] of listening) if (count !== (baseline.get(name) ?? 0)) net[name] = count - (baseline.get(name) ?? 0);
      return net;
    },
    /** ResizeObservers still observing. */
    observing: () => observe.callCount - disconnect.callCount,
    restore() {
      add.restore();
      remove.restore();
      observe.restore();
      disconnect.restore();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('reliability: lifecycle soak', () => {
  let clock: sinon.SinonFakeTimers;
  let watched: ReturnType<typeof watch>;
  beforeEach(() => {
    clock = fakeClock();
    watched = watch();
  });
  afterEach(() => {
    watched.restore();
    fixtureCleanup();
    clock.restore();
  });

  it(`${CYCLES} connect/disconnect cycles leave no timer, observer, listener or chart behind`, async function () {
    this.timeout(60_000);
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
    const parent = el.parentElement!;
    const listening = watched.listeners();
    // What one connected element holds: its visibility listener and its chart's (uPlot listens on window).
    expect(listening['document visibilitychange']).to.equal(1);
    expect(Object.keys(listening).filter((name) => name.startsWith('window '))).to.have.length.at.least(1);
    for (let i = 0; i < CYCLES; i++) {
      el.remove();
      expect(clock.countTimers(), 'no timer while detached').to.equal(0);
      expect(chartCount(el), 'no chart while detached').to.equal(0);
      expect(watched.observing(), 'no observer while detached').to.equal(0);
      clock.tick(i % 3 === 0 ? 0 : 700);
      parent.append(el);
      expect(clock.countTimers(), 'one tick pending while connected').to.equal(1);
      expect(chartCount(el), 'one chart while connected').to.equal(1);
      expect(watched.observing(), 'one observer while connected').to.equal(1);
      if (i % 50 === 0) await nextFrame(); // let pending draws run now and then
    }
    expect(watched.listeners(), 'window and document listeners as after the first connect').to.deep.equal(listening);
    expect(el.data.time).to.have.length(100);
    el.remove();
    await nextFrame();
    expect(clock.countTimers()).to.equal(0);
    expect(chartCount(el)).to.equal(0);
    expect(watched.observing()).to.equal(0);
    expect(watched.listeners(), 'nothing left on window or document').to.deep.equal({});
    expect(watched.errors).to.deep.equal([]);
  });

  it(`${CYCLES} connects and disconnects before the first render leave nothing behind`, async () => {
    for (let i = 0; i < CYCLES; i++) {
      const el = document.createElement('data-feed') as DataFeed;
      el.source = stepSource();
      el.streaming = true;
      document.body.append(el);
      el.remove();
      if (i % 100 === 0) await el.updateComplete;
    }
    await nextFrame();
    expect(clock.countTimers()).to.equal(0);
    expect(watched.observing()).to.equal(0);
    expect(watched.listeners()).to.deep.equal({});
    expect(watched.errors).to.deep.equal([]);
  });

  it(`${CYCLES} start/stop toggles, by every means: events paired, no timer left when stopped`, async function () {
    this.timeout(60_000);
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    const events = record(el, ['data-feed-start', 'data-feed-stop']);
    const means: ((on: boolean) => void | Promise<void>)[] = [
      (on) => (on ? el.start() : el.stop()),
      () => el.toggle(),
      (on) => (el.streaming = on),
      (on) => (on ? el.setAttribute('streaming', '') : el.removeAttribute('streaming')),
      async (on) => {
        await el.updateComplete; // the buttons' disabled state follows the last render
        part<HTMLButtonElement>(el, on ? 'start-button' : 'stop-button').click();
      },
    ];
    let calls = source.callCount;
    for (let i = 0; i < CYCLES; i++) {
      const on = i % 2 === 0;
      await means[(i * 7 + (i >> 3)) % means.length](on);
      expect(el.streaming).to.equal(on);
      if (on) {
        expect(source.callCount, 'start updates at once').to.equal(++calls);
        expect(clock.countTimers(), 'one tick pending while streaming').to.equal(1);
        clock.tick(i % 4 === 0 ? 1000 : 0);
        calls = source.callCount;
      } else {
        expect(clock.countTimers(), 'no timer when stopped').to.equal(0);
      }
    }
    const names = events.names();
    expect(names).to.have.length(CYCLES);
    names.forEach((name, i) => expect(name, `event ${i}`).to.equal(i % 2 === 0 ? 'data-feed-start' : 'data-feed-stop'));
    clock.tick(60_000);
    expect(source.callCount, 'nothing runs after the last stop').to.equal(calls);
    expect(watched.errors).to.deep.equal([]);
  });

  it('moving between parents (and into another shadow root) keeps the data, stopped or streaming', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const parents: ParentNode[] = [document.body, shadow, document.createElement('section'), shadow.appendChild(document.createElement('div'))];
    document.body.append(parents[2] as Element);

    const kept = el.data;
    for (let i = 0; i < 200; i++) parents[i % parents.length].append(el);
    expect(el.data, 'stopped: exactly the same points').to.deep.equal(kept);
    expect(source.callCount, 'stopped: moving fetches nothing').to.equal(1);

    el.start();
    const before = el.data.time;
    for (let i = 0; i < 200; i++) {
      parents[i % parents.length].append(el);
      clock.tick(250);
    }
    const after = el.data.time;
    const newest = before.at(-1)!;
    // Streaming: each move is a reconnect, which catches up; nothing kept is lost or reordered.
    expect(after.filter((t) => t <= newest), 'the kept points survive, in order').to.deep.equal(before.slice(before.length - after.filter((t) => t <= newest).length));
    for (let i = 1; i < after.length; i++) expect(after[i]).to.be.greaterThan(after[i - 1]);
    await nextFrame();
    expect(chartCount(el)).to.equal(1);
    host.remove();
    (parents[2] as Element).remove();
    el.remove();
    expect(clock.countTimers()).to.equal(0);
    expect(watched.observing()).to.equal(0);
  });

  describe('removing it mid-update leaves no error and nothing behind', () => {
    async function expectClean(el: DataFeed): Promise<void> {
      await clock.tickAsync(0);
      await nextFrame();
      await nextFrame();
      expect(watched.errors).to.deep.equal([]);
      expect(el.isConnected).to.equal(false);
      expect(clock.countTimers()).to.equal(0);
      expect(chartCount(el)).to.equal(0);
      expect(watched.observing()).to.equal(0);
      expect(watched.listeners()).to.deep.equal({});
      for (let i = 1; i < el.data.time.length; i++) expect(el.data.time[i]).to.be.greaterThan(el.data.time[i - 1]);
    }

    it('while an async call is in flight (its points still arrive)', async () => {
      const slow = deferred<ReturnType<typeof stepChunk>>();
      let calls = 0;
      const el = await mount(
        html`<data-feed streaming .source=${(since: number, now: number) => (++calls === 2 ? slow.promise : stepChunk(since, now))}></data-feed>`,
      );
      clock.tick(1000);
      el.remove();
      slow.resolve({ time: [Date.now() - 1], values: [[1], [2]] });
      await expectClean(el);
      expect(el.data.time.at(-1)).to.equal(Date.now() - 1);
    });

    it('from inside the source call', async () => {
      let el!: DataFeed;
      const source = sinon.spy((since: number, now: number) => {
        if (source.callCount === 2) el.remove();
        return stepChunk(since, now);
      });
      el = await mount(html`<data-feed streaming .source=${source}></data-feed>`);
      clock.tick(1000);
      await expectClean(el);
      clock.tick(10_000);
      expect(source.callCount).to.equal(2);
    });

    it('from a data-feed-update listener, with a draw pending', async () => {
      const el = await mount(html`<data-feed streaming .source=${stepSource()}></data-feed>`);
      el.addEventListener('data-feed-update', () => el.remove(), { once: true });
      clock.tick(1000);
      await expectClean(el);
    });

    it('from a data-feed-error listener', async () => {
      let fail = false;
      const el = await mount(
        html`<data-feed streaming .source=${(since: number, now: number) => (fail ? Promise.reject(new Error('down')) : stepChunk(since, now))}></data-feed>`,
      );
      el.addEventListener('data-feed-error', () => el.remove(), { once: true });
      fail = true;
      clock.tick(1000);
      await expectClean(el);
    });

    it('from a data-feed-start listener, before the update starting performs', async () => {
      const source = stepSource();
      const el = await mount(html`<data-feed .source=${source}></data-feed>`);
      el.addEventListener('data-feed-start', () => el.remove(), { once: true });
      el.start();
      await expectClean(el);
      clock.tick(10_000);
      expect(source.callCount).to.equal(1);
    });
  });
});
