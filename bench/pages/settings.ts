// Part 6: changes of settings. A seeded run of random property (or attribute) changes, good and bad
// values alike, on a streaming chart, with a fake clock moved between them (so the updates they
// cause run too) and the canvas's drawing calls stubbed out (the cost is the element's, not the
// raster's). `<data-feed>` against `minimal-feed`, the same contract written as briefly as it can be.
import sinon from 'sinon';
import { seeded } from './common.js';
import type { DataFeed } from './element.js';
import './element.js';
import './minimal-feed.js';

type Name = 'element' | 'minimal';
type Kind = 'property' | 'attribute';

/** The settings a run changes, as properties; the attribute of each is its kebab-case name. */
const PROPERTIES = [
  'streaming',
  'interval',
  'minInterval',
  'maxInterval',
  'step',
  'capacity',
  'backfill',
  'samplePeriod',
  'series',
  'heading',
  'sliderLabel',
  'startLabel',
  'stopLabel',
  'liveLabel',
  'noControls',
] as const;
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const BOOLEANS = new Set(['streaming', 'noControls']);
const TEXTS = new Set(['heading', 'sliderLabel', 'startLabel', 'stopLabel', 'liveLabel']);

/** A value for `name`: mostly good, sometimes out of range or not a number at all. */
function valueFor(name: string, random: () => number): unknown {
  const r = random();
  if (BOOLEANS.has(name)) return r < 0.5;
  if (TEXTS.has(name)) return r < 0.8 ? `Text ${Math.floor(random() * 1000)}` : r < 0.9 ? '' : '<b>bold</b>';
  if (name === 'series') return r < 0.7 ? ['A', 'B', 'C', 'D'].slice(0, 1 + Math.floor(random() * 4)) : r < 0.9 ? 'x,y' : '';
  if (r < 0.15) return 'not a number';
  if (r < 0.25) return -5 * random();
  if (name === 'capacity') return r < 0.6 ? Math.floor(10 + random() * 1000) : Math.floor(random() * 2_000_000);
  if (name === 'backfill') return r < 0.8 ? random() * 120 : random() * 1e9;
  if (name === 'samplePeriod') return 0.05 + random() * 2;
  if (name === 'step') return random() * 0.5;
  return 0.2 + random() * 6;
}

/** The op list of a run: which setting, what value, how many ms the clock moves after. */
function ops(seed: number, n: number): { name: string; value: unknown; ms: number }[] {
  const random = seeded(seed);
  return Array.from({ length: n }, () => {
    const name = PROPERTIES[Math.floor(random() * PROPERTIES.length)];
    return { name, value: valueFor(name, random), ms: random() < 0.2 ? 0 : Math.floor(random() * 3000) };
  });
}

const DRAWING = ['stroke', 'fill', 'fillText', 'strokeText', 'fillRect', 'strokeRect', 'clearRect', 'drawImage'] as const;

/** Values each setting takes in turn in `each()`: good ones, and one bad one for the numbers. */
const EACH: Record<string, unknown[]> = {
  streaming: [true, false],
  interval: [0.7, 1.3, 'x', -1],
  minInterval: [0.3, 0.6, -1],
  maxInterval: [4, 6, 'nope'],
  step: [0.1, 0.02, -3],
  capacity: [500, 1000, 2_000_000, 50],
  backfill: [30, 60, -2],
  samplePeriod: [0.4, 0.6, -1],
  series: [['A', 'B'], ['A', 'B', 'C'], 'x,y'],
  heading: ['One', 'Two', ''],
  sliderLabel: ['One', 'Two'],
  noControls: [true, false],
};

/** Stubs the canvas's drawing calls and counts warnings, until `restore()`. */
function stubbed(): { warnings: () => number; restore: () => void } {
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, unknown>;
  const drawing = Object.fromEntries(DRAWING.map((m) => [m, proto[m]]));
  for (const m of DRAWING) proto[m] = () => {};
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => void warnings++;
  return {
    warnings: () => warnings,
    restore: () => {
      console.warn = warn;
      Object.assign(proto, drawing);
    },
  };
}

const bench = {
  /** The settings `each()` knows. */
  settings: Object.keys(EACH),

  /**
   * What one change of one setting costs: `n` sets of `name` (its values in turn) on a streaming
   * chart, with no time passing between them (a fake clock that only lets microtasks run).
   */
  async each(variant: Name, name: string, n: number): Promise<void> {
    const stubs = stubbed();
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const el = document.createElement(variant === 'element' ? 'data-feed' : 'minimal-feed') as DataFeed;
    el.toggleAttribute('streaming', true);
    document.body.append(el);
    try {
      await el.updateComplete;
      await clock.tickAsync(2000);
      const values = EACH[name];
      for (let i = 0; i < n; i++) {
        (el as unknown as Record<string, unknown>)[name] = values[i % values.length];
        await clock.tickAsync(0);
        await el.updateComplete;
      }
    } finally {
      el.remove();
      clock.restore();
      stubs.restore();
    }
  },

  /**
   * `n` changes of seed `seed` to one streaming chart of `variant`, as properties or attributes,
   * with a few seconds of fake time or none after each; resolves to the warnings, the updates
   * (`data-feed-update` events) and the timers run.
   */
  async run(variant: Name, kind: Kind, seed: number, n: number): Promise<{ warnings: number; updates: number; timers: number }> {
    const stubs = stubbed();
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    // Timers run (their callbacks called): under a fake clock each costs the test a turn of the event loop.
    let timers = 0;
    const originals = { setTimeout: window.setTimeout, setInterval: window.setInterval };
    for (const f of ['setTimeout', 'setInterval'] as const) {
      const original = originals[f];
      (window as unknown as Record<string, unknown>)[f] = (callback: () => void, ms?: number) => original(() => (timers++, callback()), ms);
    }
    const el = document.createElement(variant === 'element' ? 'data-feed' : 'minimal-feed') as DataFeed;
    let updates = 0;
    el.addEventListener('data-feed-update', () => updates++);
    el.toggleAttribute('streaming', true);
    document.body.append(el);
    try {
      await el.updateComplete;
      for (const { name, value, ms } of ops(seed, n)) {
        if (kind === 'property') (el as unknown as Record<string, unknown>)[name] = value;
        else if (BOOLEANS.has(name)) el.toggleAttribute(kebab(name), Boolean(value));
        else el.setAttribute(kebab(name), String(value));
        await clock.tickAsync(ms);
        await el.updateComplete;
      }
    } finally {
      el.remove();
      Object.assign(window, originals);
      clock.restore();
      stubs.restore();
    }
    return { warnings: stubs.warnings(), updates, timers };
  },
};

Object.assign(globalThis, { bench });
