// The reference feed server over real sockets: every transport once, its formats and headers, and the
// faults tests rely on. Run: npx tsx --test server/*.check.ts (exits non-zero on failure).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { parseFeed } from '../src/feeds/formats.js';
import { createFeedServer, type FeedServer } from './feed-server.js';
import { fakeMachine } from './fake-machine.js';
import { Metrics } from './metrics.js';

const T0 = 1_767_268_800_000;

type SSEBlock = { id?: string; data?: string; comment?: string; end?: true };

/** An event stream read block by block; `next()` gives the next message or comment, or `end`. */
async function openSSE(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  async function next(timeout = 3000): Promise<SSEBlock> {
    for (;;) {
      const at = buffer.indexOf('\n\n');
      if (at >= 0) {
        const block: SSEBlock = {};
        for (const line of buffer.slice(0, at).split('\n')) {
          if (line.startsWith(':')) block.comment = line.slice(1).trim();
          else if (line.startsWith('id: ')) block.id = line.slice(4);
          else if (line.startsWith('data: ')) block.data = line.slice(6);
        }
        buffer = buffer.slice(at + 2);
        return block;
      }
      const read = await within(reader.read(), timeout).catch((error: Error) => (error.message === 'timed out' ? Promise.reject(error) : { done: true as const, value: undefined }));
      if (read.done) return { end: true };
      buffer += read.value;
    }
  }
  return { response, next, close: () => abort.abort() };
}

/** A WebSocket with its messages queued; `next()` gives the next one. */
function openWS(url: string): Promise<{ ws: WebSocket; next(timeout?: number): Promise<string>; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const queue: string[] = [];
    const waiting: ((message: string) => void)[] = [];
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    ws.on('message', (data) => {
      const message = String(data);
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else queue.push(message);
    });
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        closed,
        next: (timeout = 3000) => within(queue.length ? Promise.resolve(queue.shift()!) : new Promise<string>((done) => waiting.push(done)), timeout),
      }),
    );
  });
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const read = (body: string, contentType: string | null, names: readonly string[] = ['A'], discover = true) => parseFeed(body, { names, discover, contentType });

