import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { Scheduler, TimeoutError } from '../../src/core/scheduler.js';
import { behindFor } from '../helpers.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('Scheduler', () => {
  let clock: sinon.SinonFakeTimers;
  let calls: number;
  let answers: (unknown | (() => unknown))[];
  let delivered: unknown[];
  let failures: unknown[];

  /** A scheduler whose n-th call answers answers[n] (a function is called), else the call number. */
  function make(intervalMs = 1000, overrides: Partial<ConstructorParameters<typeof Scheduler<unknown>>[0]> = {}) {
    return new Scheduler<unknown>({
      intervalMs,
      timers: clock,
      call: () => {
        const answer = answers[calls];
        calls++;
        return typeof answer === 'function' ? (answer as () => unknown)() : (answer ?? calls);
      },
      deliver: (value) => delivered.push(value),
      fail: (error) => failures.push(error),
      ...overrides,
    });
  }

  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    calls = 0;
    answers = [];
    delivered = [];
    failures = [];
  });
  afterEach(() => clock.restore());

  it('runs one update at once on start (synchronously), then one every interval', () => {
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.start();
    expect(calls).to.equal(1);
    expect(delivered).to.deep.equal([1]);
    clock.tick(999);
    expect(calls).to.equal(1);
    clock.tick(1);
    expect(calls).to.equal(2);
    clock.tick(3000);
    expect(calls).to.equal(5);
    expect(scheduler.running).to.equal(true);
  });

  it('does nothing while inactive; activation catches up at once and resumes the schedule', () => {
    const scheduler = make(1000);
    scheduler.start();
    clock.tick(5000);
    expect(calls).to.equal(0);
    scheduler.setActive(true);
    expect(calls).to.equal(1);
    clock.tick(1000);
    expect(calls).to.equal(2);
    scheduler.setActive(false);
    clock.tick(60_000);
    expect(calls).to.equal(2);
    scheduler.setActive(true);
    expect(calls).to.equal(3);
    clock.tick(999);
    expect(calls).to.equal(3);
    clock.tick(1);
    expect(calls).to.equal(4);
  });

  it('a stopped scheduler does nothing on activation', () => {
    const scheduler = make();
    scheduler.setActive(true);
    scheduler.setActive(false);
    scheduler.setActive(true);
    clock.tick(10_000);
    expect(calls).to.equal(0);
  });

  it('stop: no update starts after it', () => {
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.start();
    scheduler.stop();
    clock.tick(10_000);
    expect(calls).to.equal(1);
    expect(scheduler.running).to.equal(false);
  });

  it('stop: a call already in flight still delivers', async () => {
    const slow = deferred<string>();
    answers = [() => slow.promise];
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.start();
    scheduler.stop();
    slow.resolve('late but kept');
    await clock.tickAsync(0);
    expect(delivered).to.deep.equal(['late but kept']);
    await clock.tickAsync(5000);
    expect(calls).to.equal(1);
  });

  describe('keeps its phase', () => {
    /** A scheduler whose clock reads `lag()` ms after the fake clock: its timers seem to run that late. */
    function lagging(intervalMs: number, lag: () => number) {
      const at: (number | undefined)[] = [];
      const ranAt: number[] = [];
      const scheduler = make(intervalMs, {
        now: () => Date.now() + lag(),
        call: (due?: number) => {
          calls++;
          at.push(due);
          ranAt.push(Date.now());
          return calls;
        },
      });
      return { scheduler, at, ranAt };
    }

    it('a tick whose timer runs late leaves the next ones on the grid, and each asks for the time it was due', () => {
      const late = [0, 3, 9, 1, 0, 7]; // how late the timer of each tick runs (none for the start)
      const behind = behindFor(late);
      let tick = 0;
      const { scheduler, at, ranAt } = lagging(500, () => behind[tick]);
      const start = Date.now();
      scheduler.setActive(true);
      scheduler.start();
      for (tick = 1; tick < late.length; tick++) clock.next(); // run the one timer waiting
      expect(calls).to.equal(late.length);
      const due = late.map((_, k) => start + 500 * k);
      expect(ranAt.map((t, k) => t + behind[k]), 'each ran late as planned').to.deep.equal(due.map((t, k) => t + late[k]));
      expect(at, 'start is not a tick; ticks ask for their due times').to.deep.equal([undefined, ...due.slice(1)]);
    });

    it('without any lag, ticks run exactly one interval apart (as the fake-clock contract tests expect)', () => {
      const { scheduler, at, ranAt } = lagging(750, () => 0);
      scheduler.setActive(true);
      scheduler.start();
      clock.tick(3000);
      expect(ranAt.map((t) => t - ranAt[0])).to.deep.equal([0, 750, 1500, 2250, 3000]);
      expect(at.slice(1)).to.deep.equal(ranAt.slice(1));
    });

    it('a tick late by whole intervals runs once, for the latest due time passed, and the grid goes on', () => {
      let lag = 0;
      const { scheduler, at } = lagging(1000, () => lag);
      const start = Date.now();
      scheduler.setActive(true);
      scheduler.start();
      lag = 3400; // the page was busy: the first tick's timer runs 3.4 s late
      clock.tick(1000);
      expect(calls, 'one catch-up, no burst').to.equal(2);
      expect(at[1]).to.equal(start + 4000);
      // The next tick is due at start + 5000: 600 ms later on the lagging clock.
      clock.tick(599);
      expect(calls).to.equal(2);
      clock.tick(1);
      expect(calls).to.equal(3);
      expect(at[2]).to.equal(start + 5000);
    });

    it('a clock set back starts the grid again from the tick that noticed it', () => {
      let lag = 0;
      const { scheduler, at } = lagging(1000, () => lag);
      const start = Date.now();
      scheduler.setActive(true);
      scheduler.start();
      lag = -60_000;
      clock.tick(1000);
      expect(at[1], 'asks up to the clock, not a due time ahead of it').to.equal(start + 1000 - 60_000);
      clock.tick(1000);
      expect(calls).to.equal(3);
      expect(at[2]).to.equal(start + 2000 - 60_000);
    });

    it('an update that waited for a slow call runs on the clock, not at a due time', async () => {
      const slow = deferred<string>();
      const at: (number | undefined)[] = [];
      const scheduler = make(1000, {
        call: (due?: number) => {
          at.push(due);
          return at.length === 1 ? slow.promise : 'quick';
        },
      });
      scheduler.setActive(true);
      scheduler.start();
      clock.tick(1500); // the tick at 1000 waits for the first call
      slow.resolve('slow');
      await clock.tickAsync(0);
      expect(at).to.deep.equal([undefined, undefined]);
      await clock.tickAsync(500);
      expect(at).to.have.length(3);
      expect(at[2], 'the grid is kept').to.equal(Date.now());
    });
  });

  it('changing the interval while running updates at once and reschedules from then', () => {
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.start();
    clock.tick(600);
    scheduler.setInterval(3000);
    expect(calls).to.equal(2);
    clock.tick(2999);
    expect(calls).to.equal(2);
    clock.tick(1);
    expect(calls).to.equal(3);
    expect(scheduler.intervalMs).to.equal(3000);
  });

  it('changing the interval while stopped fetches nothing', () => {
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.setInterval(2000);
    scheduler.setInterval(2000);
    clock.tick(10_000);
    expect(calls).to.equal(0);
  });

  it('never overlaps calls: what comes due meanwhile runs right after, collapsed into one', async () => {
    const slow = deferred<string>();
    answers = [() => slow.promise];
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.start();
    await clock.tickAsync(3500); // three ticks come due while the first call is in flight
    scheduler.setInterval(500); // and an interval change
    expect(calls).to.equal(1);
    expect(scheduler.busy).to.equal(true);
    slow.resolve('first');
    await clock.tickAsync(0);
    expect(calls).to.equal(2);
    expect(delivered).to.deep.equal(['first', 2]);
  });

  it('a call unsettled after 10 s fails with a TimeoutError, the schedule goes on, a late answer is dropped', async () => {
    const never = deferred<string>();
    answers = [() => never.promise];
    const scheduler = make(3000);
    scheduler.setActive(true);
    scheduler.start();
    await clock.tickAsync(9999);
    expect(failures).to.have.length(0);
    expect(calls).to.equal(1);
    await clock.tickAsync(1);
    expect(failures).to.have.length(1);
    expect(failures[0]).to.be.instanceOf(TimeoutError);
    expect((failures[0] as Error).message).to.match(/within 10 s/);
    // The ticks that came due while waiting (3 s, 6 s, 9 s) run right after the timeout, as one.
    expect(calls).to.equal(2);
    never.resolve('too late');
    await clock.tickAsync(0);
    expect(delivered).to.not.include('too late');
    await clock.tickAsync(2000); // the schedule goes on: the tick at 12 s
    expect(calls).to.equal(3);
  });

  it('uses the given timeout', async () => {
    answers = [() => new Promise(() => {})];
    const scheduler = make(1000, { timeoutMs: 50 });
    scheduler.setActive(true);
    scheduler.start();
    await clock.tickAsync(50);
    expect(failures[0]).to.be.instanceOf(TimeoutError);
  });

  it('reports a throw, a rejection, a throwing deliver and a hostile thenable as failures and goes on', async () => {
    const boom = new Error('boom');
    const hostile = { get then() { throw new Error('hostile'); } };
    answers = [
      () => { throw boom; },
      () => Promise.reject('rejected'),
      'bad',
      () => hostile,
      'good',
    ];
    const scheduler = make(1000, {
      deliver: (value) => {
        if (value === 'bad') throw new TypeError('malformed');
        delivered.push(value);
      },
    });
    scheduler.setActive(true);
    scheduler.start();
    await clock.tickAsync(4000);
    expect(calls).to.equal(5);
    expect(failures[0]).to.equal(boom);
    expect(failures[1]).to.equal('rejected');
    expect(failures[2]).to.be.instanceOf(TypeError);
    expect((failures[3] as Error).message).to.equal('hostile');
    expect(delivered).to.deep.equal(['good']);
  });

  it('refresh() runs whatever the state and settles with its update', async () => {
    const scheduler = make();
    await scheduler.refresh();
    expect(delivered).to.deep.equal([1]);
    answers[1] = () => Promise.reject(new Error('nope'));
    let error: unknown;
    await scheduler.refresh().catch((e) => (error = e));
    expect((error as Error).message).to.equal('nope');
    expect(failures).to.have.length(1);
  });

  it('refresh() during a call joins the update that follows it', async () => {
    const slow = deferred<string>();
    answers = [() => slow.promise, 'after'];
    const scheduler = make();
    const first = scheduler.refresh();
    let secondDone = false;
    const second = scheduler.refresh().then(() => (secondDone = true));
    const third = scheduler.refresh();
    await clock.tickAsync(0);
    expect(calls).to.equal(1);
    slow.resolve('slow');
    await first;
    await second;
    await third;
    expect(secondDone).to.equal(true);
    expect(calls).to.equal(2);
    expect(delivered).to.deep.equal(['slow', 'after']);
  });

  it('stopping or deactivating drops a pending scheduled update but keeps a pending refresh()', async () => {
    const slow = deferred<string>();
    answers = [() => slow.promise];
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.start();
    await clock.tickAsync(1000); // a tick comes due meanwhile
    scheduler.stop();
    slow.resolve('x');
    await clock.tickAsync(0);
    expect(calls).to.equal(1);

    const slow2 = deferred<string>();
    answers[1] = () => slow2.promise;
    scheduler.start();
    const refreshed = scheduler.refresh();
    scheduler.setActive(false);
    slow2.resolve('y');
    await refreshed;
    expect(calls).to.equal(3);
  });

  it('an update that stops the scheduler from deliver cancels the next tick', () => {
    const scheduler: Scheduler<unknown> = make(1000, { deliver: () => scheduler.stop() });
    scheduler.setActive(true);
    scheduler.start();
    clock.tick(1000);
    scheduler.start();
    clock.tick(5000);
    expect(calls).to.equal(2);
  });

  it('a refresh() started from deliver does not overlap the update that follows', async () => {
    const slow = deferred<string>();
    let refreshed = false;
    answers = ['a', () => slow.promise, 'c'];
    const scheduler: Scheduler<unknown> = make(1000, {
      deliver: (value) => {
        delivered.push(value);
        if (!refreshed) {
          refreshed = true;
          void scheduler.refresh();
        }
      },
    });
    scheduler.setActive(true);
    scheduler.start();
    expect(calls).to.equal(2); // the refresh, in flight
    await clock.tickAsync(1000); // a tick comes due: it must wait
    expect(calls).to.equal(2);
    slow.resolve('b');
    await clock.tickAsync(0);
    expect(calls).to.equal(3);
    expect(delivered).to.deep.equal(['a', 'b', 'c']);
  });

  it('leaves no timer behind when stopped and inactive', async () => {
    const scheduler = make(1000);
    scheduler.setActive(true);
    scheduler.start();
    answers[1] = () => Promise.resolve('x');
    await clock.tickAsync(1000);
    scheduler.stop();
    scheduler.setActive(false);
    expect(clock.countTimers()).to.equal(0);
  });
});
