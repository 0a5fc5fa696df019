import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { Ticker } from '../../src/core/ticker.js';
import { T0 } from '../helpers.js';


describe('Ticker', () => {
  let clock: sinon.SinonFakeTimers;
  let ticker: Ticker;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    ticker = new Ticker(clock, () => clock.now);
  });
  afterEach(() => clock.restore());

  it('members that join in one task with one interval share a timer and tick together, with their due time', () => {
    const seen: string[] = [];
    ticker.join(500, (due) => seen.push(`a@${due - T0}`));
    clock.tick(3); // still the same task: the group's start holds
    ticker.join(500, (due) => seen.push(`b@${due - T0}`));
    ticker.join(700, (due) => seen.push(`c@${due - T0}`));
    expect(clock.countTimers()).to.equal(2);
    clock.tick(997);
    expect(seen, 'c joined later, with another interval: a group of its own').to.deep.equal(['a@500', 'b@500', 'c@703', 'a@1000', 'b@1000']);
  });

  it('members that join after a microtask of the same task (a framework rendering, a second listener of one event) still share a timer', async () => {
    const seen: string[] = [];
    ticker.join(500, (due) => seen.push(`a@${due - T0}`));
    await Promise.resolve();
    clock.tick(3); // a start draws at once: time moves within the task
    ticker.join(500, (due) => seen.push(`b@${due - T0}`));
    expect(clock.countTimers()).to.equal(1);
    clock.tick(497);
    expect(seen, 'b on the phase of a').to.deep.equal(['a@500', 'b@500']);
  });

  it('a clock set back before the task is over starts a group of its own, from then', () => {
    let now = T0 + 120_000;
    ticker = new Ticker(clock, () => now);
    ticker.join(1000, () => {});
    now = T0; // set back (as each test's fake clock is), with the first join's task not yet over
    ticker.join(1000, () => {});
    expect(clock.countTimers(), 'a timer each: b is not on a phase yet to come').to.equal(2);
  });

  it('a later task starts a group of its own, at its own phase', () => {
    // The end of the task told by hand: how soon an engine delivers the ticker's message varies.
    let endTask = () => {};
    ticker = new Ticker(clock, () => clock.now, (callback) => (endTask = callback));
    const seen: string[] = [];
    ticker.join(500, (due) => seen.push(`a@${due - T0}`));
    endTask();
    clock.tick(200);
    ticker.join(500, (due) => seen.push(`b@${due - T0}`));
    clock.tick(600);
    expect(seen).to.deep.equal(['a@500', 'b@700']);
  });

  it('leaving stops the ticks; the last to leave clears the timer', () => {
    let ticks = 0;
    const leaveA = ticker.join(500, () => ticks++);
    const leaveB = ticker.join(500, () => ticks++);
    leaveA();
    clock.tick(500);
    expect(ticks).to.equal(1);
    leaveB();
    expect(clock.countTimers()).to.equal(0);
  });

  it('a member that leaves in its tick is not called again, and the others still are', () => {
    const seen: string[] = [];
    const leave = ticker.join(500, () => {
      seen.push('a');
      leave();
    });
    ticker.join(500, () => seen.push('b'));
    clock.tick(1000);
    expect(seen).to.deep.equal(['a', 'b', 'b']);
  });

  it('keeps its phase under a late timer: one tick for the latest due time, no burst', () => {
    const dues: number[] = [];
    ticker.join(500, (due) => dues.push(due - T0));
    clock.setSystemTime(T0 + 1220); // the page was busy: its timer runs 1220 ms late
    clock.tick(500);
    expect(dues).to.deep.equal([1500]);
    clock.tick(280);
    expect(dues).to.deep.equal([1500, 2000]);
  });

  describe('quiet members', () => {
    it('a tick every member is quiet for is not run: the timer waits for the first tick after the earliest quiet time, on the phase', () => {
      const dues: number[] = [];
      let quiet = T0 + 1_720;
      const fired = countFired();
      ticker.join(100, (due) => dues.push(due - T0), () => quiet);
      clock.tick(1_000);
      expect(dues).to.deep.equal([]);
      expect(fired()).to.equal(0);
      clock.tick(800);
      expect(dues, 'the next tick on the phase after the quiet time').to.deep.equal([1_800]);
      expect(fired(), 'one timer ran, not eighteen').to.equal(1);
      quiet = -Infinity;
      clock.tick(300);
      expect(dues).to.deep.equal([1_800, 1_900, 2_000, 2_100]);
    });

    it('a member still quiet when the group ticks for another is not called', () => {
      const seen: string[] = [];
      ticker.join(100, (due) => seen.push(`quiet@${due - T0}`), () => T0 + 250);
      ticker.join(100, (due) => seen.push(`busy@${due - T0}`));
      clock.tick(300);
      expect(seen).to.deep.equal(['busy@100', 'busy@200', 'quiet@300', 'busy@300']);
    });

    it('wake() sets the timer again for the next tick on the phase when the quiet time moves earlier', () => {
      const dues: number[] = [];
      let quiet = T0 + 10_000;
      const member = (due: number) => dues.push(due - T0);
      ticker.join(100, member, () => quiet);
      clock.tick(450);
      expect(dues).to.deep.equal([]);
      quiet = -Infinity;
      ticker.wake(member);
      clock.tick(49);
      expect(dues, 'not before the phase').to.deep.equal([]);
      clock.tick(1);
      expect(dues).to.deep.equal([500]);
    });

    it('wake() leaves alone a timer already set for the next tick', () => {
      const member = () => {};
      ticker.join(100, member, () => -Infinity);
      const set = sinon.spy(clock, 'setTimeout');
      ticker.wake(member);
      expect(set.callCount).to.equal(0);
      set.restore();
    });

    it('a member that throws in its tick leaves the group ticking', () => {
      let calls = 0;
      ticker.join(100, () => {
        calls++;
        throw new Error('boom');
      }, () => -Infinity);
      expect(() => clock.tick(100)).to.throw('boom');
      expect(() => clock.tick(100)).to.throw('boom');
      expect(calls).to.equal(2);
    });
  });

  /** Counts the timers the fake clock runs from now on. */
  function countFired(): () => number {
    let fired = 0;
    const original = clock.setTimeout;
    (clock as { setTimeout: unknown }).setTimeout = (callback: () => void, ms: number) => original(() => (fired++, callback()), ms);
    return () => fired;
  }
});
