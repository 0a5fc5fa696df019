import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { DataFeed } from '../src/data-feed.js';
import { T0, deferred, mount, part, record, setVisibility, useFakeClock, stepChunk, stepSource } from './helpers.js';
import { plotCanvas } from './harness.js';

describe('<data-feed>: timing', () => {
  const clock = useFakeClock();

  it('start() updates at once, before control returns to the event loop, then every interval', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    expect(source.callCount).to.equal(1);
    clock.tick(5000);
    el.start();
    expect(source.callCount).to.equal(2);
    expect(source.secondCall.args).to.deep.equal([T0 - 500, T0 + 5000]);
    clock.tick(999);
    expect(source.callCount).to.equal(2);
    clock.tick(1);
    expect(source.callCount).to.equal(3);
    clock.tick(10_000);
    expect(source.callCount).to.equal(13);
  });

  it('elements started in the same task with the same interval update in the same task, on one timer', async () => {
    const els = await Promise.all(Array.from({ length: 50 }, () => mount(html`<data-feed interval="0.5" .source=${stepSource()}></data-feed>`)));
    const other = await mount(html`<data-feed interval="0.7" .source=${stepSource()}></data-feed>`);
    // Each task gets its own number: a task ends at its microtask checkpoint.
    let task = 0;
    let open = false;
    const taskOf = () => {
      if (!open) {
        open = true;
        task++;
        queueMicrotask(() => (open = false));
      }
      return task;
    };
    const tasks: number[][] = [];
    els.forEach((el, i) => el.addEventListener('data-feed-update', () => (tasks[i] ??= []).push(taskOf())));
    const timersBefore = clock.countTimers();
    for (const el of els) el.start();
    other.start();
    expect(clock.countTimers() - timersBefore, 'one timer for the fifty, one for the other interval').to.equal(2);
    tasks.length = 0;
    await clock.tickAsync(2000); // runs microtasks between timers: each timer is a task of its own
    expect(tasks.map((list) => list.length)).to.deep.equal(Array(50).fill(4));
    for (const list of tasks) expect(list, 'the same tasks as the first element').to.deep.equal(tasks[0]);
  });

  it('elements started in one task but apart by a microtask and a busy moment (a render, a second listener) keep one schedule', async () => {
    const sources = [stepSource(), stepSource()];
    const [a, b] = await Promise.all(sources.map((source) => mount(html`<data-feed interval="0.5" .source=${source}></data-feed>`)));
    const timersBefore = clock.countTimers();
    a.start();
    await Promise.resolve();
    clock.tick(3); // the task goes on: the first start drew
    b.start();
    expect(clock.countTimers() - timersBefore, 'one timer for both').to.equal(1);
    await clock.tickAsync(1000);
    const nows = sources.map((source) => source.getCalls().slice(-2).map((call) => call.args[1]));
    expect(nows[1], 'the same ticks as the first element').to.deep.equal(nows[0]);
  });

  it('the first load runs when the script inserting the element is done (a microtask), not during the insertion', async () => {
    const source = stepSource();
    const el = document.createElement('data-feed');
    el.source = source;
    const updates: number[] = [];
    el.addEventListener('data-feed-update', () => updates.push(source.callCount));
    document.body.append(el);
    expect(source.callCount, 'a framework inserting it hears no event yet').to.equal(0);
    await Promise.resolve();
    expect(source.callCount).to.equal(1);
    expect(updates).to.deep.equal([1]);
    el.remove();
  });

  it('start() right after the insertion takes the first load\'s place: one update, at once', async () => {
    const source = stepSource();
    const el = document.createElement('data-feed');
    el.source = source;
    document.body.append(el);
    el.start();
    expect(source.callCount).to.equal(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(source.callCount).to.equal(1);
    el.remove();
  });

  it('the start button and the streaming attribute start it the same way', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    part<HTMLButtonElement>(el, 'start-button').click();
    expect(source.callCount).to.equal(2);
    await el.updateComplete; // the stop button is enabled on the next render
    part<HTMLButtonElement>(el, 'stop-button').click();
    await el.updateComplete;
    el.setAttribute('streaming', '');
    expect(source.callCount).to.equal(3);
    clock.tick(1000);
    expect(source.callCount).to.equal(4);
  });

  it('<data-feed streaming> backfills once at connect, then streams on schedule, firing no start event', async () => {
    const source = stepSource();
    const seen: string[] = [];
    const listener = (e: Event) => seen.push(e.type);
    document.addEventListener('data-feed-start', listener);
    try {
      const el = await mount(html`<data-feed streaming interval="2" .source=${source}></data-feed>`);
      expect(source.callCount).to.equal(1);
      expect(source.firstCall.args).to.deep.equal([T0 - 60_000, T0]);
      clock.tick(2000);
      expect(source.callCount).to.equal(2);
      expect(el.streaming).to.equal(true);
      expect(seen).to.deep.equal([]);
    } finally {
      document.removeEventListener('data-feed-start', listener);
    }
  });

  it('asks from the last kept point, never further back than backfill', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} backfill="30"></data-feed>`);
    expect(source.lastCall.args).to.deep.equal([T0 - 30_000, T0]);
    clock.tick(10_000);
    await el.refresh();
    expect(source.lastCall.args).to.deep.equal([T0 - 500, T0 + 10_000]);
    clock.tick(3_600_000);
    await el.refresh();
    expect(source.lastCall.args).to.deep.equal([T0 + 3_610_000 - 30_000, T0 + 3_610_000]);
  });

  it('while streaming keeps only the newest capacity points', async () => {
    const el = await mount(html`<data-feed capacity="10" streaming></data-feed>`);
    clock.tick(30_000);
    const { time } = el.data;
    expect(time).to.have.length(10);
    expect(time[9]).to.equal(T0 + 29_500);
    expect(time[0]).to.equal(T0 + 25_000);
  });

  it('changing the interval while streaming updates at once and reschedules', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
    clock.tick(400);
    el.interval = 3;
    expect(source.callCount).to.equal(2);
    clock.tick(2999);
    expect(source.callCount).to.equal(2);
    clock.tick(1);
    expect(source.callCount).to.equal(3);
  });

  it('moving the slider while streaming changes the pace at once', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
    const slider = part<HTMLInputElement>(el, 'slider');
    slider.value = '0.5';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    expect(el.interval).to.equal(0.5);
    expect(source.callCount).to.equal(2);
    clock.tick(500);
    expect(source.callCount).to.equal(3);
  });

  it('moving the slider while stopped changes the interval only; it fetches nothing', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    const slider = part<HTMLInputElement>(el, 'slider');
    slider.value = '3.5';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    expect(el.interval).to.equal(3.5);
    clock.tick(60_000);
    expect(source.callCount).to.equal(1);
  });

  it('never overlaps calls to a slow source; what comes due meanwhile runs once, right after', async () => {
    const slow = deferred<ReturnType<typeof stepChunk>>();
    let calls = 0;
    const source = sinon.spy((since: number, now: number) => (++calls === 2 ? slow.promise : stepChunk(since, now)));
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    el.start();
    expect(source.callCount).to.equal(2);
    await clock.tickAsync(3000); // three ticks
    el.interval = 2; // an interval change
    void el.refresh(); // and a refresh
    expect(source.callCount).to.equal(2);
    slow.resolve(stepChunk(T0 - 500, T0));
    await clock.tickAsync(0);
    expect(source.callCount).to.equal(3);
    await clock.tickAsync(1999);
    expect(source.callCount).to.equal(3);
    await clock.tickAsync(1);
    expect(source.callCount).to.equal(4);
  });

  it('a call unsettled after 10 s fails (data-feed-error), the schedule goes on, its late points are dropped', async () => {
    const never = deferred<ReturnType<typeof stepChunk>>();
    let calls = 0;
    const source = sinon.spy((since: number, now: number) => (++calls === 2 ? never.promise : stepChunk(since, now)));
    const el = await mount(html`<data-feed .source=${source} interval="3"></data-feed>`);
    const events = record(el);
    el.start();
    await clock.tickAsync(9_999);
    expect(events.of('data-feed-error')).to.have.length(0);
    await clock.tickAsync(1);
    const [error] = events.of('data-feed-error');
    expect((error.detail.error as Error).name).to.equal('TimeoutError');
    await el.updateComplete;
    expect((error.detail.error as Error).message).to.match(/10 s/);
    expect(source.callCount).to.equal(3); // the ticks due at 3, 6 and 9 s ran right after, as one
    expect(part(el, 'status').textContent, 'not cleared by the update that ran in the same moment').to.match(/did not answer within 10 s/);
    const kept = el.data.time.length;
    never.resolve(stepChunk(T0 - 500, T0 + 100_000, 100));
    await clock.tickAsync(0);
    expect(el.data.time.length).to.equal(kept);
    await clock.tickAsync(2000); // the tick at 12 s
    expect(source.callCount).to.equal(4);
    await el.updateComplete;
    expect(part(el, 'status').textContent, 'cleared by a later good update').to.equal('');
  });

  it('says so while an update waits for an unanswered call, until it settles', async () => {
    const slow = deferred<ReturnType<typeof stepChunk>>();
    let calls = 0;
    const source = sinon.spy((since: number, now: number) => (++calls === 2 ? slow.promise : stepChunk(since, now)));
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    el.start();
    await el.updateComplete;
    expect(part(el, 'status').textContent).to.equal('');
    await clock.tickAsync(1000); // the next tick comes due: the call is still unanswered
    await el.updateComplete;
    expect(part(el, 'status').textContent).to.match(/^Waiting for the source/);
    slow.resolve(stepChunk(T0, T0 + 1000));
    await clock.tickAsync(1);
    await el.updateComplete;
    expect(part(el, 'status').textContent).to.equal('');
  });

  it('stop(): no update starts after it; a call in flight still delivers its points', async () => {
    const slow = deferred<ReturnType<typeof stepChunk>>();
    let calls = 0;
    const source = sinon.spy((since: number, now: number) => (++calls === 2 ? slow.promise : stepChunk(since, now)));
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    el.start();
    el.stop();
    slow.resolve({ time: [T0 + 1], values: [[7], [8]] });
    await clock.tickAsync(0);
    expect(el.data.time.at(-1)).to.equal(T0 + 1);
    await clock.tickAsync(60_000);
    expect(source.callCount).to.equal(2);
  });

  it('nothing runs while disconnected; on reconnect one catch-up at once, the next an interval later', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} backfill="20" streaming></data-feed>`);
    const parent = el.parentElement!;
    el.remove();
    clock.tick(120_000);
    expect(source.callCount).to.equal(1);
    parent.append(el);
    expect(source.callCount).to.equal(2);
    expect(source.lastCall.args).to.deep.equal([T0 + 100_000, T0 + 120_000]);
    clock.tick(999);
    expect(source.callCount).to.equal(2);
    clock.tick(1);
    expect(source.callCount).to.equal(3);
  });

  it('moved by one insertion (never out of the document), a streaming element keeps its schedule, as a playing video does', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source} streaming></data-feed>`);
    const before = el.data;
    clock.tick(400);
    const other = document.createElement('section');
    document.body.append(other);
    try {
      other.append(el);
      expect(source.callCount, 'no catch-up: nothing was missed').to.equal(1);
      expect(el.data).to.deep.equal(before);
      clock.tick(599);
      expect(source.callCount).to.equal(1);
      clock.tick(1);
      expect(source.callCount, 'the next update on its phase').to.equal(2);
    } finally {
      other.remove();
    }
  });

  it('a stopped element does nothing on reconnect; its data survives moving it in the DOM', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    const before = el.data;
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    clock.tick(10_000);
    expect(source.callCount).to.equal(1);
    expect(el.data).to.deep.equal(before);
    await el.updateComplete;
    expect(plotCanvas(el)).to.exist;
    other.remove();
  });

  it('nothing runs while the document is hidden; when visible again one catch-up at once', async () => {
    const source = stepSource();
    await mount(html`<data-feed .source=${source} streaming></data-feed>`);
    setVisibility('hidden');
    clock.tick(30_000);
    expect(source.callCount).to.equal(1);
    setVisibility('visible');
    expect(source.callCount).to.equal(2);
    expect(source.lastCall.args).to.deep.equal([T0 - 500, T0 + 30_000]);
    clock.tick(1000);
    expect(source.callCount).to.equal(3);
  });

  it('refresh() runs one update even while detached or hidden', async () => {
    const source = stepSource();
    const el = await mount(html`<data-feed .source=${source}></data-feed>`);
    el.remove();
    clock.tick(2000);
    await el.refresh();
    expect(source.callCount).to.equal(2);
    document.body.append(el);
    setVisibility('hidden');
    clock.tick(2000);
    await el.refresh();
    expect(source.callCount).to.equal(3);
    expect(el.data.time.at(-1)).to.equal(T0 + 3500);
    el.remove();
  });

  it('a first connect while hidden waits to load until the page is visible', async () => {
    setVisibility('hidden');
    const source = stepSource();
    const el = document.createElement('data-feed') as DataFeed;
    el.source = source;
    document.body.append(el);
    expect(source.callCount).to.equal(0);
    setVisibility('visible');
    expect(source.callCount).to.equal(1);
    el.remove();
  });

  it('with the built-in generator, a tick that cannot bring a point does not run: the same points, one timer per point', async () => {
    const el = await mount(html`<data-feed min-interval="0.001" interval="0.001" sample-period="0.5"></data-feed>`);
    let timers = 0;
    const setTimeout = window.setTimeout;
    window.setTimeout = ((callback: () => void, ms?: number) => setTimeout(() => (timers++, callback()), ms)) as typeof window.setTimeout;
    try {
      const events = record(el, ['data-feed-update']);
      el.start();
      await clock.tickAsync(5_000);
      const { time } = el.data;
      expect(time.slice(-10).map((t) => t - T0), 'a point every 0.5 s up to now').to.deep.equal([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000].map((t) => t - 500));
      expect(events.of('data-feed-update').map((e) => e.detail.added), 'one event per point').to.deep.equal([...Array(10).fill(1)]);
      expect(timers, 'a timer per point, not one per millisecond').to.be.within(10, 11);

      // What moves the next point earlier brings the ticks back at once, on the 1 ms phase.
      await clock.tickAsync(100); // the point at 5 s came at 5.001 s; the next is due after 5.5 s
      el.samplePeriod = 0.1;
      await clock.tickAsync(1);
      expect(el.data.time.slice(-2).map((t) => t - T0)).to.deep.equal([5_000, 5_100]);
      el.clear();
      await clock.tickAsync(1);
      expect(el.data.time.length, 'the next tick backfills').to.equal(100);
    } finally {
      window.setTimeout = setTimeout;
    }
  });
});
