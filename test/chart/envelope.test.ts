import { expect } from '@open-wc/testing';
import { BoundedBuffer, type Columns } from '../../src/core/buffer.js';
import { Envelope } from '../../src/chart/envelope.js';
import { foldSpy, writeSpy } from '../harness.js';

let seed = 99;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/** Appends `n` points one ms apart after the buffer's last, with occasional NaN. */
function feed(buffer: BoundedBuffer, n: number) {
  const start = buffer.size ? buffer.lastTime + 1 : 0;
  const time = Array.from({ length: n }, (_, i) => start + i + random() * 0.5);
  const values = Array.from({ length: buffer.seriesCount }, () => time.map(() => (random() < 0.01 ? NaN : random() * 100 - 50)));
  buffer.append(time, values);
}

/** Checks what M4 promises against the points themselves: per bucket, first, last, min, max and a NaN. */
function expectFaithful(envelope: Envelope, source: Columns, drawn: Columns) {
  const [time, ...series] = source;
  const [dTime, ...dSeries] = drawn;
  const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
  const sourceIndex = new Map<number, number>();
  time.forEach((t, i) => sourceIndex.set(t, i));
  const drawnIndex = new Map<number, number>();
  const problems: string[] = [];
  for (let j = 0; j < dTime.length; j++) {
    const i = sourceIndex.get(dTime[j]);
    if (i === undefined) problems.push(`drawn time ${dTime[j]} is not a real point`);
    else if (!series.every((column, s) => same(dSeries[s][j], column[i]))) problems.push(`values at ${dTime[j]} differ`);
    if (j > 0 && !(dTime[j] > dTime[j - 1])) problems.push(`time order broken at ${j}`);
    drawnIndex.set(dTime[j], j);
  }
  // Per bucket: its first and last point, and per series its extremes and a NaN, are drawn.
  let from = 0;
  while (from < time.length) {
    const key = Math.floor(time[from] / envelope.bucketMs);
    let to = from;
    while (to + 1 < time.length && Math.floor(time[to + 1] / envelope.bucketMs) === key) to++;
    if (!drawnIndex.has(time[from]) || !drawnIndex.has(time[to])) problems.push(`bucket ${key}: first or last missing`);
    series.forEach((column, s) => {
      let min = Infinity;
      let max = -Infinity;
      let nan = false;
      const drawnValues: number[] = [];
      for (let i = from; i <= to; i++) {
        const v = column[i];
        if (Number.isNaN(v)) nan = true;
        else {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        const j = drawnIndex.get(time[i]);
        if (j !== undefined) drawnValues.push(dSeries[s][j]);
      }
      if (min <= max && (!drawnValues.includes(min) || !drawnValues.includes(max))) problems.push(`bucket ${key}: extremes of series ${s} missing`);
      if (nan && !drawnValues.some(Number.isNaN)) problems.push(`bucket ${key}: gap of series ${s} missing`);
    });
    from = to + 1;
  }
  expect(problems.slice(0, 5)).to.deep.equal([]);
}

describe('Envelope', () => {
  it('summarises many points into a few per pixel, faithfully', () => {
    const buffer = new BoundedBuffer(2, 20_000);
    feed(buffer, 20_000);
    const envelope = new Envelope();
    envelope.update(buffer.columns(), buffer.firstSeq, 400);
    const drawn = envelope.columns(buffer.columns(), buffer.firstSeq);
    expect(drawn[0].length).to.be.below(400 * 3 * 8 + 10);
    expect(drawn[0].length).to.be.below(buffer.size / 2);
    expectFaithful(envelope, buffer.columns(), drawn);
    expect(drawn[0][0]).to.equal(buffer.columns()[0][0]);
    expect(drawn[0][drawn[0].length - 1]).to.equal(buffer.lastTime);
  });

  it('stays faithful as points stream in and the oldest leave, updating incrementally', () => {
    const buffer = new BoundedBuffer(2, 5_000);
    feed(buffer, 5_000);
    const envelope = new Envelope();
    envelope.update(buffer.columns(), buffer.firstSeq, 300);
    const bucketMs = envelope.bucketMs;
    for (let step = 0; step < 40; step++) {
      feed(buffer, 1 + Math.floor(random() * 60));
      envelope.update(buffer.columns(), buffer.firstSeq, 300);
      expectFaithful(envelope, buffer.columns(), envelope.columns(buffer.columns(), buffer.firstSeq));
    }
    expect(envelope.bucketMs, 'a sliding window of constant span never rebuilds').to.equal(bucketMs);
  });

  it('costs what is appended, not the number of points', () => {
    const buffer = new BoundedBuffer(2, 200_000);
    feed(buffer, 200_000);
    const envelope = new Envelope();
    envelope.update(buffer.columns(), buffer.firstSeq, 800);
    const fold = foldSpy(envelope);
    try {
      feed(buffer, 2);
      envelope.update(buffer.columns(), buffer.firstSeq, 800);
      expect(fold.callCount).to.equal(2);
    } finally {
      fold.restore();
    }
    expect(envelope.buckets).to.be.below(800 * 7);
  });

  it('writes again only the drawn points of the buckets that changed', () => {
    const buffer = new BoundedBuffer(2, 200_000);
    feed(buffer, 200_000);
    const envelope = new Envelope();
    envelope.update(buffer.columns(), buffer.firstSeq, 800);
    envelope.columns(buffer.columns(), buffer.firstSeq);
    const write = writeSpy(envelope);
    try {
      for (let step = 0; step < 50; step++) {
        write.resetHistory();
        feed(buffer, 1 + Math.floor(random() * 300));
        envelope.update(buffer.columns(), buffer.firstSeq, 800);
        const drawn = envelope.columns(buffer.columns(), buffer.firstSeq);
        // The newest bucket or two, the new ones, and the oldest (it lost points).
        expect(write.callCount).to.be.at.most(6);
        if (step % 10 === 0) expectFaithful(envelope, buffer.columns(), drawn);
      }
    } finally {
      write.restore();
    }
    expect(envelope.buckets).to.be.above(1000);
  });

  it('gives the range of finite values', () => {
    const buffer = new BoundedBuffer(1, 10_000);
    const time = Array.from({ length: 10_000 }, (_, i) => i);
    buffer.append(time, [time.map((t) => (t === 0 ? NaN : Math.sin(t) * (t === 5000 ? 9 : 1)))]);
    const envelope = new Envelope();
    envelope.update(buffer.columns(), buffer.firstSeq, 100);
    const [min, max] = envelope.valueRange()!;
    const finite = buffer.snapshot().values[0].filter((v) => !Number.isNaN(v));
    expect(min).to.equal(Math.min(...finite));
    expect(max).to.equal(Math.max(...finite));
  });

  it('rebuilds when the points are replaced (clear) or the shape changes, and empties on no points', () => {
    const buffer = new BoundedBuffer(1, 1000);
    feed(buffer, 1000);
    const envelope = new Envelope();
    envelope.update(buffer.columns(), buffer.firstSeq, 50);
    buffer.clear();
    envelope.update(buffer.columns(), buffer.firstSeq, 50);
    expect(envelope.buckets).to.equal(0);
    feed(buffer, 500);
    envelope.update(buffer.columns(), buffer.firstSeq, 50);
    expectFaithful(envelope, buffer.columns(), envelope.columns(buffer.columns(), buffer.firstSeq));
  });
});
