import { expect } from '@open-wc/testing';
import { BoundedBuffer, MAX_CAPACITY } from '../../src/core/buffer.js';
import { scratchOf } from '../harness.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('BoundedBuffer', () => {
  it('starts empty', () => {
    const buffer = new BoundedBuffer(2, 10);
    expect(buffer.size).to.equal(0);
    expect(buffer.lastTime).to.equal(-Infinity);
    expect(buffer.snapshot()).to.deep.equal({ time: [], values: [[], []] });
    expect(buffer.valueRange()).to.equal(null);
  });

  it('appends columns and reports what it accepted', () => {
    const buffer = new BoundedBuffer(2, 10);
    expect(buffer.append([1, 2, 3], [[10, 20, 30], [-1, -2, -3]])).to.deep.equal({ added: 3, dropped: 0 });
    expect(buffer.snapshot()).to.deep.equal({ time: [1, 2, 3], values: [[10, 20, 30], [-1, -2, -3]] });
    expect(buffer.lastTime).to.equal(3);
    expect(buffer.valueRange()).to.deep.equal([-3, 30]);
  });

  it('keeps only the newest `capacity` points, counting what it dropped', () => {
    const buffer = new BoundedBuffer(1, 5);
    buffer.append(range(0, 4), [range(100, 104)]);
    expect(buffer.append(range(4, 7), [range(104, 107)])).to.deep.equal({ added: 3, dropped: 2 });
    expect(buffer.snapshot()).to.deep.equal({ time: range(2, 7), values: [range(102, 107)] });
  });

  it('takes a chunk longer than the capacity: added counts all, dropped the excess', () => {
    const buffer = new BoundedBuffer(1, 5);
    buffer.append([0, 1], [[0, 1]]);
    expect(buffer.append(range(2, 22), [range(2, 22)])).to.deep.equal({ added: 20, dropped: 17 });
    expect(buffer.snapshot().time).to.deep.equal(range(17, 22));
  });

  it('skips points whose time is not finite or not after the last kept point', () => {
    const buffer = new BoundedBuffer(1, 100);
    buffer.append([5], [[0]]);
    const result = buffer.append([NaN, 4, 5, Infinity, -Infinity, null, 'x', 6, 6, 7, 6.5, '8'] as unknown[], [
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    ]);
    expect(result).to.deep.equal({ added: 3, dropped: 0 });
    expect(buffer.snapshot()).to.deep.equal({ time: [5, 6, 7, 8], values: [[0, 8, 10, 12]] });
  });

  it('keeps infinite values as NaN gaps (they cannot be drawn), -0 as it is', () => {
    const buffer = new BoundedBuffer(1, 10);
    buffer.append([1, 2, 3, 4], [[Infinity, -Infinity, -0, 1]]);
    expect(buffer.snapshot().values).to.deep.equal([[NaN, NaN, -0, 1]]);
    expect(buffer.gapCount(0)).to.equal(2);
    expect(buffer.valueRange()).to.deep.equal([-0, 1]);
  });

  it('all or nothing: an entry that throws when read leaves the buffer as it was', () => {
    const buffer = new BoundedBuffer(2, 3);
    buffer.append([1, 2, 3], [[1, 2, 3], [4, 5, NaN]]);
    const column = [7, 8];
    Object.defineProperty(column, 1, {
      get() {
        throw new Error('entry');
      },
    });
    expect(() => buffer.append([4, 5], [[7, 8], column])).to.throw('entry');
    expect(buffer.snapshot()).to.deep.equal({ time: [1, 2, 3], values: [[1, 2, 3], [4, 5, NaN]] });
    expect(buffer.gapCount(1)).to.equal(1);
  });

  it('reads each entry once, however it answers when read again', () => {
    const buffer = new BoundedBuffer(1, 2);
    buffer.append([1, 2], [[1, 2]]);
    // Each entry answers once, then reads as NaN.
    const once = (items: number[]) => {
      const read = new Set<string>();
      return new Proxy(items, {
        get: (target, key, receiver) => {
          if (typeof key !== 'string' || !/^\d+$/.test(key)) return Reflect.get(target, key, receiver);
          if (read.has(key)) return NaN;
          read.add(key);
          return target[Number(key)];
        },
      });
    };
    expect(buffer.append(once([3, 4, 5]), [once([30, 40, 50])])).to.deep.equal({ added: 3, dropped: 3 });
    expect(buffer.snapshot()).to.deep.equal({ time: [4, 5], values: [[40, 50]] });
    expect(buffer.gapCount(0)).to.equal(0);
  });

  it('holds no large scratch after a large chunk', () => {
    const buffer = new BoundedBuffer(2, 100_000);
    const time = range(0, 50_000);
    buffer.append(time, [time, time]);
    expect(scratchOf(buffer)).to.deep.equal({ length: 0, staged: 0 });
    buffer.append([50_000], [[1], [2]]);
    expect(scratchOf(buffer).length).to.be.at.most(8);
  });

  it('keeps values that are not numbers as NaN gaps and counts them per series', () => {
    const buffer = new BoundedBuffer(2, 3);
    buffer.append([1, 2, 3], [[1, null, 'x'], [1, 2, NaN]] as unknown[][]);
    const { values } = buffer.snapshot();
    expect(values[0][0]).to.equal(1);
    expect(values[0][1]).to.be.NaN;
    expect(values[0][2]).to.be.NaN;
    expect(buffer.gapCount(0)).to.equal(2);
    expect(buffer.gapCount(1)).to.equal(1);
    expect(buffer.valueRange()).to.deep.equal([1, 2]);
    // Trimming the oldest forgets its gaps too.
    buffer.append([4, 5], [[4, 5], [4, 5]]);
    expect(buffer.gapCount(0)).to.equal(1);
    expect(buffer.gapCount(1)).to.equal(1);
    buffer.append([6], [[6], [6]]);
    expect(buffer.gapCount(0)).to.equal(0);
    expect(buffer.gapCount(1)).to.equal(0);
  });

  it('hands out views of its storage, not copies, until the next change', () => {
    const buffer = new BoundedBuffer(1, 10);
    buffer.append([1, 2], [[3, 4]]);
    const columns = buffer.columns();
    expect(columns).to.equal(buffer.columns());
    expect(columns[0]).to.be.instanceOf(Float64Array);
    expect(columns[0].buffer).to.equal(columns[0].subarray(0).buffer);
    buffer.append([3], [[5]]);
    expect(buffer.columns()).not.to.equal(columns);
    expect(Array.from(buffer.columns()[1])).to.deep.equal([3, 4, 5]);
  });

  it('appends in amortised O(1): copying stays a small constant per point, whatever the capacity', () => {
    const moved = { count: 0 };
    const copyWithin = Float64Array.prototype.copyWithin;
    const set = Float64Array.prototype.set;
    Float64Array.prototype.copyWithin = function (this: Float64Array, target: number, start: number, end?: number) {
      moved.count += (end ?? this.length) - start;
      return copyWithin.call(this, target, start, end);
    };
    Float64Array.prototype.set = function (this: Float64Array, array: ArrayLike<number>, offset?: number) {
      moved.count += array.length;
      return set.call(this, array, offset);
    };
    try {
      for (const capacity of [100, 10_000, 200_000]) {
        moved.count = 0;
        const buffer = new BoundedBuffer(1, capacity);
        const appends = 3 * capacity;
        for (let t = 0; t < appends; t++) buffer.append([t], [[t]]);
        // Two columns (time and one series): a naive shift would move ~capacity per point.
        expect(moved.count / appends / 2, `capacity ${capacity}`).to.be.below(5);
        expect(buffer.size).to.equal(capacity);
        expect(buffer.lastTime).to.equal(appends - 1);
      }
    } finally {
      Float64Array.prototype.copyWithin = copyWithin;
      Float64Array.prototype.set = set;
    }
  });

  it('grows storage lazily: a large capacity costs nothing until points arrive', () => {
    const buffer = new BoundedBuffer(2, MAX_CAPACITY);
    expect(buffer.columns()[0].buffer.byteLength).to.equal(0);
    buffer.append([1], [[1], [1]]);
    expect(buffer.columns()[0].buffer.byteLength).to.be.below(1024);
  });

  it('holds a million points', () => {
    const buffer = new BoundedBuffer(2, MAX_CAPACITY);
    const n = MAX_CAPACITY + 10;
    const time = new Float64Array(n).map((_, i) => i);
    expect(buffer.append(time, [time, time])).to.deep.equal({ added: n, dropped: 10 });
    expect(buffer.size).to.equal(MAX_CAPACITY);
    expect(buffer.columns()[0][0]).to.equal(10);
    expect(buffer.lastTime).to.equal(n - 1);
  });

  it('lowering the capacity drops the oldest at once; raising it keeps everything', () => {
    const buffer = new BoundedBuffer(1, 10);
    buffer.append(range(0, 10), [range(0, 10)]);
    expect(buffer.setCapacity(4)).to.equal(6);
    expect(buffer.snapshot().time).to.deep.equal([6, 7, 8, 9]);
    expect(buffer.setCapacity(20)).to.equal(0);
    buffer.append(range(10, 20), [range(10, 20)]);
    expect(buffer.size).to.equal(14);
  });

  it('gives memory back when the capacity falls far', () => {
    const buffer = new BoundedBuffer(1, 100_000);
    buffer.append(range(0, 100_000), [range(0, 100_000)]);
    buffer.setCapacity(10);
    expect(buffer.columns()[0].buffer.byteLength).to.be.below(100_000);
    expect(buffer.snapshot().time).to.deep.equal(range(99_990, 100_000));
  });

  it('clear() forgets everything and returns how many there were', () => {
    const buffer = new BoundedBuffer(1, 10);
    buffer.append([1, 2], [[NaN, 1]]);
    expect(buffer.clear()).to.equal(2);
    expect(buffer.size).to.equal(0);
    expect(buffer.gapCount(0)).to.equal(0);
    expect(buffer.lastTime).to.equal(-Infinity);
    expect(buffer.append([0], [[0]])).to.deep.equal({ added: 1, dropped: 0 });
  });

  it('returns copies from snapshot(): changing them changes nothing kept', () => {
    const buffer = new BoundedBuffer(1, 10);
    buffer.append([1], [[1]]);
    const copy = buffer.snapshot();
    copy.time[0] = 99;
    copy.values[0][0] = 99;
    expect(buffer.snapshot()).to.deep.equal({ time: [1], values: [[1]] });
  });

  it('refuses impossible shapes', () => {
    expect(() => new BoundedBuffer(0, 10)).to.throw(RangeError);
    expect(() => new BoundedBuffer(1, 0)).to.throw(RangeError);
    expect(() => new BoundedBuffer(1, MAX_CAPACITY + 1)).to.throw(RangeError);
    expect(() => new BoundedBuffer(1, 1.5)).to.throw(RangeError);
  });

  it('matches a naive model over random appends (times, values, trimming)', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const capacity of [1, 2, 7, 64, 300]) {
      const buffer = new BoundedBuffer(2, capacity);
      const model: [number, number, number][] = [];
      let t = 0;
      for (let step = 0; step < 300; step++) {
        const n = Math.floor(random() * (capacity * 2 + 3));
        const time: number[] = [];
        const a: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < n; i++) {
          // mostly increasing, sometimes repeated or going back
          t += random() < 0.1 ? -1 : random() < 0.1 ? 0 : 1;
          time.push(t);
          a.push(random());
          b.push(-random());
        }
        const before = model.length;
        let last = model.length ? model[model.length - 1][0] : -Infinity;
        let added = 0;
        time.forEach((time, i) => {
          if (time > last) {
            model.push([time, a[i], b[i]]);
            last = time;
            added++;
          }
        });
        const dropped = Math.max(0, model.length - capacity);
        model.splice(0, dropped);
        expect(buffer.append(time, [a, b])).to.deep.equal({ added, dropped });
        expect(buffer.size).to.equal(before + added - dropped);
      }
      expect(buffer.snapshot()).to.deep.equal({
        time: model.map((p) => p[0]),
        values: [model.map((p) => p[1]), model.map((p) => p[2])],
      });
    }
  });
});
