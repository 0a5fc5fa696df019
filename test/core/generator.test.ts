import { expect } from '@open-wc/testing';
import { createNormal, createRandomSource } from '../../src/core/generator.js';

/** A deterministic uniform source (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createRandomSource', () => {
  it('returns since + k·period for k = 1, 2, … while before now', () => {
    const source = createRandomSource({ columns: 2, periodMs: 500, random: seeded(1) });
    const chunk = source(10_000, 12_000) as { time: Float64Array; values: Float64Array[] };
    expect(Array.from(chunk.time)).to.deep.equal([10_500, 11_000, 11_500]);
    expect(chunk.values).to.have.length(2);
    expect(chunk.values.every((column) => column.length === 3)).to.equal(true);
  });

  it('excludes now itself and includes a point just before it', () => {
    const source = createRandomSource({ columns: 1, periodMs: 500, random: seeded(1) });
    expect(Array.from((source(0, 1000) as { time: Float64Array }).time)).to.deep.equal([500]);
    expect(Array.from((source(0, 1000.5) as { time: Float64Array }).time)).to.deep.equal([500, 1000]);
  });

  it('gives 119 points for the default first load (60 s at 0.5 s)', () => {
    const source = createRandomSource({ columns: 2, periodMs: 500 });
    const now = 1_700_000_000_000;
    const { time } = source(now - 60_000, now) as { time: Float64Array };
    expect(time.length).to.equal(119);
    expect(time[0]).to.equal(now - 59_500);
    expect(time[118]).to.equal(now - 500);
  });

  it('returns nothing when now is not after since, or the span is not a number', () => {
    const source = createRandomSource({ columns: 2, periodMs: 500 });
    for (const [since, now] of [[5, 5], [10, 5], [NaN, 5], [5, NaN]]) {
      const chunk = source(since, now) as { time: Float64Array; values: Float64Array[] };
      expect(chunk.time.length).to.equal(0);
      expect(chunk.values.map((c) => c.length)).to.deep.equal([0, 0]);
    }
  });

  it('keeps times exact over long spans with a fractional period', () => {
    const source = createRandomSource({ columns: 1, periodMs: 100.1 });
    const { time } = source(0, 1_000_000) as { time: Float64Array };
    expect(time.length).to.equal(9990);
    expect(time[9989]).to.equal(9990 * 100.1);
  });

  it('is deterministic under an injected random function', () => {
    const a = createRandomSource({ columns: 2, periodMs: 500, random: seeded(42) })(0, 5000);
    const b = createRandomSource({ columns: 2, periodMs: 500, random: seeded(42) })(0, 5000);
    expect(a).to.deep.equal(b);
  });

  it('gives each series its own independent values', () => {
    const { values } = createRandomSource({ columns: 2, periodMs: 1, random: seeded(7) })(0, 20_001) as {
      values: Float64Array[];
    };
    let same = 0;
    let product = 0;
    for (let i = 0; i < values[0].length; i++) {
      if (values[0][i] === values[1][i]) same++;
      product += values[0][i] * values[1][i];
    }
    expect(same).to.equal(0);
    // Independent standard normals: the mean product is 0 with standard error 1/√n ≈ 0.007.
    expect(Math.abs(product / values[0].length)).to.be.below(0.03);
  });
});

describe('createNormal', () => {
  it('draws standard-normal values: mean 0, variance 1, symmetric tails', () => {
    const normal = createNormal(seeded(3));
    const n = 40_000;
    let sum = 0;
    let squares = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const x = normal();
      sum += x;
      squares += x * x;
      if (Math.abs(x) > 2) beyond2++;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).to.be.below(0.02);
    expect(Math.abs(squares / n - mean * mean - 1)).to.be.below(0.03);
    // P(|Z| > 2) = 4.55 %
    expect(beyond2 / n).to.be.within(0.04, 0.051);
  });

  it('maps known uniforms through Box–Muller, using both outputs', () => {
    const uniforms = [0.5, 0.25];
    const normal = createNormal(() => uniforms.shift()!);
    const radius = Math.sqrt(-2 * Math.log(0.5));
    expect(normal()).to.be.closeTo(radius * Math.cos(Math.PI / 2), 1e-12);
    expect(normal()).to.be.closeTo(radius * Math.sin(Math.PI / 2), 1e-12);
  });

  it('never returns a non-finite value, even when random() returns 0', () => {
    const normal = createNormal(() => 0);
    for (let i = 0; i < 4; i++) expect(Number.isFinite(normal())).to.equal(true);
  });
});

describe('createRandomSource with a limit', () => {
  it('returns only the newest `limit` points of the same sequence', () => {
    const all = createRandomSource({ columns: 1, periodMs: 500, random: seeded(5) })(0, 10_000);
    const newest = createRandomSource({ columns: 1, periodMs: 500, random: seeded(5), limit: 4 })(0, 10_000);
    expect(Array.from(newest.time)).to.deep.equal(Array.from(all.time.subarray(-4)));
    expect(Array.from(createRandomSource({ columns: 1, periodMs: 500, limit: 40 })(0, 10_000).time)).to.deep.equal(Array.from(all.time));
  });
});
