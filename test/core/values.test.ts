import { expect } from '@open-wc/testing';
import { readNumber, readSeries, readText, sameNames, toText } from '../../src/core/values.js';

const range = { min: 0.5, max: 5, fallback: 2, reset: 1 };

describe('readNumber', () => {
  it('takes numbers and numeric text in range as they are', () => {
    expect(readNumber(3, range)).to.deep.equal({ value: 3 });
    expect(readNumber(' 0.5 ', range)).to.deep.equal({ value: 0.5 });
  });

  it('clamps out-of-range numbers, infinities included, and says so', () => {
    expect(readNumber(10, range).value).to.equal(5);
    expect(readNumber('-1', range).value).to.equal(0.5);
    expect(readNumber(Infinity, range).value).to.equal(5);
    expect(readNumber(-Infinity, range).value).to.equal(0.5);
    expect(readNumber(10, range).problem).to.match(/out of range \[0.5, 5\]; using 5/);
  });

  it('keeps the fallback for what is not a number, and says so', () => {
    for (const input of [NaN, 'abc', '', '  ', {}, [], true, Symbol('x')]) {
      const read = readNumber(input, range);
      expect(read.value, String(typeof input)).to.equal(2);
      expect(read.problem).to.match(/not a number/);
    }
  });

  it('resets to the default on null or undefined (a removed attribute), silently', () => {
    expect(readNumber(null, range)).to.deep.equal({ value: 1 });
    expect(readNumber(undefined, range)).to.deep.equal({ value: 1 });
  });

  it('holds the default within the range it is read for, silently', () => {
    expect(readNumber(null, { ...range, min: 2 })).to.deep.equal({ value: 2 });
    expect(readNumber(undefined, { ...range, max: 0.75 })).to.deep.equal({ value: 0.75 });
  });

  it('rounds integers and says so', () => {
    const integer = { min: 1, max: 100, fallback: 10, reset: 10, integer: true };
    expect(readNumber(2.5, integer)).to.deep.equal({ value: 3, problem: 'out of range [1, 100] or not an integer; using 3' });
    expect(readNumber(0.2, integer).value).to.equal(1);
    expect(readNumber(7, integer)).to.deep.equal({ value: 7 });
  });
});

describe('readSeries', () => {
  const fallback = ['X'];
  const reset = ['A', 'B'];
  it('splits comma-separated text and trims names', () => {
    expect(readSeries(' a , b,c ', fallback, reset)).to.deep.equal({ value: ['a', 'b', 'c'] });
  });
  it('drops empty names (a trailing comma)', () => {
    expect(readSeries('a,b,', fallback, reset).value).to.deep.equal(['a', 'b']);
  });
  it('takes arrays, turning entries into text', () => {
    expect(readSeries(['a', 1, null], fallback, reset).value).to.deep.equal(['a', '1', 'null']);
  });
  it('keeps the fallback for no names or a non-list', () => {
    for (const input of ['', ' , ', [], 5, {}]) {
      const read = readSeries(input, fallback, reset);
      expect(read.value).to.equal(fallback);
      expect(read.problem).to.be.a('string');
    }
  });
  it('resets on null', () => {
    expect(readSeries(null, fallback, reset)).to.deep.equal({ value: reset });
  });
});

describe('readText and toText', () => {
  it('keeps text, turns other values into text, resets on null', () => {
    expect(readText('<b>x</b>', 'd')).to.equal('<b>x</b>');
    expect(readText(5, 'd')).to.equal('5');
    expect(readText(null, 'd')).to.equal('d');
    expect(readText(undefined, 'd')).to.equal('d');
  });
  it('never throws on a hostile toString', () => {
    expect(toText({ toString: () => { throw new Error('no'); } })).to.equal('');
  });
  it('compares name lists', () => {
    expect(sameNames(['a', 'b'], ['a', 'b'])).to.equal(true);
    expect(sameNames(['a', 'b'], ['a'])).to.equal(false);
    expect(sameNames(['a', 'b'], ['a', 'c'])).to.equal(false);
  });
});
