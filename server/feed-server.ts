import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { control } from './control.js';
import { Faults, type Fault, type Transport, FAULT_KINDS } from './faults.js';
import { metricsFeed, testFeed, type Feed } from './feeds.js';
import { Metrics } from './metrics.js';
import { answer, COMMON, problem, refuseUpgrade } from './respond.js';
import { encode, malformed, negotiate, PUSH_FORMATS, type Format } from './wire.js';

export interface FeedServerOptions {
  /** The metrics to serve; by default the server makes its own, sampling from `listen()` to `close()`. */
  metrics?: Metrics;
  /** The clock, ms since the epoch (`Date.now`). */
  now?: () => number;
  /** ms between heartbeats of an open stream: SSE comments, WebSocket pings (15,000). */
  heartbeat?: number;
  /** ms a request reaches back when it gives no `since` (60,000). */
  backfill?: number;
  /** Serve the `/control/…` endpoints (faults, restart, stats) over HTTP, for tests in a browser (false). */
  control?: boolean;
}

export interface FeedStats {
  /** Feed requests and connections asked for since the start (or the last reset), by transport. */
  requests: Record<Transport, number>;
  /** Streams open now. */
  open: { sse: number; websocket: number };
  /** Requests and upgrades a `hang` fault holds unanswered now (until the client gives up, or `hangUp()`). */
  hanging: number;
}

export interface FeedServer {
  /** `http://host:port` once listening; empty before. */
  readonly url: string;
  readonly metrics: Metrics;
  /** Faults for the coming requests (see faults.ts). */
  readonly faults: Faults;
  /** Starts listening (port 0 picks a free one); resolves with `url`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Closes every connection and stops listening (and sampling, if the metrics are its own). */
  close(): Promise<void>;
  /** Refuses connections for `down` ms (closing all there are), then listens again on the same port. */
  restart(down?: number): Promise<void>;
  /** Cuts every open stream at once; returns how many there were. */
  disconnect(): number;
  /** Closes every request and upgrade a `hang` fault holds; returns how many there were. */
  hangUp(): number;
  stats(): FeedStats;
  resetStats(): void;
}

/** What a feed request asks for. */
interface FeedRequest {
  feed: Feed;
  since: number;
  until: number;
  format: Format;
  iso: boolean;
}

const ROUTE = /^\/(?:metrics\/(cpu|memory|load|all)|test\/series)(\/events|\/ws)?\/?$/;

