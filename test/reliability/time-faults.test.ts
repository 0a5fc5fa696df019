import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { DataFeed } from '../../src/data-feed.js';
import { mount, record, setVisibility, stepSource, useFakeClock } from '../helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Kept times strictly increase (so no point is there twice), and every column is as long. */
function expectOrdered(el: DataFeed): void {
  const { time, values } = el.data;
  for (let i = 1; i < time.length; i++) {
    if (!(time[i] > time[i - 1])) expect.fail(`time[${i}] = ${time[i]} is not after ${time[i - 1]}`);
  }
  for (const column of values) expect(column).to.have.length(time.length);
}

/** A source that reports what the sensor reads now (whatever `since` says): one point at `now - 1`. */
function nowSource() {
  return sinon.spy((_since: number, now: number) => ({ time: [now - 1], values: [[now / 1000], [-now / 1000]] }));
}

describe('reliability: time faults', () => {
  const clock = useFakeClock();

  for (const [name, make] of [
    ['a source answering from since', () => stepSource()],
    ['a source answering what it reads now', nowSource],
    ['the built-in generator', () => null],
  ] as const) {
    it(`the clock jumps back an hour while streaming (${name}): no duplicate or out-of-order point, no error`, async () => {
      const source = make();
      const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
      const events = record(el, ['data-feed-error']);
      clock.tick(5000);
      const before = el.data;
      const newest = before.time.at(-1)!;

      clock.setSystemTime(Date.now() - HOUR);
      clock.tick(30_000); // 30 updates, all asking for points older than those kept
      expect(events.seen).to.deep.equal([]);
      expect(el.data, 'nothing older than the newest kept point is added').to.deep.equal(before);
      expectOrdered(el);

      // Once the clock passes the newest kept point again, points come in again, in order.
      clock.tick(HOUR - 30_000 + 5000);
      expect(el.data.time.at(-1)).to.be.greaterThan(newest);
      expectOrdered(el);
      expect(events.seen).to.deep.equal([]);
      expect(clock.countTimers()).to.equal(1);
    });
  }

  it('the clock jumps forward a day: exactly one catch-up, reaching back at most backfill', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} streaming backfill="30"></data-feed>`);
    clock.tick(5000);
    const calls = source.callCount;
    const before = el.data.time;
    clock.setSystemTime(Date.now() + DAY);
    clock.tick(1000);
    expect(source.callCount, 'one update at the next tick').to.equal(calls + 1);
    const now = Date.now();
    expect(source.lastCall.args).to.deep.equal([now - 30_000, now]);
    const added = el.data.time.filter((t) => t > before.at(-1)!);
    expect(added).to.have.length(59);
    expect(added[0], 'no new point older than backfill').to.be.at.least(now - 30_000);
    expect(el.data.time, 'the newest points before the jump stay, then the catch-up').to.deep.equal([...before, ...added].slice(-100));
    expectOrdered(el);
    clock.tick(1000);
    expect(source.callCount).to.equal(calls + 2);
    expect(source.lastCall.args).to.deep.equal([now - 500, now + 1000]);
  });

  it('the machine sleeps an hour while streaming: on wake one catch-up, not a burst of stale updates', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
    const events = record(el, ['data-feed-update', 'data-feed-error']);
    clock.tick(10_000);
    const calls = source.callCount;
    // Asleep: the wall clock moves on an hour, the pending timer does not run meanwhile.
    clock.setSystemTime(Date.now() + HOUR);
    expect(source.callCount).to.equal(calls);
    // Awake: the timer that was pending fires once.
    clock.tick(1000);
    expect(source.callCount, 'one catch-up').to.equal(calls + 1);
    const now = Date.now();
    expect(source.lastCall.args, 'reaching back backfill (60 s), not an hour').to.deep.equal([now - 60_000, now]);
    expect(events.of('data-feed-update'), 'the 10 updates before the sleep, and the catch-up').to.have.length(11);
    expect(el.data.time).to.have.length(100);
    expect(el.data.time[0]).to.be.at.least(now - 60_000);
    expectOrdered(el);
    // Then the ordinary pace: one update a second.
    clock.tick(10_000);
    expect(source.callCount).to.equal(calls + 11);
    expect(events.of('data-feed-error')).to.deep.equal([]);
  });

  it('the machine sleeps with the page hidden: one catch-up when it is visible again', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
    clock.tick(3000);
    const calls = source.callCount;
    setVisibility('hidden');
    clock.setSystemTime(Date.now() + HOUR);
    clock.tick(5000);
    expect(source.callCount, 'nothing while hidden').to.equal(calls);
    setVisibility('visible');
    expect(source.callCount).to.equal(calls + 1);
    expect(source.lastCall.args[0]).to.equal(Date.now() - 60_000);
    clock.tick(1000);
    expect(source.callCount).to.equal(calls + 2);
    expectOrdered(el);
  });
});
