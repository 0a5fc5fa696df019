import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Backoff } from '../../src/feeds/backoff.js';
import { runs } from './property.js';

const delays = (backoff: Backoff, count: number) => Array.from({ length: count }, () => backoff.next());

describe('Backoff', () => {
  it('waits 1 s, then doubles up to 30 s (no jitter when random gives the middle)', () => {
    expect(delays(new Backoff(() => 0.5), 9)).to.deep.equal([1, 2, 4, 8, 16, 30, 30, 30, 30]);
  });

  it('moves each delay by at most half of it, either way', () => {
    expect(delays(new Backoff(() => 0), 6)).to.deep.equal([0.5, 1, 2, 4, 8, 15]);
    const highest = delays(new Backoff(() => 1 - 2 ** -53), 5);
    highest.forEach((delay, i) => expect(delay).to.be.closeTo(1.5 * 2 ** i, 1e-9));
  });

  it('never waits longer than 30 s: at the top the jitter only shortens the delay', () => {
    const backoff = new Backoff(() => 0.9);
    delays(backoff, 5);
    expect(backoff.next()).to.be.closeTo(30 - 30 * 0.4, 1e-9);
    expect(backoff.next()).to.be.closeTo(18, 1e-9);
  });

  it('counts the attempts, and starts again from 1 s after reset()', () => {
    const backoff = new Backoff(() => 0.5);
    expect(backoff.attempt).to.equal(0);
    delays(backoff, 4);
    expect(backoff.attempt).to.equal(4);
    backoff.reset();
    expect(backoff.attempt).to.equal(0);
    expect(delays(backoff, 2)).to.deep.equal([1, 2]);
  });

  it('uses Math.random by default', () => {
    const random = Math.random;
    Math.random = () => 0;
    try {
      expect(new Backoff().next()).to.equal(0.5);
    } finally {
      Math.random = random;
    }
  });

  it('keeps every delay within half of its step and at most 30 s, for any random numbers (property-based)', () => {
    const step = (i: number) => Math.min(30, 2 ** i);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constant(-1))), (randoms) => {
        // -1 stands for a reset between delays.
        const numbers = randoms.filter((r) => r >= 0);
        let k = 0;
        const backoff = new Backoff(() => numbers[k++]);
        let i = 0;
        for (const r of randoms) {
          if (r < 0) {
            backoff.reset();
            i = 0;
            continue;
          }
          const delay = backoff.next();
          expect(delay).to.be.at.least(step(i) / 2);
          expect(delay).to.be.at.most(Math.min(30, 1.5 * step(i)));
          i++;
        }
      }),
      runs(300),
    );
  });
});