/** A reference feed server: the machine's metrics and a deterministic test series, by poll, SSE and WebSocket. */
export function createFeedServer(options: FeedServerOptions = {}): FeedServer {
  const clock = options.now ?? Date.now;
  const heartbeat = options.heartbeat ?? 15_000;
  const backfill = options.backfill ?? 60_000;
  const ownMetrics = !options.metrics;
  const metrics = options.metrics ?? new Metrics({ now: clock });
  const faults = new Faults();
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<Socket>();
  const streams = new Set<{ kind: 'sse' | 'websocket'; kill(): void }>();
  /** The sockets held by a `hang` fault, each until it closes. */
  const hung = new Set<Duplex>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let requests = blankRequests();
  let address: { port: number; host: string } | null = null;

  const hold = (socket: Duplex, upgrade = false) => {
    hung.add(socket);
    socket.once('close', () => hung.delete(socket));
    if (!upgrade) return;
    // No HTTP parser reads an upgrade's socket any more: read it, so a client that gives up closes it.
    socket.on('error', () => socket.destroy());
    socket.once('end', () => socket.destroy());
    socket.resume();
  };

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => (timers.delete(timer), run()), ms);
    timers.add(timer);
  };

  /** The feed, times and format a request asks for, or the status and reason it cannot have them. */
  function readRequest(url: URL, headers: http.IncomingHttpHeaders, push: boolean): FeedRequest | { status: number; reason: string } {
    const match = ROUTE.exec(url.pathname)!;
    const query = url.searchParams;
    const feed = match[1] ? metricsFeed(metrics, match[1]) : testFeed(query, clock);
    if (typeof feed === 'string') return { status: 400, reason: feed };
    const number = (name: string, fallback: number) => (query.has(name) ? Number(query.get(name) || NaN) : fallback);
    const until = number('now', clock());
    // A browser's own reconnect of an event stream says where it got to.
    const resumed = push ? Number(headers['last-event-id'] ?? NaN) : NaN;
    const since = Number.isFinite(resumed) ? resumed : number('since', until - backfill);
    if (!Number.isFinite(since) || !Number.isFinite(until)) return { status: 400, reason: 'since and now must be numbers of ms since the epoch' };
    const format = negotiate(query.get('format'), push ? undefined : headers.accept, push ? PUSH_FORMATS : undefined);
    if (!format) return { status: 400, reason: `format must be one of ${(push ? PUSH_FORMATS : ['objects', 'rows', 'columns', 'csv', 'ndjson']).join(', ')}` };
    return { feed, since, until, format, iso: query.get('time') === 'iso' };
  }

  /** One open stream: the answer to `since` first, then new points as they come; faults as asked. */
  function openStream(
    request: FeedRequest,
    fault: Fault | undefined,
    io: { send(body: string, last: number, then?: () => void): void; beat(): void; kill(): void; closed(run: () => void): void },
    kind: 'sse' | 'websocket',
  ) {
    const { feed, format, iso } = request;
    let last = request.since;
    let sent = 0;
    let stop = () => {};
    let dropping = false;
    const dropAfter = fault?.kind === 'drop' ? (fault.after ?? 1) : Infinity;
    const deliver = (points: { time: number; values: number[] }[], first: boolean) => {
      if (dropping) return;
      if (points.length) last = points[points.length - 1].time;
      // A drop comes once the messages before it are on their way; nothing is sent after them.
      dropping = ++sent >= dropAfter;
      const then = dropping ? io.kill : undefined;
      if (first && fault?.kind === 'malformed') {
        io.send(encode(format, feed.names, points, { iso }).body, last);
        io.send(malformed(format).body, last, then);
      } else io.send(encode(format, feed.names, points, { iso, single: !first }).body, last, then);
    };
    const begin = () => {
      deliver(feed.pointsSince(last), true);
      stop = feed.follow(last, (points) => deliver(points, false));
    };
    const beats = setInterval(() => io.beat(), heartbeat);
    const stream = { kind, kill: io.kill };
    streams.add(stream);
    io.closed(() => {
      if (!streams.delete(stream)) return;
      clearInterval(beats);
      stop();
    });
    if (dropAfter === 0) io.kill();
    else if (fault?.kind === 'slow') later(fault.delay ?? 3000, () => streams.has(stream) && begin());
    else begin();
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...COMMON, 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '600' });
      return void res.end();
    }
    if (url.pathname.startsWith('/control/') && options.control) return control(feedServer, url, req, res);
    if (url.pathname === '/') return answer(res, 200, JSON.stringify(index(), null, 2));
    const match = ROUTE.exec(url.pathname);
    if (!match || match[2] === '/ws') return problem(res, match ? 426 : 404, match ? 'this path takes a WebSocket' : `no feed at ${url.pathname}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return problem(res, 405, 'feeds answer GET');
    // An EventSource asks the feed's own path for an event stream, too.
    const sse = match[2] === '/events' || (!match[2] && /text\/event-stream/.test(req.headers.accept ?? ''));
    const transport: Transport = sse ? 'sse' : 'poll';
    requests[transport]++;
    const request = readRequest(url, req.headers, sse);
    if (!('feed' in request)) return problem(res, request.status, request.reason);
    const fault = faults.take(transport, url.pathname);
    if (fault?.kind === 'error') return problem(res, fault.status ?? 500, 'injected fault');
    if (fault?.kind === 'hang') return hold(req.socket);
    if (fault?.kind === 'drop' && !sse) return void req.socket.destroy();
    if (sse) {
      res.writeHead(200, { ...COMMON, 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' });
      res.flushHeaders();
      return openStream(
        request,
        fault,
        {
          send: (body, last, then) => res.write(`id: ${last}\ndata: ${body}\n\n`, then),
          beat: () => res.write(': heartbeat\n\n'),
          kill: () => res.socket?.destroy(),
          closed: (run) => res.on('close', run),
        },
        'sse',
      );
    }
    const respond = () => {
      const { body, type } = fault?.kind === 'malformed' ? malformed(request.format) : encode(request.format, request.feed.names, request.feed.points(request.since, request.until), { iso: request.iso });
      answer(res, 200, req.method === 'HEAD' ? '' : body, type, { Vary: 'Accept' });
    };
    if (fault?.kind === 'slow') later(fault.delay ?? 3000, respond);
    else respond();
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = ROUTE.exec(url.pathname);
    const refuse = (status: number, reason: string) => refuseUpgrade(socket, status, reason);
    // The feed's own path takes a WebSocket too.
    if (!match || match[2] === '/events') return refuse(404, `no WebSocket feed at ${url.pathname}`);
    requests.websocket++;
    const request = readRequest(url, req.headers, true);
    if (!('feed' in request)) return refuse(request.status, request.reason);
    const fault = faults.take('websocket', url.pathname);
    if (fault?.kind === 'error') return refuse(fault.status ?? 500, 'injected fault');
    if (fault?.kind === 'hang') return hold(socket, true);
    wss.handleUpgrade(req, socket, head, (ws) => {
      openStream(
        request,
        fault,
        {
          send: (body, _, then) => ws.send(body, then),
          beat: () => ws.ping(),
          kill: () => ws.terminate(),
          closed: (run) => ws.on('close', run),
        },
        'websocket',
      );
    });
  });

  function index() {
    return {
      metrics: ['cpu', 'memory', 'load', 'all'].map((name) => ({ poll: `/metrics/${name}`, sse: `/metrics/${name}/events`, websocket: `/metrics/${name}/ws` })),
      test: { poll: '/test/series', sse: '/test/series/events', websocket: '/test/series/ws', query: 'step=500&names=A,B&gapEvery=0' },
      query: 'since, now (ms since the epoch); format=objects|rows|columns|csv|ndjson (poll; or by Accept) or objects|rows|columns (sse, websocket); time=iso',
      note: "a feed's own path also answers an EventSource (Accept: text/event-stream) and a WebSocket upgrade",
      control: options.control ? `POST /control/fault?kind=${FAULT_KINDS.join('|')}&count=&transport=&path=&status=&delay=&after=, /control/clear, /control/restart?down=, /control/disconnect; GET /control/stats` : undefined,
    };
  }

  function disconnect(): number {
    const open = [...streams];
    for (const stream of open) stream.kill();
    return open.length;
  }

  function hangUp(): number {
    const held = [...hung];
    for (const socket of held) socket.destroy();
    return held.length;
  }

  function unlisten(): Promise<void> {
    disconnect();
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  }

  function listenOn(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  async function restart(down = 1000): Promise<void> {
    const at = address;
    if (!at) throw new Error('the feed server is not listening');
    await unlisten();
    await new Promise((resolve) => setTimeout(resolve, down));
    // Unless closed meanwhile.
    if (address === at) await listenOn(at.port, at.host);
  }

  function stats(): FeedStats {
    const open = { sse: 0, websocket: 0 };
    for (const stream of streams) open[stream.kind]++;
    return { requests: { ...requests }, open, hanging: hung.size };
  }

  const feedServer: FeedServer = {
    get url() {
      return address ? `http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}` : '';
    },
    metrics,
    faults,
    async listen(port = 0, host = '127.0.0.1') {
      await listenOn(port, host);
      address = { port: (server.address() as AddressInfo).port, host };
      if (ownMetrics) metrics.start();
      return this.url;
    },
    async close() {
      if (ownMetrics) metrics.stop();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await unlisten();
      address = null;
    },
    restart,
    disconnect,
    hangUp,
    stats,
    resetStats: () => void (requests = blankRequests()),
  };
  return feedServer;
}

function blankRequests(): Record<Transport, number> {
  return { poll: 0, sse: 0, websocket: 0 };
}
