import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import type { DataFeed } from '../../src/data-feed.js';
import { fakeClock, stepChunk } from '../helpers.js';
import { chartCount, keptColumns } from '../harness.js';

// Set by web-test-runner.config.mjs from the FC_SEED environment variable ('' when unset).
declare const __FC_SEED__: string;

/** Generated cases per run: each mounts an element and applies up to 12 hostile sets while it streams. */
const RUNS = 1000;

// ——— the contract's rules, as a model ————————————————————————————————————————————

const SECONDS: [number, number] = [0.001, 86_400];
const CAPACITY: [number, number] = [1, 1_000_000];
const BACKFILL: [number, number] = [0, 365 * 86_400];

const DEFAULTS = {
  interval: 1,
  minInterval: 0.5,
  maxInterval: 5,
  step: 0.01,
  capacity: 100,
  backfill: 60,
  samplePeriod: 0.5,
  series: ['A', 'B'],
  heading: 'Data feed',
  sliderLabel: 'Check for updates every: (seconds)',
  startLabel: 'Start streaming',
  stopLabel: 'Stop streaming',
};

type NumberName = 'interval' | 'minInterval' | 'maxInterval' | 'step' | 'capacity' | 'backfill' | 'samplePeriod';
type TextName = 'heading' | 'sliderLabel' | 'startLabel' | 'stopLabel';

interface Model {
  interval: number;
  minInterval: number;
  maxInterval: number;
  step: number;
  capacity: number;
  backfill: number;
  samplePeriod: number;
  series: string[];
  heading: string;
  sliderLabel: string;
  startLabel: string;
  stopLabel: string;
  streaming: boolean;
  source: unknown;
}

const ATTRIBUTES: Record<string, keyof Model | 'noControls'> = {
  streaming: 'streaming',
  interval: 'interval',
  'min-interval': 'minInterval',
  'max-interval': 'maxInterval',
  step: 'step',
  capacity: 'capacity',
  backfill: 'backfill',
  'sample-period': 'samplePeriod',
  series: 'series',
  heading: 'heading',
  'slider-label': 'sliderLabel',
  'start-label': 'startLabel',
  'stop-label': 'stopLabel',
  'no-controls': 'noControls',
};
const PROPERTIES = [...Object.values(ATTRIBUTES), 'source'] as const;

const clamp = (n: number, [min, max]: [number, number]) => Math.min(max, Math.max(min, n));

/** Any value as text, as the contract's "text is text" reads it (a throwing `toString` reads as nothing). */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** What a value means as a number: `reset` for null/undefined, NaN for what is not a number. */
function numberOf(value: unknown): number | 'reset' {
  if (value === null || value === undefined) return 'reset';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? NaN : Number(value);
  return NaN;
}

/**
 * Applies one set to the model as the contract says; returns whether it was a bad value (one that
 * must log exactly one warning): not a number, out of range (clamped), or a minimum above the maximum.
 */
function applyToModel(model: Model, name: string, value: unknown): boolean {
  switch (name) {
    case 'interval': {
      const n = numberOf(value);
      if (n === 'reset') {
        model.interval = clamp(DEFAULTS.interval, [model.minInterval, model.maxInterval]);
        return false;
      }
      if (Number.isNaN(n)) return true;
      model.interval = clamp(n, [model.minInterval, model.maxInterval]);
      return model.interval !== n;
    }
    case 'minInterval':
    case 'maxInterval': {
      const n = numberOf(value);
      let bad = false;
      let held = model[name];
      if (n === 'reset') held = DEFAULTS[name];
      else if (Number.isNaN(n)) bad = true;
      else {
        held = clamp(n, SECONDS);
        bad = held !== n;
      }
      model[name] = held;
      if (model.maxInterval < model.minInterval) {
        model.maxInterval = model.minInterval;
        bad = true;
      }
      model.interval = clamp(model.interval, [model.minInterval, model.maxInterval]);
      return bad;
    }
    case 'step':
    case 'samplePeriod':
    case 'backfill':
    case 'capacity': {
      const n = numberOf(value);
      if (n === 'reset') {
        model[name] = DEFAULTS[name];
        return false;
      }
      if (Number.isNaN(n)) return true;
      const range = name === 'capacity' ? CAPACITY : name === 'backfill' ? BACKFILL : SECONDS;
      const held = clamp(name === 'capacity' && Number.isFinite(n) ? Math.round(n) : n, range);
      model[name] = held;
      return held !== n;
    }
    case 'series': {
      if (value === null || value === undefined) {
        model.series = [...DEFAULTS.series];
        return false;
      }
      let names: string[];
      if (typeof value === 'string') names = value.split(',');
      else if (Array.isArray(value)) names = value.map(textOf);
      else return true;
      names = names.map((n) => n.trim()).filter((n) => n !== '');
      if (names.length === 0) return true;
      model.series = names;
      return false;
    }
    case 'heading':
    case 'sliderLabel':
    case 'startLabel':
    case 'stopLabel':
      model[name as TextName] = value === null || value === undefined ? DEFAULTS[name as TextName] : textOf(value);
      return false;
    case 'streaming':
      model.streaming = Boolean(value);
      return false;
    case 'source':
      if (value === null || value === undefined) model.source = null;
      else if (typeof value === 'function') model.source = value;
      else return true;
      return false;
    default: // noControls: any value, read as true or false
      return false;
  }
}

