// Node-side checks of the pure parts of the reference server: npx tsx --test server/*.check.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../src/feeds/formats.js';
import { Faults } from './faults.js';
import { fakeMachine } from './fake-machine.js';
import { Metrics } from './metrics.js';
import { readTestSeries, testPoints, testValue, type TestSeries } from './test-series.js';
import { encode, negotiate, type Format, type Point } from './wire.js';

describe('Metrics', () => {
  it('samples CPU use from the change in CPU times, memory in use in MB, and the 1-minute load', () => {
    let now = 1_000;
    const { machine, state, run } = fakeMachine();
    const metrics = new Metrics({ now: () => now, machine });
    run();
    now += 500;
    assert.deepEqual(metrics.sample(), { time: 1_500, cpu: 25, memory: 2048, load: 0.5 });
    state.busy = 100 / 3;
    state.used = 1000.04;
    state.load = 1.234;
    run();
    now += 500;
    assert.deepEqual(metrics.sample(), { time: 2_000, cpu: 33.3, memory: 1000, load: 1.23 });
  });

  it('gives a gap for CPU use when the CPU times did not move', () => {
    const metrics = new Metrics({ now: () => 1, machine: fakeMachine().machine });
    assert.ok(Number.isNaN(metrics.sample().cpu));
  });

  it('keeps the history asked for, answers the points after since and before now, and tells listeners', () => {
    let now = 0;
    const metrics = new Metrics({ now: () => now, machine: fakeMachine().machine, history: 2_000 });
    const heard: number[] = [];
    const stop = metrics.subscribe((point) => heard.push(point.time));
    for (let i = 0; i < 10; i++) {
      now += 500;
      metrics.sample();
    }
    assert.deepEqual(
      metrics.points(-Infinity, Infinity).map((p) => p.time),
      [3_500, 4_000, 4_500, 5_000],
    );
    assert.deepEqual(
      metrics.points(3_500, 5_000).map((p) => p.time),
      [4_000, 4_500],
    );
    stop();
    now += 500;
    metrics.sample();
    assert.equal(heard.length, 10);
  });

  it('keeps no sample taken when the clock stood still or stepped back', () => {
    let now = 1_000;
    const metrics = new Metrics({ now: () => now, machine: fakeMachine().machine });
    metrics.sample();
    metrics.sample();
    now = 500;
    metrics.sample();
    assert.deepEqual(
      metrics.points(-Infinity, Infinity).map((p) => p.time),
      [1_000],
    );
  });
});

describe('test series', () => {
  const series = readTestSeries(new URLSearchParams('step=100&names=A,B,C&gapEvery=4')) as TestSeries;

  it('has a point at every multiple of step, valued k mod 1000 + 1000·i, gaps every gapEvery', () => {
    assert.deepEqual(testPoints(series, 99_950, 100_300), [
      { time: 100_000, values: [NaN, NaN, NaN] },
      { time: 100_100, values: [1, 1001, 2001] },
      { time: 100_200, values: [2, 1002, 2002] },
    ]);
    assert.equal(testValue(series, -1, 0), 999);
  });

  it('answers after since and before now, or up to now inclusive', () => {
    assert.deepEqual(
      testPoints(series, 100_100, 100_300).map((p) => p.time),
      [100_200],
    );
    assert.deepEqual(
      testPoints(series, 100_100, 100_300, true).map((p) => p.time),
      [100_200, 100_300],
    );
  });

  it('reaches back at most an hour', () => {
    assert.equal(testPoints(series, 0, 10_000_000).length, 35_999);
  });

  it('refuses bad queries', () => {
    for (const query of ['step=10', 'step=1.5', 'names=A,,B', 'names=time', 'gapEvery=-1']) {
      assert.equal(typeof readTestSeries(new URLSearchParams(query)), 'string', query);
    }
  });
});

describe('wire formats', () => {
  const names = ['cpu', 'mem, MB'];
  const points: Point[] = [
    { time: 1_767_268_800_000, values: [12.5, NaN] },
    { time: 1_767_268_800_500, values: [-0.25, 300] },
  ];

  for (const format of ['objects', 'rows', 'columns', 'csv', 'ndjson'] as Format[]) {
    for (const iso of [false, true]) {
      it(`writes ${format}${iso ? ' with ISO times' : ''} as the element reads it`, () => {
        const { body, type } = encode(format, names, points, { iso });
        const discover = format !== 'rows' && format !== 'columns';
        const answer = parseFeed(body, { names: discover ? ['A'] : names, discover, contentType: type });
        assert.deepEqual(answer.names, names);
        assert.deepEqual(answer.chunk, { time: [1_767_268_800_000, 1_767_268_800_500], values: [[12.5, -0.25], [NaN, 300]] });
      });
    }
  }

  it('writes one point as one object or one row when asked', () => {
    assert.equal(encode('objects', ['A'], [points[0]], { single: true }).body, '{"time":1767268800000,"A":12.5}');
    assert.equal(encode('rows', ['A'], [points[0]], { single: true }).body, '[1767268800000,12.5]');
    assert.equal(encode('objects', ['A'], [], { single: true }).body, '[]');
  });

  it('picks the format from ?format=, else from Accept by preference, else objects', () => {
    assert.equal(negotiate('rows', 'text/csv'), 'rows');
    assert.equal(negotiate('xml', undefined), null);
    assert.equal(negotiate('csv', undefined, ['objects', 'rows', 'columns']), null);
    assert.equal(negotiate(null, 'text/csv'), 'csv');
    assert.equal(negotiate(null, 'application/json;q=0.5, application/x-ndjson'), 'ndjson');
    assert.equal(negotiate(null, 'text/html, text/csv;q=0.9, */*;q=0.8'), 'csv');
    assert.equal(negotiate(null, 'text/csv;q=0'), 'objects');
    assert.equal(negotiate(null, undefined), 'objects');
  });
});

describe('Faults', () => {
  it('spoils the next matching requests, count times, first in first out', () => {
    const faults = new Faults();
    faults.add({ kind: 'error', count: 2, transport: 'poll', path: '/metrics/cpu' });
    faults.add({ kind: 'drop' });
    assert.equal(faults.take('sse', '/metrics/cpu')?.kind, 'drop');
    assert.equal(faults.take('poll', '/metrics/memory'), undefined);
    assert.equal(faults.take('poll', '/metrics/cpu')?.kind, 'error');
    assert.equal(faults.take('poll', '/metrics/cpu/')?.kind, 'error');
    assert.equal(faults.take('poll', '/metrics/cpu'), undefined);
  });

  it('refuses what is no fault', () => {
    const faults = new Faults();
    assert.throws(() => faults.add({ kind: 'boom' as never }), TypeError);
    assert.throws(() => faults.add({ kind: 'error', count: 0 }), TypeError);
    assert.throws(() => faults.add({ kind: 'slow', delay: -1 }), TypeError);
    assert.throws(() => faults.add({ kind: 'slow', transport: 'carrier pigeon' as never }), TypeError);
    assert.deepEqual(faults.list(), []);
  });
});
