import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import type { DataFeed } from '../src/data-feed.js';
import type { FeedChunk } from '../src/core/chunk.js';
import type { DataFeedEventName } from '../src/events.js';
import '../src/index.js';

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

/** A fake clock for timers and Date (not animation frames, which draw the chart). */
export function fakeClock(now = T0): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({ now, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * A fake clock for every test of the enclosing `describe`, installed before each and restored
 * after each (with the fixtures and the document's visibility). The object returned stands for
 * the current test's clock.
 */
export function useFakeClock(now = T0): sinon.SinonFakeTimers {
  let current: sinon.SinonFakeTimers | null = null;
  beforeEach(() => (current = fakeClock(now)));
  afterEach(() => {
    fixtureCleanup();
    current?.restore();
    current = null;
    restoreVisibility();
  });
  return new Proxy({} as sinon.SinonFakeTimers, {
    get(_, key) {
      const value = Reflect.get(current!, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** Resolves once a draw the chart held for the next frame has run (two animation frames). */
export async function afterHeldDraw(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

export async function mount(template: TemplateResult): Promise<DataFeed> {
  return fixture<DataFeed>(template);
}

/** Resolves after the next animation frame (when a pending chart draw has run). */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Points at since + k·step before now, each series' value being the time in seconds plus its index. */
export function stepChunk(since: number, now: number, step = 500, series = 2): FeedChunk {
  const time: number[] = [];
  for (let t = since + step; t < now; t += step) time.push(t);
  return { time, values: Array.from({ length: series }, (_, i) => time.map((t) => t / 1000 + i)) };
}

/** A source answering like the generator but with known values; records its calls. */
export function stepSource(step = 500, series = 2) {
  return sinon.spy((since: number, now: number) => stepChunk(since, now, step, series));
}

/** Records the element's events by name. */
export function record(el: Element, names: DataFeedEventName[] = [
  'data-feed-start',
  'data-feed-stop',
  'data-feed-interval-change',
  'data-feed-update',
  'data-feed-error',
]) {
  const seen: CustomEvent[] = [];
  for (const name of names) el.addEventListener(name, (event) => seen.push(event as CustomEvent));
  return {
    seen,
    names: () => seen.map((e) => e.type),
    of: (name: DataFeedEventName) => seen.filter((e) => e.type === name),
    clear: () => (seen.length = 0),
  };
}

/** The element's shadow part `name`. */
export function part<T extends Element = HTMLElement>(el: DataFeed, name: string): T {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`) as T;
}

/** Pretends the document became hidden or visible. */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}

export function restoreVisibility(): void {
  delete (document as { visibilityState?: unknown }).visibilityState;
  delete (document as { hidden?: unknown }).hidden;
}

/** A promise with its resolve and reject. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

// Every element test imports this module: fail on any Lit dev-mode warning but the notice that
// dev mode is on.
afterEach(() => {
  const warnings = [...((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ?? [])];
  const issues = warnings.filter((warning) => !warning.includes('dev-mode'));
  expect(issues, 'Lit dev-mode warnings').to.deep.equal([]);
});

/**
 * How far behind the fake timers a clock reads at each tick when tick k's timer runs `late[k]` ms
 * late: the running sum. A clock that falls behind by `late[k]` more at tick k reads its due time plus `late[k]`.
 */
export function behindFor(late: readonly number[]): number[] {
  let sum = 0;
  return late.map((ms) => (sum += ms));
}
