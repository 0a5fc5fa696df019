import { expect, fixtureCleanup, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { DataFeed } from '../../src/data-feed.js';
import { mount, part } from '../helpers.js';
import { strictPageReport } from '../strict-page.js';

// Against the reference feed server (server/), started by the test runner on 127.0.0.1 with
// faults on request (scripts/feed-server-plugin.mjs). Waits are for events, never for time.

let base = '';
before(async () => {
  base = (await executeServerCommand('feed-server')) as string;
});

async function control(action: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${base}/control/${action}?${query}`, { method: action === 'stats' ? 'GET' : 'POST' });
  return response.json();
}

/**
 * setTimeout and clearTimeout on a fake clock until `realTimeouts()`, which runs after each test too:
 * a clock left faked by a test that failed or timed out would stop the test runner's own timers, and
 * the whole run would stall with nothing reported.
 */
let faked: sinon.SinonFakeTimers | null = null;
function fakeTimeouts(): sinon.SinonFakeTimers {
  faked = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return faked;
}
function realTimeouts(): void {
  faked?.restore();
  faked = null;
}

const openStreams = async () => ((await control('stats')) as { open: { sse: number; websocket: number } }).open;

/** The next `name` event on `el` that passes `test`. */
function next<T = unknown>(el: Element, name: string, test: (detail: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<T>).detail;
      if (!test(detail)) return;
      el.removeEventListener(name, listener);
      resolve(detail);
    };
    el.addEventListener(name, listener);
  });
}

/** Waits, a frame at a time, until `done()` (for what the server learns asynchronously). */
async function until(done: () => Promise<boolean> | boolean, frames = 300): Promise<void> {
  for (let i = 0; i < frames; i++) {
    if (await done()) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('condition not met');
}

/**
 * The test series has a point at every multiple of 500 ms, series i worth k mod 1000 + 1000·i:
 * kept points must be consecutive (none lost, none doubled) and carry exactly those values.
 */
function expectUnbroken(el: DataFeed): void {
  const { time, values } = el.data;
  expect(time.length, 'points kept').to.be.greaterThan(1);
  for (let i = 0; i < time.length; i++) {
    const k = time[i] / 500;
    expect(Number.isInteger(k), `time ${time[i]} on the 500 ms grid`).to.equal(true);
    if (i > 0) expect(time[i] - time[i - 1], `no point lost or doubled at ${i}`).to.equal(500);
    expect([values[0][i], values[1][i]]).to.deep.equal([k % 1000, 1000 + (k % 1000)]);
  }
}

const feedRequests = (path: string) =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.includes(path));

describe('<data-feed src>: server feeds against a real server', () => {
  beforeEach(async () => {
    await control('clear');
    performance.clearResourceTimings();
  });
  afterEach(() => {
    realTimeouts();
    fixtureCleanup();
  });

  describe('poll', () => {
    it('first load: one GET asking since = now − backfill and now, the answer kept as it is', async () => {
      const before = Date.now();
      const el = document.createElement('data-feed');
      el.src = `${base}/test/series?step=500`;
      const loaded = next(el, 'data-feed-update');
      document.body.append(el);
      await loaded;
      const [request] = feedRequests('/test/series');
      const url = new URL(request.name);
      expect(url.searchParams.get('step'), 'the query it was given is kept').to.equal('500');
      const now = Number(url.searchParams.get('now'));
      expect(now).to.be.within(before, Date.now());
      expect(Number(url.searchParams.get('since'))).to.equal(now - 60_000);
      expect(el.data.time.length).to.equal(100); // the newest 100 of 120
      expectUnbroken(el);
      el.remove();
    });

    it('each update asks since the last kept point; no two requests overlap', async () => {
      const el = await mount(html`<data-feed src=${`${base}/test/series`}></data-feed>`);
      await next(el, 'data-feed-update');
      await control('fault', { kind: 'slow', transport: 'poll', delay: 600 });
      const first = el.refresh();
      const second = el.refresh(); // comes due while the first is unanswered: waits for it
      await Promise.all([first, second]);
      const requests = feedRequests('/test/series');
      expect(requests).to.have.length(3);
      for (let i = 1; i < requests.length; i++) {
        expect(requests[i].startTime, 'starts after the one before has answered').to.be.at.least(requests[i - 1].responseEnd);
      }
      const since = Number(new URL(requests[2].name).searchParams.get('since'));
      expect(el.data.time).to.include(since);
      expectUnbroken(el);
    });

    it('a 500 is an error in the status part; nothing is appended; the next update goes on', async () => {
      const el = await mount(html`<data-feed src=${`${base}/test/series`}></data-feed>`);
      await next(el, 'data-feed-update');
      const kept = el.data;
      await control('fault', { kind: 'error', transport: 'poll', status: 500 });
      const failed = next<{ error: Error }>(el, 'data-feed-error');
      await el.refresh().catch(() => {});
      expect((await failed).error.message).to.match(/500/);
      await el.updateComplete;
      expect(part(el, 'status').textContent).to.match(/^Update failed: .*500/);
      expect(el.data).to.deep.equal(kept);
      await until(() => Date.now() > kept.time.at(-1)! + 500);
      await el.refresh();
      await el.updateComplete;
      expect(part(el, 'status').textContent).to.equal('');
      expectUnbroken(el);
    });

    it('a malformed body is a TypeError; a dropped connection an error; neither appends anything', async () => {
      const el = await mount(html`<data-feed src=${`${base}/test/series`}></data-feed>`);
      await next(el, 'data-feed-update');
      const kept = el.data;
      await control('fault', { kind: 'malformed', transport: 'poll' });
      const malformed = next<{ error: Error }>(el, 'data-feed-error');
      await el.refresh().catch(() => {});
      expect((await malformed).error).to.be.instanceOf(TypeError);
      // A browser may retry a GET whose reused connection was cut: every try is cut.
      await control('fault', { kind: 'drop', transport: 'poll', count: 10 });
      const dropped = await el.refresh().then(() => null, (error: unknown) => error);
      expect(dropped).to.be.instanceOf(Error);
      expect(el.data).to.deep.equal(kept);
    });

    it('a request unanswered after 10 s (on a fake clock) is aborted and fails; the feed goes on', async () => {
      const el = await mount(html`<data-feed src=${`${base}/test/series`}></data-feed>`);
      await next(el, 'data-feed-update');
      const kept = el.data;
      await control('fault', { kind: 'hang', transport: 'poll' });
      const stats = async () => (await control('stats')) as { hanging: number };
      const clock = fakeTimeouts();
      try {
        const failed = next<{ error: Error }>(el, 'data-feed-error');
        const refreshed = el.refresh().then(() => null, (error: unknown) => error);
        await until(async () => (await stats()).hanging === 1);
        await clock.tickAsync(9_999);
        expect(clock.countTimers(), 'still waiting').to.be.greaterThan(0);
        expect((await stats()).hanging, 'still held').to.equal(1);
        await clock.tickAsync(1);
        expect((await failed).error.message).to.match(/10 s/);
        expect(await refreshed).to.be.instanceOf(Error);
      } finally {
        realTimeouts();
      }
      // The request was aborted: the server sees its connection closed.
      await until(async () => (await stats()).hanging === 0);
      await el.updateComplete;
      expect(part(el, 'status').textContent).to.match(/10 s/);
      expect(el.data).to.deep.equal(kept);
      await until(() => Date.now() > kept.time.at(-1)! + 500);
      await el.refresh();
      expectUnbroken(el);
    });

    it('names the series from the first answer when the page named none', async () => {
      const el = await mount(html`<data-feed src=${`${base}/metrics/cpu`}></data-feed>`);
      await next(el, 'data-feed-update', (detail: { size: number }) => detail.size > 0);
      expect(el.series).to.deep.equal(['cpu']);
      const named = await mount(html`<data-feed series="load" src=${`${base}/metrics/cpu?format=rows`}></data-feed>`);
      await next(named, 'data-feed-update', (detail: { size: number }) => detail.size > 0);
      expect(named.series).to.deep.equal(['load']);
    });
  });

  it('a new src or transport forgets the kept points and backfills from the new feed; source takes precedence over src', async () => {
    const el = await mount(html`<data-feed src=${`${base}/test/series`}></data-feed>`);
    await next(el, 'data-feed-update');
    const forgotten = next<{ added: number; dropped: number; size: number }>(el, 'data-feed-update');
    el.src = `${base}/test/series?names=A,B&step=1000`;
    expect(await forgotten).to.deep.equal({ added: 0, dropped: 100, size: 0 });
    await next(el, 'data-feed-update', (detail: { added: number }) => detail.added > 0);
    expect(el.data.time.every((t) => t % 1000 === 0), 'read from the new src').to.equal(true);
    const again = next<{ size: number }>(el, 'data-feed-update');
    el.transport = 'sse';
    expect((await again).size).to.equal(0);
    expect(el.transport).to.equal('sse');
    const warn = sinon.stub(console, 'warn');
    try {
      el.setAttribute('transport', 'pigeon');
      expect(el.transport, 'a transport that is none of the three is refused').to.equal('sse');
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.contain('attribute transport = "pigeon"');
    } finally {
      warn.restore();
    }
    el.source = () => ({ time: [Date.now()], values: [[7], [8]] });
    await next(el, 'data-feed-update', (detail: { added: number }) => detail.added > 0);
    expect(el.data.values[0]).to.deep.equal([7]);
  });

  for (const transport of ['sse', 'websocket'] as const) {
    const src = () => (transport === 'sse' ? `${base}/test/series/events` : `${base.replace(/^http/, 'ws')}/test/series/ws`);
    const streams = async () => (await openStreams())[transport];

    describe(transport, () => {
      it('while streaming holds one connection: open, points kept at each tick, none lost or doubled', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} interval="0.5"></data-feed>`);
        await next(el, 'data-feed-update');
        await until(async () => (await streams()) === 0);
        expect(el.connection, 'a stopped element holds no connection').to.equal('closed');
        const open = next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'open');
        el.start();
        await open;
        expect(el.connection).to.equal('open');
        expect(el.matches(':state(open)')).to.equal(true);
        for (let i = 0; i < 3; i++) await next(el, 'data-feed-update', (detail: { added: number }) => detail.added > 0);
        expect(await streams()).to.equal(1);
        expectUnbroken(el);
        const closed = next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'closed');
        el.stop();
        await closed;
        await until(async () => (await streams()) === 0);
      });

      it('a dropped connection is retried after about 1 s, says so, and catches up with nothing lost or doubled', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} interval="0.5"></data-feed>`);
        await next(el, 'data-feed-update');
        el.start();
        await next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'open');
        await next(el, 'data-feed-update', (detail: { added: number }) => detail.added > 0);
        const reconnecting = next<{ state: string; attempt: number; retryIn: number }>(el, 'data-feed-connection', (d) => d.state === 'reconnecting');
        const states: string[] = [];
        el.addEventListener('data-feed-connection', (event) => states.push((event as CustomEvent<{ state: string }>).detail.state));
        await control('disconnect');
        const detail = await reconnecting;
        expect(detail.attempt).to.equal(1);
        expect(detail.retryIn).to.be.within(0.5, 1.5);
        await el.updateComplete;
        expect(part(el, 'status').textContent).to.match(/^Reconnecting in 1 s$/);
        expect(el.matches(':state(reconnecting)')).to.equal(true);
        await el.refresh(); // an update while reconnecting brings nothing and clears nothing
        await el.updateComplete;
        expect(part(el, 'status').textContent).to.match(/^Reconnecting in 1 s$/);
        await next(el, 'data-feed-connection', (d: { state: string }) => d.state === 'open');
        expect(states, 'one event per change: the retry starting is no new state').to.deep.equal(['reconnecting', 'open']);
        await next(el, 'data-feed-update', (d: { added: number }) => d.added > 0);
        await next(el, 'data-feed-update', (d: { added: number }) => d.added > 0);
        await el.updateComplete;
        expect(part(el, 'status').textContent, 'cleared when points flow again').to.equal('');
        expectUnbroken(el);
        el.stop();
      });

      it('retries after the backoff delay on a fake clock: not before it, at once after it', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} interval="0.5"></data-feed>`);
        await next(el, 'data-feed-update');
        el.start();
        await next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'open');
        const clock = fakeTimeouts();
        try {
          const states: string[] = [];
          el.addEventListener('data-feed-connection', (event) => states.push((event as CustomEvent).detail.state));
          const reconnecting = next<{ state: string; retryIn: number }>(el, 'data-feed-connection', (d) => d.state === 'reconnecting');
          await control('disconnect');
          const { retryIn } = await reconnecting;
          const opened = next(el, 'data-feed-connection', (d: { state: string }) => d.state === 'open');
          await clock.tickAsync(retryIn * 1000 - 5);
          expect(states, 'no attempt before the delay').to.deep.equal(['reconnecting']);
          await clock.tickAsync(10);
          await opened;
          expect(states.at(-1)).to.equal('open');
        } finally {
          realTimeouts();
        }
        el.stop();
      });

      it('back online, a connection waiting for its retry is tried at once (its backoff timer never runs)', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} interval="0.5"></data-feed>`);
        await next(el, 'data-feed-update');
        el.start();
        await next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'open');
        fakeTimeouts();
        try {
          const reconnecting = next(el, 'data-feed-connection', (d: { state: string }) => d.state === 'reconnecting');
          await control('disconnect');
          await reconnecting;
          const opened = next(el, 'data-feed-connection', (d: { state: string }) => d.state === 'open');
          window.dispatchEvent(new Event('online'));
          await opened;
          expect(el.connection).to.equal('open');
        } finally {
          realTimeouts();
        }
        el.stop();
      });

      it('a server restart: refused, retried, recovered with no gap beyond the outage', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} interval="0.5"></data-feed>`);
        await next(el, 'data-feed-update');
        el.start();
        await next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'open');
        const reconnecting = next(el, 'data-feed-connection', (d: { state: string }) => d.state === 'reconnecting');
        await control('restart', { down: 300 });
        await reconnecting;
        await next(el, 'data-feed-connection', (d: { state: string }) => d.state === 'open');
        await next(el, 'data-feed-update', (d: { added: number }) => d.added > 0);
        expectUnbroken(el);
        el.stop();
      });

      it('a malformed message is an error (a TypeError); the connection stays open and points go on', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} interval="0.5"></data-feed>`);
        await next(el, 'data-feed-update');
        await control('fault', { kind: 'malformed', transport });
        const failed = next<{ error: Error }>(el, 'data-feed-error');
        el.start();
        expect((await failed).error).to.be.instanceOf(TypeError);
        expect(el.connection).to.equal('open');
        await next(el, 'data-feed-update', (d: { added: number }) => d.added > 0);
        expectUnbroken(el);
        el.stop();
      });

      it('moved in the page (one insertion, never out of the document), it keeps its connection and its points', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} streaming interval="0.5"></data-feed>`);
        await next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'open');
        await next(el, 'data-feed-update', (detail: { added: number }) => detail.added > 0);
        const states: string[] = [];
        el.addEventListener('data-feed-connection', (event) => states.push((event as CustomEvent<{ state: string }>).detail.state));
        const other = document.createElement('div');
        document.body.append(other);
        try {
          other.append(el);
          expect(el.connection).to.equal('open');
          for (let i = 0; i < 2; i++) await next(el, 'data-feed-update', (detail: { added: number }) => detail.added > 0);
          expect(states, 'no connection closed or opened').to.deep.equal([]);
          expect(await streams()).to.equal(1);
          expectUnbroken(el);
        } finally {
          other.remove();
        }
      });

      it('removed from the page, it leaves nothing open', async () => {
        const el = await mount(html`<data-feed src=${src()} transport=${transport} streaming interval="0.5"></data-feed>`);
        await next(el, 'data-feed-connection', (detail: { state: string }) => detail.state === 'open');
        expect(await streams()).to.equal(1);
        el.remove();
        expect(el.connection).to.equal('closed');
        await until(async () => (await streams()) === 0);
      });
    });
  }
});

describe('<data-feed src> under the contract\'s strict Content-Security-Policy (connect-src from default-src \'self\')', () => {
  it('streams from a feed on its own origin by poll and SSE with no violation', async () => {
    const result = await strictPageReport('/test/fixtures/csp-feed.html');
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect((result.points as { poll: number }).poll).to.be.greaterThan(0);
    expect((result.points as { sse: number }).sse).to.be.greaterThan(0);
  });
});
