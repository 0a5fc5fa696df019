import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { FeedChunk } from '../../src/core/chunk.js';
import type { DataFeed } from '../../src/data-feed.js';
import { mount, part, record, stepChunk, useFakeClock } from '../helpers.js';
import { plotCanvas, plotOf, storedBytes } from '../harness.js';

type Answer = (since: number, now: number) => unknown;

/**
 * A streaming element (interval 1 s, capacity 100, full after its first load) whose source answers
 * well until a test swaps in a hostile answer with `answer()`.
 */
async function streamingFeed() {
  let answer: Answer = stepChunk;
  const source = sinon.spy((since: number, now: number) => answer(since, now));
  const el = await mount(html`<data-feed .source=${source as never} streaming></data-feed>`);
  expect(el.data.time).to.have.length(100);
  const events = record(el);
  return {
    el,
    source,
    events,
    answer: (next: Answer) => (answer = next),
    good: () => (answer = stepChunk),
  };
}

type Feed = Awaited<ReturnType<typeof streamingFeed>>;

/**
 * After a failed update: `data-feed-error` carried the error, the kept points are those before,
 * the status says so; then the next tick calls the source again and a good answer is kept.
 */
async function expectRecovery(feed: Feed, clock: sinon.SinonFakeTimers, before: DataFeed['data']): Promise<void> {
  const { el, source, events } = feed;
  expect(el.data, 'the kept points are intact').to.deep.equal(before);
  await el.updateComplete;
  expect(part(el, 'status').textContent).to.match(/^Update failed/);
  feed.good();
  const calls = source.callCount;
  clock.tick(1000);
  expect(source.callCount, 'the next tick calls the source again').to.equal(calls + 1);
  const fresh = stepChunk(before.time.at(-1)!, Date.now()).time as number[];
  expect(fresh.length).to.be.greaterThan(0);
  expect(el.data.time, 'good points appended after the kept ones').to.deep.equal([...before.time, ...fresh].slice(-100));
  await el.updateComplete;
  expect(part(el, 'status').textContent).to.equal('');
  expect(events.of('data-feed-update').at(-1)!.detail).to.deep.equal({ added: fresh.length, dropped: fresh.length, size: 100 });
}

/** An array whose entry `index` throws when read. */
function throwingAt<T>(items: T[], index: number, error: unknown): T[] {
  Object.defineProperty(items, index, {
    get() {
      throw error;
    },
  });
  return items;
}