// ——— hostile values ——————————————————————————————————————————————————————————————

const throwing = () => ({
  toString() {
    throw new Error('toString');
  },
  valueOf() {
    throw new Error('valueOf');
  },
  [Symbol.toPrimitive]: undefined,
});

const specialNumbers = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  2 ** 53,
  0.0005,
  0.5,
  1.5,
  2.5,
  1_000_000.4,
  1_000_000.6,
);
const numbers = fc.oneof(
  specialNumbers,
  fc.double(), // any double, NaN and ±Infinity included
  fc.double({ min: 0, max: 10, noNaN: true }), // mostly in range
  fc.integer({ min: -5, max: 2_000_000 }),
);
const specialText = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  ' 2 ',
  '1,5',
  '1_000',
  'null',
  'undefined',
  ',,',
  'a,b,c',
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=1</script>',
  '\u0000\u202e',
);
const text = fc.oneof(specialText, fc.string(), numbers.map(String), fc.string({ unit: 'grapheme', maxLength: 8 }));

// Sources, when a function lands on `source`: some good, most hostile. The good one answers at most
// the newest 1,000 points (backfill may be a year: 63 million points at this pace).
const goodSource = (series: number) => (since: number, now: number) => stepChunk(Math.max(since, now - 500_000), now, 500, series);
const sources = fc.constantFrom(
  () => {
    throw new Error('source threw');
  },
  () => null,
  () => 'not a chunk',
  () => ({ time: [1, 2], values: [[1]] }),
  (since: number, now: number) => ({ time: [now, since, now, NaN, Infinity], values: [['x', null, {}, 1, 2], [1, 2, 3, 4, 5]] }),
  goodSource(2),
  goodSource(1),
  goodSource(3),
);
const others = fc.oneof(
  fc.constantFrom(null, undefined, true, false, [], {}, [[]], ['', ' '], ['<b>x</b>', '</script>']),
  fc.constant(0).map(throwing),
  fc.constant(0).map(() => [throwing(), 'ok']),
  fc.string().map((s) => Symbol(s)),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.oneof(fc.string(), numbers, fc.constant(null)), { maxLength: 5 }),
  fc.object({ maxDepth: 1 }),
  fc.anything({ maxDepth: 1 }),
  fc.func(fc.anything({ maxDepth: 1 })),
  sources,
);
const anyValue = fc.oneof(text, numbers, others);

type Op =
  | { kind: 'attribute'; name: string; value: string; ms: number }
  | { kind: 'remove'; name: string; ms: number }
  | { kind: 'property'; name: string; value: unknown; ms: number };

const pause = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('attribute' as const), name: fc.constantFrom(...Object.keys(ATTRIBUTES)), value: text, ms: pause }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), name: fc.constantFrom(...Object.keys(ATTRIBUTES)), ms: pause }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('property' as const), name: fc.constantFrom(...PROPERTIES), value: anyValue, ms: pause }) },
);

// ——— the test ——————————————————————————————————————————————————————————————————————

function checkHeld(el: DataFeed, model: Model, context: string): void {
  const held = {
    interval: el.interval,
    minInterval: el.minInterval,
    maxInterval: el.maxInterval,
    step: el.step,
    capacity: el.capacity,
    backfill: el.backfill,
    samplePeriod: el.samplePeriod,
  };
  for (const [name, value] of Object.entries(held)) expect(Number.isFinite(value), `${context}: ${name} = ${value}`).to.equal(true);
  expect(held.minInterval, context).to.be.at.least(SECONDS[0]);
  expect(held.minInterval, context).to.be.at.most(held.maxInterval);
  expect(held.interval, context).to.be.within(held.minInterval, held.maxInterval);
  expect(held.step, context).to.be.at.least(SECONDS[0]);
  expect(held.samplePeriod, context).to.be.at.least(SECONDS[0]);
  expect(held.backfill, context).to.be.at.least(0);
  expect(Number.isInteger(held.capacity) && held.capacity >= 1 && held.capacity <= 1_000_000, `${context}: capacity ${held.capacity}`).to.equal(true);
  // And exactly what the contract says it should hold.
  const expected: Record<string, unknown> = {};
  for (const name of Object.keys(held)) expected[name] = model[name as NumberName];
  expect(held, context).to.deep.equal(expected);
  expect(el.series, context).to.deep.equal(model.series);
  expect([el.heading, el.sliderLabel, el.startLabel, el.stopLabel], context).to.deep.equal([
    model.heading,
    model.sliderLabel,
    model.startLabel,
    model.stopLabel,
  ]);
  expect(el.streaming, context).to.equal(model.streaming);
  expect(el.source, context).to.equal(model.source);
}

