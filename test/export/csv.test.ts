import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { csvField, isoTime, toCSV } from '../../src/export/csv.js';
import { parseCSV, readIsoTime } from './csv-reader.js';

describe('toCSV', () => {
  it('writes a header, one CRLF-ended record per point, ISO 8601 UTC times and empty gaps', () => {
    const time = new Float64Array([Date.UTC(2026, 0, 1, 12), Date.UTC(2026, 0, 1, 12, 0, 0, 500)]);
    const csv = toCSV(['A', 'B'], [time, new Float64Array([1.5, NaN]), new Float64Array([-2, 0.1])]);
    expect(csv).to.equal('time,A,B\r\n2026-01-01T12:00:00.000Z,1.5,-2\r\n2026-01-01T12:00:00.500Z,,0.1\r\n');
  });

  it('has only the header when nothing is kept', () => {
    expect(toCSV(['A'], [new Float64Array(0), new Float64Array(0)])).to.equal('time,A\r\n');
  });

  it('quotes names holding commas, quotes or line breaks, and doubles their quotes', () => {
    expect(csvField('plain')).to.equal('plain');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\r\nlines')).to.equal('"two\r\nlines"');
    expect(parseCSV(toCSV(['x,y', '"q"'], [new Float64Array(0), new Float64Array(0), new Float64Array(0)]))).to.deep.equal([['time', 'x,y', '"q"']]);
  });

  it('keeps fractions of a millisecond, and times beyond a Date as numbers', () => {
    expect(isoTime(Date.UTC(2026, 0, 1) + 1.5)).to.equal('2026-01-01T00:00:00.0015Z');
    expect(isoTime(-0.5)).to.equal('1969-12-31T23:59:59.9995Z');
    expect(isoTime(1.5e-7)).to.equal('1970-01-01T00:00:00.00000000015Z');
    expect(isoTime(1e300)).to.equal('1e+300');
    expect(isoTime(-1e-300)).to.equal('-1e-300');
    for (const t of [Date.UTC(2026, 0, 1) + 1.5, -0.5, 1.5e-7, 1e300, 0, 8.64e15, -8.64e15, -1e-300]) expect(readIsoTime(isoTime(t))).to.equal(t);
  });

  it('round-trips any kept points exactly (property-based)', () => {
    const finiteOrGap = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), finiteOrGap, finiteOrGap), { maxLength: 50 }),
        fc.array(fc.string(), { minLength: 2, maxLength: 2 }),
        (rows, names) => {
          rows.sort((a, b) => a[0] - b[0]);
          const columns = [0, 1, 2].map((c) => Float64Array.from(rows, (row) => row[c]));
          const [header, ...records] = parseCSV(toCSV(names, columns));
          expect(header).to.deep.equal(['time', ...names]);
          // A time of -0 is the instant 0 (values keep their sign, below).
          expect(records.map((r) => readIsoTime(r[0]))).to.deep.equal(Array.from(columns[0], (t) => t + 0));
          for (const c of [1, 2]) {
            expect(records.map((r) => (r[c] === '' ? NaN : Number(r[c])))).to.deep.equal(Array.from(columns[c]));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