describe('reliability: hostile sources', () => {
  const clock = useFakeClock();

  describe('faults: data-feed-error with the error itself, the kept points intact, streaming goes on', () => {
    const faults: [string, () => Answer, (error: unknown) => void][] = [
      ['throws an Error', () => () => {
        throw new RangeError('boom');
      }, (error) => expect(error).to.be.instanceOf(RangeError).with.property('message', 'boom')],
      ['throws a string', () => () => {
        throw 'plain text';
      }, (error) => expect(error).to.equal('plain text')],
      ['throws an object whose toString throws', () => () => {
        throw Object.create(null);
      }, (error) => expect(Object.getPrototypeOf(error)).to.equal(null)],
      ['rejects', () => () => Promise.reject(new Error('no')), (error) => expect((error as Error).message).to.equal('no')],
      ['rejects with undefined', () => () => Promise.reject(undefined), (error) => expect(error).to.equal(undefined)],
      ['returns a thenable whose then throws', () => () => ({
        get then() {
          throw new Error('then');
        },
      }), (error) => expect((error as Error).message).to.equal('then')],
      ['returns a chunk whose time getter throws', () => () => ({
        get time() {
          throw new Error('time getter');
        },
        values: [[], []],
      }), (error) => expect((error as Error).message).to.equal('time getter')],
      ['returns a chunk one of whose values throws when read', () => (since, now) => {
        const chunk = stepChunk(since, now);
        chunk.values[1] = throwingAt([...(chunk.values[1] as number[])], 1, new Error('entry getter'));
        return chunk;
      }, (error) => expect((error as Error).message).to.equal('entry getter')],
      ['returns a chunk one of whose times throws when read', () => (since, now) => {
        const chunk = stepChunk(since, now);
        chunk.time = throwingAt([...(chunk.time as number[])], 1, new Error('time entry'));
        return chunk;
      }, (error) => expect((error as Error).message).to.equal('time entry')],
    ];
    for (const [what, make, check] of faults) {
      it(`a source that ${what}`, async () => {
        const feed = await streamingFeed();
        const before = feed.el.data;
        feed.answer(make());
        clock.tick(1000);
        await clock.tickAsync(0);
        const errors = feed.events.of('data-feed-error');
        expect(errors).to.have.length(1);
        check(errors[0].detail.error);
        expect(feed.events.of('data-feed-update')).to.have.length(0);
        await expectRecovery(feed, clock, before);
      });
    }

    it('a source that never settles: a TimeoutError after 10 s, its late answer dropped, the next call right after', async () => {
      const feed = await streamingFeed();
      feed.el.interval = 3; // ticks at 3, 6, 9, 12 s from now: none falls on the timeout
      const before = feed.el.data;
      let settle!: (chunk: FeedChunk) => void;
      feed.answer(() => new Promise((resolve) => (settle = resolve)));
      clock.tick(3000);
      const calls = feed.source.callCount;
      await clock.tickAsync(9_999);
      expect(feed.events.of('data-feed-error')).to.have.length(0);
      expect(feed.source.callCount, 'no call while one is in flight').to.equal(calls);
      feed.good();
      await clock.tickAsync(1);
      const [timeout] = feed.events.of('data-feed-error');
      expect((timeout.detail.error as Error).name).to.equal('TimeoutError');
      expect(feed.source.callCount, 'the ticks due meanwhile ran right after, as one').to.equal(calls + 1);
      const after = feed.el.data;
      settle(stepChunk(before.time.at(-1)!, Date.now() + 60_000));
      await clock.tickAsync(0);
      expect(feed.el.data, 'the late answer is dropped').to.deep.equal(after);
      const latest = feed.source.callCount;
      await clock.tickAsync(1999);
      expect(feed.source.callCount).to.equal(latest);
      await clock.tickAsync(1); // the tick at 15 s: the schedule went on

      expect(feed.source.callCount).to.equal(latest + 1);
      expect(clock.countTimers(), 'only the next tick is pending').to.equal(1);
    });
  });

  describe('malformed chunks: data-feed-error with a TypeError, nothing appended', () => {
    const malformed: [string, Answer][] = [
      ['null', () => null],
      ['undefined', () => undefined],
      ['a string', () => '{"time":[1],"values":[[1],[2]]}'],
      ['a number', () => 42],
      ['a promise of null', () => Promise.resolve(null)],
      ['an array of points', (_since, now) => [[now - 1, 1, 2]]],
      ['too few columns', (_since, now) => ({ time: [now - 1], values: [[1]] })],
      ['too many columns', (_since, now) => ({ time: [now - 1], values: [[1], [2], [3]] })],
      ['no values', (_since, now) => ({ time: [now - 1] })],
      ['columns of unequal length', (_since, now) => ({ time: [now - 2, now - 1], values: [[1, 2], [3]] })],
      ['a column that is text', (_since, now) => ({ time: [now - 2, now - 1], values: [[1, 2], '34'] })],
      ['time that is not array-like', (_since, now) => ({ time: now - 1, values: [[1], [2]] })],
      ['a negative length', () => ({ time: { length: -1 }, values: [[], []] })],
    ];
    for (const [what, answer] of malformed) {
      it(`a source that returns ${what}`, async () => {
        const feed = await streamingFeed();
        const before = feed.el.data;
        feed.answer(answer);
        clock.tick(1000);
        await clock.tickAsync(0);
        const errors = feed.events.of('data-feed-error');
        expect(errors).to.have.length(1);
        expect(errors[0].detail.error).to.be.instanceOf(TypeError);
        await expectRecovery(feed, clock, before);
      });
    }
  });

  describe('the documented skipping', () => {
    it('skips points whose time is not finite, or not after the previous kept point', async () => {
      const feed = await streamingFeed();
      const last = feed.el.data.time.at(-1)!;
      const t = (k: number) => last + k * 100;
      feed.answer(() => ({
        time: [last - 1, last, NaN, t(1), Infinity, -Infinity, t(3), t(2), t(3), t(3), null, 'x', t(4), undefined, {}, t(5)],
        values: [Array.from({ length: 16 }, (_, i) => i), Array.from({ length: 16 }, (_, i) => -i)],
      }));
      clock.tick(1000);
      expect(feed.events.of('data-feed-error')).to.have.length(0);
      const { time, values } = feed.el.data;
      expect(time.slice(-4)).to.deep.equal([t(1), t(3), t(4), t(5)]);
      expect(values[0].slice(-4)).to.deep.equal([3, 6, 12, 15]);
      expect(values[1].slice(-4)).to.deep.equal([-3, -6, -12, -15]);
      expect(feed.events.of('data-feed-update')[0].detail).to.deep.equal({ added: 4, dropped: 4, size: 100 });
      for (let i = 1; i < time.length; i++) expect(time[i]).to.be.greaterThan(time[i - 1]);
    });

    it('an answer entirely in the past adds nothing and is no error', async () => {
      const feed = await streamingFeed();
      const before = feed.el.data;
      feed.answer(() => ({ time: before.time.slice(0, 10), values: [before.values[0].slice(0, 10), before.values[1].slice(0, 10)] }));
      clock.tick(1000);
      expect(feed.el.data).to.deep.equal(before);
      expect(feed.events.seen).to.deep.equal([]);
    });

    it('keeps values that are not finite numbers as NaN gaps; numeric text and bigints are read as numbers', async () => {
      const feed = await streamingFeed();
      const last = feed.el.data.time.at(-1)!;
      const time = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => last + k);
      feed.answer(() => ({
        time,
        values: [
          ['1.5', null, {}, 'abc', undefined, true, Symbol('s'), 7n],
          [[1], { valueOf: () => 3 }, '', ' ', NaN, -0, -Infinity, new Date(5)],
        ],
      }));
      clock.tick(1000);
      expect(feed.events.of('data-feed-error')).to.have.length(0);
      const { values } = feed.el.data;
      expect(values[0].slice(-8)).to.deep.equal([1.5, NaN, NaN, NaN, NaN, NaN, NaN, 7]);
      expect(values[1].slice(-8)).to.deep.equal([NaN, NaN, NaN, NaN, NaN, -0, NaN, 5]);
      expect(feed.el.data.time.slice(-8)).to.deep.equal(time);
      await feed.el.refresh(); // draws with the gaps
      expect(plotCanvas(feed.el)).to.exist;
    });

    it('an infinite value is a gap, not the end of the y axis: the other points stay drawn', async () => {
      const feed = await streamingFeed();
      const last = feed.el.data.time.at(-1)!;
      feed.answer(() => ({ time: [last + 1, last + 2, last + 3], values: [[1, Infinity, 2], [-Infinity, 3, 1 / 0]] }));
      clock.tick(1000);
      expect(feed.el.data.values.map((column) => column.slice(-3))).to.deep.equal([
        [1, NaN, 2],
        [NaN, 3, NaN],
      ]);
      await feed.el.refresh();
      const { min, max } = plotOf(feed.el)!.scales.y;
      expect([min, max].every(Number.isFinite), `y axis [${min}, ${max}]`).to.equal(true);
    });

    it('10^6 points in one chunk at capacity 100: only the newest 100 kept, quickly', async () => {
      const feed = await streamingFeed();
      const n = 1_000_000;
      let spent = 0;
      feed.answer((_since, now) => {
        const time = new Float64Array(n);
        const a = new Float64Array(n);
        const b = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          time[i] = now - n + i;
          a[i] = i;
          b[i] = -i;
        }
        spent = performance.now();
        return { time, values: [a, b] };
      });
      // Far enough ahead that all 10^6 (one per ms) are after the kept points.
      feed.el.backfill = 3600;
      clock.setSystemTime(Date.now() + 2 * n);
      clock.tick(1000);
      spent = performance.now() - spent;
      const { time, values } = feed.el.data;
      const now = Date.now();
      expect(time).to.deep.equal(Array.from({ length: 100 }, (_, i) => now - 100 + i));
      expect(values[0]).to.deep.equal(Array.from({ length: 100 }, (_, i) => n - 100 + i));
      expect(feed.events.of('data-feed-update')[0].detail).to.deep.equal({ added: n, dropped: n, size: 100 });
      expect(storedBytes(feed.el), 'storage stays bounded').to.be.at.most(8 * 200);
      expect(spent, `kept in ${spent} ms`).to.be.below(1000);
    });
  });

  describe('a source that reaches back into the element', () => {
    it('changing the source from inside the call drops its answer and backfills from the new one', async () => {
      const feed = await streamingFeed();
      const other = sinon.spy((since: number, now: number) => stepChunk(since, now, 1000));
      feed.answer((since, now) => {
        feed.el.source = other;
        return stepChunk(since, now);
      });
      clock.tick(1000);
      await clock.tickAsync(0);
      expect(feed.events.of('data-feed-error')).to.have.length(0);
      expect(other.callCount).to.equal(1);
      expect(feed.el.data.time).to.have.length(59);
    });

    it('stopping and refreshing from inside the call: no overlap, no error', async () => {
      const feed = await streamingFeed();
      let inside = 0;
      let nested: Promise<void> | undefined;
      feed.answer((since, now) => {
        inside++;
        expect(inside, 'calls never overlap').to.equal(1);
        feed.el.stop();
        nested = feed.el.refresh();
        feed.good();
        inside--;
        return stepChunk(since, now);
      });
      clock.tick(1000);
      await nested;
      expect(feed.source.callCount).to.equal(3); // the tick, then the refresh asked from inside it
      expect(feed.events.of('data-feed-error')).to.have.length(0);
      expect(feed.el.streaming).to.equal(false);
    });
  });
});