/**
 * The kept points are consistent: times finite and strictly increasing, one column per series, each as
 * long as time. Read from the buffer's views (no copy: a case may keep a million points).
 */
function checkData(el: DataFeed, context: string): void {
  const [time, ...values] = keptColumns(el);
  expect(values, context).to.have.length(el.series.length);
  for (const column of values) expect(column.length, context).to.equal(time.length);
  expect(time.length, context).to.be.at.most(el.capacity);
  let previous = -Infinity;
  for (let i = 0; i < time.length; i++) {
    if (!(time[i] > previous && Number.isFinite(time[i]))) expect.fail(`${context}: time[${i}] = ${time[i]} after ${previous}`);
    previous = time[i];
  }
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : typeof value);

describe('reliability: hostile attribute and property values', () => {
  it(`never throw, never leave a value out of range, keep it drawing, warn once per bad set (${RUNS} cases)`, async function () {
    this.timeout(120_000);
    const seed = __FC_SEED__ ? Number(__FC_SEED__) : Date.now() % 2 ** 31; // fast-check takes a 32-bit seed
    // Printed so a failure can be replayed: FC_SEED=<seed> npx wtr --files test/reliability/hostile-values.test.ts
    console.log(`hostile-values: fast-check seed ${seed} (replay with FC_SEED=${seed})`);

    const clock = fakeClock();
    const warn = sinon.stub(console, 'warn');
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const started = performance.now();
    let cases = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
          cases++;
          warn.resetHistory();
          const el = document.createElement('data-feed') as DataFeed;
          el.setAttribute('streaming', '');
          document.body.append(el);
          try {
            await el.updateComplete;
            const model: Model = { ...DEFAULTS, series: [...DEFAULTS.series], streaming: true, source: null };
            checkHeld(el, model, 'initial');
            for (const [index, step] of ops.entries()) {
              const context = `op ${index} ${step.kind} ${step.name}${'value' in step ? ` = ${show(step.value)}` : ''}`;
              const property = step.kind === 'property' ? step.name : ATTRIBUTES[step.name];
              const before = warn.callCount;
              let bad = false;
              if (step.kind === 'remove') {
                if (el.hasAttribute(step.name)) {
                  bad = applyToModel(model, property, step.name === 'streaming' || step.name === 'no-controls' ? false : null);
                }
                el.removeAttribute(step.name);
              } else if (step.kind === 'attribute') {
                bad = applyToModel(model, property, step.name === 'streaming' || step.name === 'no-controls' ? true : step.value);
                el.setAttribute(step.name, step.value);
              } else {
                bad = applyToModel(model, property, step.value);
                (el as unknown as Record<string, unknown>)[step.name] = step.value;
              }
              const warnings = warn.getCalls().slice(before).map((call) => String(call.args[0]));
              expect(warnings, `${context}: warnings`).to.have.length(bad ? 1 : 0);
              if (bad) expect(warnings[0], context).to.contain(step.kind === 'property' ? step.name : `attribute ${step.name}`);
              checkHeld(el, model, context);
              checkData(el, context);

              // Streaming goes on between sets.
              clock.tick(step.ms);
              await el.updateComplete;
              expect(warn.callCount, `${context}: warned while streaming`).to.equal(before + (bad ? 1 : 0));
              checkHeld(el, model, `${context}, after ${step.ms} ms`);
              checkData(el, `${context}, after ${step.ms} ms`);
            }
            // It still works: a good source draws.
            const series = el.series.length;
            el.source = goodSource(series);
            el.backfill = 60;
            await el.refresh();
            checkData(el, 'after a good refresh');
            const { time, values } = el.data;
            expect(time.length, 'after a good refresh').to.be.greaterThan(0);
            expect(values.map((column) => column.length)).to.deep.equal(el.series.map(() => time.length));
            expect(chartCount(el), 'one chart').to.equal(1);
            expect(errors, 'uncaught errors').to.deep.equal([]);
            expect((window as { __pwned?: unknown }).__pwned, 'markup ran').to.equal(undefined);
          } finally {
            el.remove();
          }
          expect(clock.countTimers(), 'timers left after removal').to.equal(0);
        }),
        { numRuns: RUNS, seed, includeErrorInReport: true },
      );
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      warn.restore();
      clock.restore();
    }
    console.log(`hostile-values: ${cases} cases in ${Math.round(performance.now() - started)} ms`);
    expect(cases).to.be.at.least(RUNS);
  });
});
