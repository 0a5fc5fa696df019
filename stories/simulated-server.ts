// A simulated feed server for the server-feed stories. The static Storybook has no server, so the
// page's own `fetch`, `EventSource` and `WebSocket` answer URLs under `https://feed.invalid/` here,
// in the contract's wire formats (JSON objects `{"time", "<name>"}`), honouring `since` and `now`,
// one point every 500 ms: the element's code runs as it would against a real server. Every other URL
// goes to the browser's own. For the real thing, run `npm run feed-server` and point `src` at it.
import { wave } from './sources.js';

export const SIMULATED = 'https://feed.invalid';
const STEP = 500;

/** The points after `since` and before `now`, as JSON objects named `names`. */
function answer(names: string[], since: number, now: number): string {
  const points = [];
  for (let t = (Math.floor(since / STEP) + 1) * STEP; t < now; t += STEP) {
    points.push(Object.fromEntries([['time', t], ...names.map((name, i) => [name, Math.round(wave(i, t) * 100) / 100])]));
  }
  return JSON.stringify(points);
}

const ask = (url: string) => {
  const query = new URL(url).searchParams;
  return { since: Number(query.get('since')), now: Number(query.get('now') ?? Date.now()), names: ['price', 'volume'] };
};

/** A push stream: the answer to `since`, then each new point as it is made; `close()` ends it. */
function stream(url: string, send: (text: string) => void): () => void {
  const { since, names } = ask(url);
  let last = Date.now();
  send(answer(names, since, last));
  const timer = setInterval(() => {
    const now = Date.now();
    send(answer(names, last - 1, now));
    last = now;
  }, STEP);
  return () => clearInterval(timer);
}

let installed = false;

/** Installs the simulation (once per page). */
export function simulateServer(): void {
  if (installed) return;
  installed = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(SIMULATED)) return realFetch(input, init);
    const { since, now, names } = ask(url);
    return new Response(answer(names, since, now), { headers: { 'Content-Type': 'application/json' } });
  };
  const RealEventSource = window.EventSource;
  window.EventSource = class extends EventTarget {
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    readyState = 0;
    private _stop: () => void = () => {};
    constructor(url: string | URL, init?: EventSourceInit) {
      super();
      if (!String(url).startsWith(SIMULATED)) return new RealEventSource(url, init) as never;
      queueMicrotask(() => {
        this.readyState = 1;
        this.onopen?.(new Event('open'));
        this._stop = stream(String(url), (data) => this.onmessage?.(new MessageEvent('message', { data })));
      });
    }
    close(): void {
      this.readyState = 2;
      this._stop();
    }
  } as unknown as typeof EventSource;
  const RealWebSocket = window.WebSocket;
  window.WebSocket = class extends EventTarget {
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    private _stop: () => void = () => {};
    constructor(url: string | URL, protocols?: string | string[]) {
      super();
      const text = String(url);
      if (!text.startsWith(SIMULATED.replace('https', 'wss'))) return new RealWebSocket(url, protocols) as never;
      queueMicrotask(() => {
        this.onopen?.(new Event('open'));
        this._stop = stream(text, (data) => this.onmessage?.(new MessageEvent('message', { data })));
      });
    }
    close(): void {
      this._stop();
    }
  } as unknown as typeof WebSocket;
}
