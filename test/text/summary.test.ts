import { expect } from '@open-wc/testing';
import { Throttle, describeLatest, summarize } from '../../src/text/summary.js';

const time = (ms: number) => `t${ms}`;
const columns = (t: number[], ...values: number[][]) => [Float64Array.from(t), ...values.map((v) => Float64Array.from(v))];

describe('summary', () => {
  it('names the series, the number of points, their time span and the latest value of each', () => {
    const text = summarize(['A', 'B'], columns([0, 500, 50_000], [1, 2, 0.25], [3, 4, NaN]), time);
    expect(text).to.equal('2 series A, B. 3 points from t0 to t50000 (50 s). Latest: A 0.25, B –.');
  });

  it('says when there are no points yet, and a single point with its time', () => {
    expect(summarize(['A'], columns([], []), time)).to.equal('Series A. No points yet.');
    expect(summarize(['A'], columns([7], [1]), time)).to.equal('Series A. 1 point, at t7. Latest: A 1.');
  });

  it('describes the latest point for an announcement', () => {
    expect(describeLatest(['A', 'B'], columns([0, 9], [1, 2], [3, -4]), time)).to.equal('New data at t9: A 2, B -4.');
  });

  it('Throttle lets one announcement through per 5 s, and a reset or a clock set back lets the next through', () => {
    const throttle = new Throttle();
    expect(throttle.take(0)).to.equal(true);
    expect(throttle.take(1_000)).to.equal(false);
    expect(throttle.take(4_999)).to.equal(false);
    expect(throttle.take(5_000)).to.equal(true);
    expect(throttle.take(6_000)).to.equal(false);
    throttle.reset();
    expect(throttle.take(6_500)).to.equal(true);
    expect(throttle.take(-3_600_000)).to.equal(true);
  });
});