describe('feed server with a fake machine and clock', () => {
  let now = T0;
  const { machine, run } = fakeMachine();
  const metrics = new Metrics({ now: () => now, machine });
  let server: FeedServer;
  let url: string;
  /** One sample, 500 ms after the last, then the clock 1 ms on (answers are before now). */
  const sample = () => {
    now += 499;
    run();
    const point = metrics.sample();
    now += 1;
    return point;
  };

  before(async () => {
    server = createFeedServer({ metrics, now: () => now, heartbeat: 200, control: true });
    url = await server.listen(0);
    for (let i = 0; i < 4; i++) sample();
  });
  after(() => server.close());

  it('polls /metrics/<name>: JSON objects named after the metric, never cached, readable from any origin', async () => {
    const response = await fetch(`${url}/metrics/cpu`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const answer = read(await response.text(), response.headers.get('content-type'));
    assert.deepEqual(answer.names, ['cpu']);
    assert.deepEqual(answer.chunk, { time: [T0 + 499, T0 + 999, T0 + 1499, T0 + 1999], values: [[25, 25, 25, 25]] });
  });

  it('serves all three metrics as named fields of /metrics/all', async () => {
    const response = await fetch(`${url}/metrics/all?since=${T0 + 1000}`);
    const answer = read(await response.text(), response.headers.get('content-type'));
    assert.deepEqual(answer.names, ['cpu', 'memory', 'load']);
    assert.deepEqual(answer.chunk.values, [
      [25, 25],
      [2048, 2048],
      [0.5, 0.5],
    ]);
  });

  it('answers the points after since and before now', async () => {
    const answer = read(await (await fetch(`${url}/metrics/memory?since=${T0 + 499}&now=${T0 + 1999}`)).text(), null);
    assert.deepEqual(answer.chunk.time, [T0 + 999, T0 + 1499]);
  });

  it('reaches back 60 s when no since is given', async () => {
    now += 60_000 - 1_000;
    try {
      const answer = read(await (await fetch(`${url}/metrics/load`)).text(), null);
      assert.deepEqual(answer.chunk.time, [T0 + 1499, T0 + 1999]);
    } finally {
      now -= 60_000 - 1_000;
    }
  });

  for (const [query, accept, type, names] of [
    ['format=rows', undefined, 'application/json', ['cpu', 'memory', 'load']],
    ['format=columns', undefined, 'application/json', ['cpu', 'memory', 'load']],
    ['format=csv', undefined, 'text/csv; charset=utf-8', null],
    ['format=ndjson', undefined, 'application/x-ndjson', null],
    ['', 'text/csv', 'text/csv; charset=utf-8', null],
    ['', 'application/x-ndjson, application/json;q=0.5', 'application/x-ndjson', null],
    ['format=objects&time=iso', 'text/csv', 'application/json', null],
  ] as [string, string | undefined, string, string[] | null][]) {
    it(`polls ${query || `with Accept: ${accept}`}: ${type}`, async () => {
      const response = await fetch(`${url}/metrics/all?since=${T0 + 1000}&${query}`, { headers: accept ? { accept } : {} });
      assert.equal(response.headers.get('content-type'), type);
      assert.equal(response.headers.get('vary'), 'Accept');
      const answer = read(await response.text(), type, names ?? ['A'], !names);
      assert.deepEqual(answer.names, ['cpu', 'memory', 'load']);
      assert.deepEqual(answer.chunk, { time: [T0 + 1499, T0 + 1999], values: [[25, 25], [2048, 2048], [0.5, 0.5]] });
    });
  }

  it('refuses a bad since or format, and answers 404 where there is no feed', async () => {
    for (const [path, status] of [
      ['/metrics/cpu?since=yesterday', 400],
      ['/metrics/cpu?now=', 400],
      ['/metrics/cpu?format=xml', 400],
      ['/metrics/cpu/events?format=csv', 400],
      ['/metrics/disk', 404],
      ['/metrics/cpu/ws', 426],
    ] as const) {
      const response = await fetch(url + path);
      assert.equal(response.status, status, path);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.match(((await response.json()) as { error: string }).error, /\w/);
    }
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${url}/control/fault`, { method: 'OPTIONS', headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'POST' } });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods')!, /POST/);
  });

  it('streams SSE: headers, the answer to since first, then each new point, and heartbeats', async () => {
    const stream = await openSSE(`${url}/metrics/cpu/events?since=${T0 + 1000}`);
    try {
      assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      assert.equal(stream.response.headers.get('cache-control'), 'no-cache');
      assert.equal(stream.response.headers.get('x-accel-buffering'), 'no');
      assert.equal(stream.response.headers.get('access-control-allow-origin'), '*');
      const first = await stream.next();
      assert.equal(first.id, String(T0 + 1999));
      assert.deepEqual(read(first.data!, null).chunk.time, [T0 + 1499, T0 + 1999]);
      const point = sample();
      const second = await stream.next();
      assert.equal(second.data, JSON.stringify({ time: point.time, cpu: 25 }));
      assert.equal(second.id, String(point.time));
      assert.deepEqual(await stream.next(), { comment: 'heartbeat' });
    } finally {
      stream.close();
    }
  });

  it("serves an event stream and a WebSocket on the feed's own path too", async () => {
    const stream = await openSSE(`${url}/metrics/cpu?since=${now - 1}`, { accept: 'text/event-stream' });
    const { ws, next } = await openWS(`${url.replace('http', 'ws')}/metrics/cpu?since=${now - 1}`);
    try {
      assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      assert.equal((await stream.next()).data, '[]');
      assert.equal(await next(), '[]');
    } finally {
      stream.close();
      ws.close();
    }
  });

  it('resumes an event stream from Last-Event-ID', async () => {
    const last = metrics.points(-Infinity, Infinity).at(-1)!.time;
    const stream = await openSSE(`${url}/metrics/cpu/events?since=0`, { 'last-event-id': String(last - 500) });
    try {
      assert.deepEqual(read((await stream.next()).data!, null).chunk.time, [last]);
    } finally {
      stream.close();
    }
  });

  it('streams over a WebSocket: the answer to since first, then each new point, in the format asked for', async () => {
    const { ws, next } = await openWS(`${url.replace('http', 'ws')}/metrics/all/ws?since=${now - 1}&format=rows`);
    try {
      assert.equal(await next(), '[]');
      const point = sample();
      assert.equal(await next(), JSON.stringify([point.time, 25, 2048, 0.5]));
    } finally {
      ws.close();
    }
  });

  it('refuses a WebSocket on a path with no feed, or in a format push does not take', async () => {
    for (const path of ['/metrics/disk/ws', '/metrics/cpu/ws?format=csv', '/metrics/cpu/events']) {
      await assert.rejects(openWS(`${url.replace('http', 'ws')}${path}`), /Unexpected server response: (404|400)/, path);
    }
  });

  describe('faults', () => {
    it('error: the next N polls answer 500 (or the status asked for), then all is well', async () => {
      server.faults.add({ kind: 'error', count: 2, status: 503, path: '/metrics/cpu' });
      assert.equal((await fetch(`${url}/metrics/memory`)).status, 200);
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 503);
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 503);
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 200);
    });

    it('malformed: a 200 the element refuses', async () => {
      for (const format of ['objects', 'csv', 'ndjson']) {
        server.faults.add({ kind: 'malformed', transport: 'poll' });
        const response = await fetch(`${url}/metrics/cpu?format=${format}`);
        assert.equal(response.status, 200);
        const body = await response.text();
        assert.throws(() => read(body, response.headers.get('content-type')), TypeError, format);
      }
    });

    it('drop: the poll gets no answer', async () => {
      server.faults.add({ kind: 'drop', transport: 'poll' });
      await assert.rejects(fetch(`${url}/metrics/cpu`), TypeError);
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 200);
    });

    it('hang: the poll is never answered; held until the client gives up, or hangUp()', async () => {
      server.faults.add({ kind: 'hang' });
      await assert.rejects(fetch(`${url}/metrics/cpu`, { signal: AbortSignal.timeout(300) }), /abort|timeout/i);
      for (let i = 0; i < 100 && server.stats().hanging; i++) await sleep(10);
      assert.equal(server.stats().hanging, 0, 'the client gave up: nothing held');
      server.faults.add({ kind: 'hang' });
      const held = fetch(`${url}/metrics/cpu`);
      for (let i = 0; i < 100 && !server.stats().hanging; i++) await sleep(10);
      assert.equal(server.stats().hanging, 1);
      assert.equal(server.hangUp(), 1);
      await assert.rejects(held, TypeError);
      for (let i = 0; i < 100 && server.stats().hanging; i++) await sleep(10);
      assert.equal(server.stats().hanging, 0);
    });

    it('slow: the answer comes late', async () => {
      server.faults.add({ kind: 'slow', delay: 300 });
      const started = performance.now();
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 200);
      assert.ok(performance.now() - started >= 290);
    });

    it('malformed on a stream: one extra message after the first, and the stream goes on', async () => {
      server.faults.add({ kind: 'malformed', transport: 'sse' });
      const stream = await openSSE(`${url}/metrics/cpu/events?since=${now - 1}`);
      try {
        assert.equal((await stream.next()).data, '[]');
        const broken = (await stream.next()).data!;
        assert.throws(() => read(broken, null), TypeError);
        const point = sample();
        assert.deepEqual(read((await stream.next()).data!, null).chunk.time, [point.time]);
      } finally {
        stream.close();
      }
    });

    it('drop on a stream: cut after the first message', async () => {
      server.faults.add({ kind: 'drop', transport: 'sse' });
      const stream = await openSSE(`${url}/metrics/cpu/events?since=${now - 1}`);
      assert.equal((await stream.next()).data, '[]');
      assert.deepEqual(await stream.next(), { end: true });

      server.faults.add({ kind: 'drop', transport: 'websocket', after: 2 });
      const { next, closed } = await openWS(`${url.replace('http', 'ws')}/metrics/cpu/ws?since=${now - 1}`);
      assert.equal(await next(), '[]');
      sample();
      await next();
      assert.equal(await within(closed, 2000), 1006);
    });

    it('error and hang on a WebSocket: the upgrade is refused, or never answered', async () => {
      server.faults.add({ kind: 'error', transport: 'websocket' });
      await assert.rejects(openWS(`${url.replace('http', 'ws')}/metrics/cpu/ws`), /Unexpected server response: 500/);
      server.faults.add({ kind: 'hang', transport: 'websocket' });
      const ws = new WebSocket(`${url.replace('http', 'ws')}/metrics/cpu/ws`);
      const opened = new Promise((resolve) => ws.on('open', resolve));
      ws.on('error', () => {});
      assert.equal(await Promise.race([opened, sleep(300).then(() => 'pending')]), 'pending');
      assert.equal(server.stats().hanging, 1);
      ws.terminate();
      for (let i = 0; i < 100 && server.stats().hanging; i++) await sleep(10);
      assert.equal(server.stats().hanging, 0);
    });

    it('slow on a WebSocket: open at once, the first message late, with the points sampled meanwhile', async () => {
      server.faults.add({ kind: 'slow', transport: 'websocket', delay: 300 });
      const { ws, next } = await openWS(`${url.replace('http', 'ws')}/metrics/cpu/ws?since=${now - 1}`);
      try {
        const point = sample();
        assert.deepEqual(read(await next(), null).chunk.time, [point.time]);
      } finally {
        ws.close();
      }
    });

    it('counts requests and open streams, and disconnect() cuts every stream', async () => {
      // The streams of the tests before close in their own time.
      for (let i = 0; i < 100 && (server.stats().open.sse || server.stats().open.websocket); i++) await sleep(10);
      server.resetStats();
      const stream = await openSSE(`${url}/metrics/cpu/events`);
      const { closed } = await openWS(`${url.replace('http', 'ws')}/metrics/cpu/ws`);
      await stream.next();
      assert.deepEqual(server.stats(), { requests: { poll: 0, sse: 1, websocket: 1 }, open: { sse: 1, websocket: 1 }, hanging: 0 });
      assert.equal(server.disconnect(), 2);
      assert.deepEqual(await stream.next(), { end: true });
      await within(closed, 2000);
      assert.deepEqual(server.stats().open, { sse: 0, websocket: 0 });
    });

    it('restart: connections are refused for a while, then served again on the same port', async () => {
      const stream = await openSSE(`${url}/metrics/cpu/events`);
      await stream.next();
      const restarted = server.restart(300);
      assert.deepEqual(await stream.next(), { end: true });
      await sleep(50);
      await assert.rejects(fetch(`${url}/metrics/cpu`), TypeError);
      await restarted;
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 200);
    });

    it('over HTTP: POST /control/fault, GET /control/stats, POST /control/clear', async () => {
      const queued = await fetch(`${url}/control/fault?kind=error&count=3&transport=poll`, { method: 'POST' });
      assert.deepEqual(await queued.json(), { faults: [{ kind: 'error', count: 3, transport: 'poll' }] });
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 500);
      const stats = (await (await fetch(`${url}/control/stats`)).json()) as { faults: { count: number }[] };
      assert.equal(stats.faults[0].count, 2);
      assert.equal((await fetch(`${url}/control/fault?kind=boom`, { method: 'POST' })).status, 400);
      await fetch(`${url}/control/clear`, { method: 'POST' });
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 200);
      assert.deepEqual(((await (await fetch(`${url}/control/stats`)).json()) as { faults: unknown[] }).faults, []);
    });

    it('over HTTP: POST /control/restart answers, then restarts', async () => {
      const response = await fetch(`${url}/control/restart?down=200`, { method: 'POST' });
      assert.equal(response.status, 202);
      await sleep(50);
      await assert.rejects(fetch(`${url}/metrics/cpu`), TypeError);
      await sleep(400);
      assert.equal((await fetch(`${url}/metrics/cpu`)).status, 200);
    });
  });
});

describe('feed server on the real machine and clock', () => {
  let server: FeedServer;
  let url: string;
  before(async () => {
    server = createFeedServer();
    url = await server.listen(0);
  });
  after(() => server.close());

  it('samples the machine every 0.5 s', async () => {
    let answer = read('[]', null);
    for (let waited = 0; answer.chunk.time.length < 3 && waited < 5_000; waited += 100) {
      await sleep(100);
      answer = read(await (await fetch(`${url}/metrics/all?now=${Date.now() + 1}`)).text(), null);
    }
    const { names, chunk } = answer;
    assert.deepEqual(names, ['cpu', 'memory', 'load']);
    assert.equal(chunk.time.length, 3);
    assert.ok(chunk.time[1] - chunk.time[0] >= 490 && chunk.time[2] - chunk.time[1] >= 490, `samples at ${chunk.time}`);
    const [cpu, memory, load] = chunk.values;
    assert.ok(cpu.every((v) => v >= 0 && v <= 100), `cpu ${cpu}`);
    assert.ok(memory.every((v) => v > 0), `memory ${memory}`);
    assert.ok(load.every((v) => v >= 0), `load ${load}`);
  });

  it('keeps the control endpoints closed unless asked', async () => {
    assert.equal((await fetch(`${url}/control/stats`)).status, 404);
  });

  it('pushes the test series point by point, none lost, none doubled', async () => {
    const since = Date.now() - 1_000;
    const stream = await openSSE(`${url}/test/series/events?since=${since}&step=50&names=A,B`);
    const { next, ws } = await openWS(`${url.replace('http', 'ws')}/test/series/ws?since=${since}&step=50&format=columns`);
    try {
      const times: number[] = [];
      const wsTimes: number[] = [];
      while (times.length < 40) {
        const { chunk } = read((await stream.next()).data!, null, ['A', 'B'], false);
        for (const [i, time] of chunk.time.entries()) {
          assert.equal(chunk.values[0][i], (time / 50) % 1000);
          assert.equal(chunk.values[1][i], ((time / 50) % 1000) + 1000);
          times.push(time);
        }
      }
      while (wsTimes.length < 40) wsTimes.push(...read(await next(), null, ['A', 'B'], false).chunk.time);
      for (const list of [times, wsTimes]) {
        assert.equal(list[0], (Math.floor(since / 50) + 1) * 50);
        list.forEach((time, i) => i && assert.equal(time - list[i - 1], 50));
      }
    } finally {
      stream.close();
      ws.close();
    }
  });

  it('polls the test series with gaps', async () => {
    const response = await fetch(`${url}/test/series?since=${T0}&now=${T0 + 2_001}&step=500&gapEvery=2&format=rows`);
    assert.deepEqual(read(await response.text(), null, ['A', 'B'], false).chunk, {
      time: [T0 + 500, T0 + 1000, T0 + 1500, T0 + 2000],
      // k = time / 500 = 3,534,537,601 …; every even k a gap.
      values: [
        [601, NaN, 603, NaN],
        [1601, NaN, 1603, NaN],
      ],
    });
  });
});
