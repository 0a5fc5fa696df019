import { expect } from '@open-wc/testing';
import { checkChunk, toNumber } from '../../src/core/chunk.js';

describe('checkChunk', () => {
  it('returns a well-formed chunk as it is', () => {
    const chunk = { time: [1, 2], values: [[1, 2], new Float64Array([3, 4])] };
    expect(checkChunk(chunk, 2)).to.equal(chunk);
  });

  it('accepts typed arrays and empty columns', () => {
    expect(() => checkChunk({ time: new Float64Array(0), values: [new Float64Array(0)] }, 1)).not.to.throw();
  });

  const malformed: [string, unknown, RegExp][] = [
    ['null', null, /object/],
    ['a number', 42, /object/],
    ['a string', 'time', /object/],
    ['no time', { values: [[1]] }, /time must be array-like/],
    ['time as a string', { time: '12', values: [[1, 2]] }, /time must be array-like/],
    ['no values', { time: [1] }, /values must be an array/],
    ['too few columns', { time: [1], values: [[1]] }, /2 columns.*got 1/],
    ['too many columns', { time: [1], values: [[1], [2], [3]] }, /2 columns.*got 3/],
    ['a column that is not array-like', { time: [1], values: [[1], 5] }, /values\[1\] must be array-like/],
    ['columns of unequal length', { time: [1, 2], values: [[1, 2], [1]] }, /values\[1\] has 1 entries but chunk.time has 2/],
    ['a negative length', { time: { length: -1 }, values: [[], []] }, /time must be array-like/],
  ];
  for (const [what, chunk, message] of malformed) {
    it(`throws a TypeError for ${what}`, () => {
      expect(() => checkChunk(chunk, 2)).to.throw(TypeError, message);
    });
  }
});

describe('toNumber', () => {
  it('reads numbers, numeric text, bigints and dates', () => {
    expect(toNumber(1.5)).to.equal(1.5);
    expect(toNumber(' 2 ')).to.equal(2);
    expect(toNumber(3n)).to.equal(3);
    expect(toNumber(new Date(1000))).to.equal(1000);
    expect(toNumber(Infinity)).to.equal(Infinity);
  });

  it('reads everything else as NaN', () => {
    for (const entry of [null, undefined, '', 'abc', true, {}, [], Symbol('s'), () => 1]) {
      expect(toNumber(entry), String(typeof entry)).to.be.NaN;
    }
  });
});
