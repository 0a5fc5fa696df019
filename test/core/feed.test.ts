import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { FeedSource } from '../../src/core/chunk.js';
import { Feed, type FeedOptions } from '../../src/core/feed.js';
import { T0, behindFor, deferred, stepChunk, stepSource, useFakeClock } from '../helpers.js';

describe('Feed', () => {
  const clock = useFakeClock();
  let log: string[];

  /** A feed on the fake clock that logs what it tells its host. */
  function make(overrides: Partial<FeedOptions> = {}): Feed {
    return new Feed({
      seriesCount: 2,
      capacity: 100,
      interval: 1,
      backfill: 60,
      samplePeriod: 0.5,
      now: () => clock.now,
      kept: (added, dropped) => log.push(`kept ${added} ${dropped}`),
      delivered: () => log.push('delivered'),
      fail: (error) => log.push(`failed ${(error as Error).name}`),
      load: () => log.push('load'),
      ...overrides,
    });
  }

  beforeEach(() => (log = []));

  it('asks for the last backfill seconds first, then for what came after the last kept point', async () => {
    const feed = make();
    const source = stepSource();
    feed.setSource(source);
    await feed.scheduler.refresh();
    expect(source.firstCall.args).to.deep.equal([T0 - 60_000, T0]);
    expect(feed.buffer.size).to.equal(100);
    clock.tick(2000);
    await feed.scheduler.refresh();
    expect(source.secondCall.args).to.deep.equal([T0 - 500, T0 + 2000]);
  });

  it('never reaches back further than backfill, even from an old last point', async () => {
    const feed = make({ backfill: 10 });
    const source = stepSource();
    feed.setSource(source);
    await feed.scheduler.refresh();
    clock.tick(3_600_000);
    await feed.scheduler.refresh();
    expect(source.secondCall.args).to.deep.equal([T0 + 3_600_000 - 10_000, T0 + 3_600_000]);
  });

  it('generates data itself with no source, on the sample-period grid, at most capacity points', async () => {
    const feed = make({ backfill: 5, samplePeriod: 0.25, capacity: 8 });
    await feed.scheduler.refresh();
    const { time, values } = feed.buffer.snapshot();
    expect(time).to.deep.equal(Array.from({ length: 8 }, (_, i) => T0 - 2000 + 250 * i));
    expect(values).to.have.length(2);
  });

  it('tells the host an update delivered, then what it kept', async () => {
    const feed = make({ capacity: 4 });
    feed.setSource(stepSource());
    log = [];
    await feed.scheduler.refresh();
    expect(log).to.deep.equal(['delivered', 'kept 119 115']);
  });

  it('reports a malformed answer, a throw and a rejection as failures, keeping nothing', async () => {
    const feed = make();
    const answers: (() => ReturnType<FeedSource>)[] = [
      () => ({ time: [1], values: [[1]] }) as never,
      () => {
        throw new RangeError('no');
      },
      () => Promise.reject(new SyntaxError('no')),
    ];
    feed.setSource(() => answers.shift()!());
    log = [];
    for (let i = 0; i < 3; i++) await feed.scheduler.refresh().catch(() => {});
    expect(log).to.deep.equal(['failed TypeError', 'failed RangeError', 'failed SyntaxError']);
    expect(feed.buffer.size).to.equal(0);
  });

  it('updates at once on start when active, then every interval; setInterval reschedules (the scheduler it drives)', () => {
    const feed = make();
    const source = stepSource();
    feed.setSource(source);
    feed.scheduler.start();
    expect(source.callCount, 'inactive').to.equal(0);
    feed.setActive(true);
    expect(source.callCount).to.equal(1);
    clock.tick(1000);
    expect(source.callCount).to.equal(2);
    feed.scheduler.setInterval(2000);
    expect(source.callCount, 'at once').to.equal(3);
    clock.tick(1999);
    expect(source.callCount).to.equal(3);
    clock.tick(1);
    expect(source.callCount).to.equal(4);
    feed.scheduler.stop();
    clock.tick(10_000);
    expect(source.callCount).to.equal(4);
  });

  it('with the interval equal to the sample period, every tick brings one generated point, however late its timer runs', () => {
    // The grid of generated points and the ticks start at the same time, so a tick's timer that
    // runs a millisecond late would otherwise take the next point early and leave the tick after it empty.
    const late = [0, 1, 0, 1, 1, 0, 2, 0, 0, 3, 1, 0];
    const behind = behindFor(late);
    let tick = 0;
    const feed = make({ interval: 0.5, samplePeriod: 0.5, now: () => clock.now + behind[tick] });
    feed.setActive(true);
    feed.scheduler.start();
    log = [];
    for (tick = 1; tick < late.length; tick++) clock.next();
    expect(log.filter((line) => line.startsWith('kept'))).to.deep.equal(late.slice(1).map(() => 'kept 1 1'));
    const { time } = feed.buffer.snapshot();
    expect(time.slice(1).map((t, i) => t - time[i])).to.deep.equal(new Array(99).fill(500));
  });

  it('a tick whose timer runs after a refresh() asked past its due time asks up to the clock, never back before that refresh', async () => {
    let behind = 0; // how far the clock reads ahead of the fake timers: a timer running that late
    const feed = make({ now: () => clock.now + behind });
    const source = stepSource();
    feed.setSource(source);
    feed.setActive(true);
    feed.scheduler.start();
    behind = 5;
    clock.tick(999); // the tick due at T0 + 1000 has not run yet; the clock reads T0 + 1004
    await feed.scheduler.refresh();
    expect(source.lastCall.args[1]).to.equal(T0 + 1004);
    clock.tick(1);
    expect(source.callCount).to.equal(3);
    expect(source.lastCall.args[1], 'not its due time, T0 + 1000').to.equal(T0 + 1005);
  });

  it('owes a load until one update ran, and asks for it only when active', async () => {
    const feed = make();
    feed.setActive(false);
    expect(log).to.deep.equal([]);
    feed.setActive(true);
    expect(log).to.deep.equal(['load']);
    await feed.scheduler.refresh();
    log = [];
    feed.setActive(false);
    feed.setActive(true);
    expect(log).to.deep.equal([]);
  });

  it('a new source forgets the points and owes a load, run once after several changes', async () => {
    const feed: Feed = make({
      load: () => {
        log.push('load');
        void feed.scheduler.refresh();
      },
    });
    feed.setActive(true);
    await feed.scheduler.refresh();
    log = [];
    const source = stepSource();
    feed.setSource(stepSource());
    feed.setSource(source);
    expect(log).to.deep.equal(['kept 0 100']);
    await Promise.resolve();
    expect(log).to.deep.equal(['kept 0 100', 'load', 'delivered', 'kept 119 19']);
    expect(source.callCount).to.equal(1);
  });

  it('setting the same source or number of series changes nothing', async () => {
    const feed = make();
    const source = stepSource();
    feed.setSource(source);
    await feed.scheduler.refresh();
    const buffer = feed.buffer;
    log = [];
    feed.setSource(source);
    feed.setSeriesCount(2);
    expect(log).to.deep.equal([]);
    expect(feed.buffer).to.equal(buffer);
  });

  it('another number of series takes a new buffer of the same capacity', async () => {
    const feed = make({ capacity: 7 });
    await feed.scheduler.refresh();
    log = [];
    feed.setSeriesCount(3);
    expect(log).to.deep.equal(['kept 0 7']);
    expect([feed.buffer.seriesCount, feed.buffer.capacity, feed.buffer.size]).to.deep.equal([3, 7, 0]);
    await feed.scheduler.refresh();
    expect(feed.buffer.snapshot().values).to.have.length(3);
  });

  it('drops an answer asked for before the points were forgotten', async () => {
    const feed = make();
    const answer = deferred<ReturnType<typeof stepChunk>>();
    feed.setSource(() => answer.promise);
    const settled = feed.scheduler.refresh();
    feed.clear();
    answer.resolve(stepChunk(T0 - 60_000, T0));
    await settled;
    expect(feed.buffer.size).to.equal(0);
    expect(log).to.not.include('delivered');
  });

  it('clear() forgets the points without owing a load; the next update backfills', async () => {
    const feed = make();
    feed.setActive(true);
    const source = stepSource();
    feed.setSource(source);
    await feed.scheduler.refresh();
    log = [];
    feed.clear();
    await Promise.resolve();
    expect(log).to.deep.equal(['kept 0 100']);
    clock.tick(5000);
    await feed.scheduler.refresh();
    expect(source.lastCall.args).to.deep.equal([T0 + 5000 - 60_000, T0 + 5000]);
  });

  it('append() keeps a good chunk and throws a TypeError for a malformed one', () => {
    const feed = make();
    feed.append(stepChunk(T0, T0 + 2000));
    expect(log).to.deep.equal(['kept 3 0']);
    expect(() => feed.append({ time: [T0 + 5000], values: [[1]] })).to.throw(TypeError);
    expect(feed.buffer.size).to.equal(3);
  });

  it('a lower capacity trims the oldest points at once and says so; a higher one says nothing', () => {
    const feed = make();
    feed.append(stepChunk(T0, T0 + 5000));
    log = [];
    feed.setCapacity(200);
    feed.setCapacity(4);
    expect(log).to.deep.equal(['kept 0 5']);
    expect(feed.buffer.snapshot().time).to.deep.equal([T0 + 3000, T0 + 3500, T0 + 4000, T0 + 4500]);
  });

  it('reads the time it is given, not the clock', async () => {
    const now = sinon.stub().returns(1_000_000);
    const feed = make({ now, backfill: 1 });
    const source = stepSource();
    feed.setSource(source);
    await feed.scheduler.refresh();
    expect(source.firstCall.args).to.deep.equal([999_000, 1_000_000]);
  });
});
