import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isoTime } from '../../src/export/csv.js';
import { parseFeed, readTime } from '../../src/feeds/formats.js';
import { runs } from './property.js';

const AB = ['A', 'B'] as const;
const json = (body: string, names: readonly string[] = AB) => parseFeed(body, { names });
const chunk = (body: string, names: readonly string[] = AB, contentType?: string | null) => parseFeed(body, { names, contentType }).chunk;
const T0 = Date.UTC(2026, 0, 1, 12);

describe('parseFeed: JSON columns', () => {
  it('reads a chunk as a source function returns it', () => {
    expect(chunk('{"time": [1, 2], "values": [[0.5, 1.5], [-1, 2e3]]}')).to.deep.equal({ time: [1, 2], values: [[0.5, 1.5], [-1, 2000]] });
  });

  it('reads values that are not numbers as gaps, numeric text as its number', () => {
    expect(chunk('{"time": [1, 2, 3], "values": [[null, "x", "2.5"], [true, {}, []]]}').values).to.deep.equal([
      [NaN, NaN, 2.5],
      [NaN, NaN, NaN],
    ]);
  });

  it('ignores other fields', () => {
    expect(chunk('{"time": [1], "values": [[1], [2]], "unit": "%"}')).to.deep.equal({ time: [1], values: [[1], [2]] });
  });

  it('needs exactly one column per series, each as long as time', () => {
    for (const body of [
      '{"time": [1], "values": [[1]]}',
      '{"time": [1], "values": [[1], [2], [3]]}',
      '{"time": [1, 2], "values": [[1, 2], [3]]}',
      '{"time": [1], "values": [[1], 2]}',
      '{"time": [1], "values": "1,2"}',
      '{"time": [1]}',
    ]) {
      expect(() => json(body), body).to.throw(TypeError, /^data-feed: columns must be .*2 lists as long as time/);
    }
  });
});

describe('parseFeed: JSON rows', () => {
  it('reads a list of rows [t, v1, v2]', () => {
    expect(chunk('[[1, 0.5, null], [2, "3", 4]]')).to.deep.equal({ time: [1, 2], values: [[0.5, 3], [NaN, 4]] });
  });

  it('reads one row [t, v1, v2]', () => {
    expect(chunk('[1, 0.5, -2]')).to.deep.equal({ time: [1], values: [[0.5], [-2]] });
    expect(chunk('[null, 0.5, -2]').time).to.deep.equal([NaN]);
  });

  it('reads an empty list as no points', () => {
    expect(chunk('[]')).to.deep.equal({ time: [], values: [[], []] });
  });

  it('needs exactly one value per series in every row', () => {
    for (const body of ['[[1, 2]]', '[[1, 2, 3], [1, 2, 3, 4]]', '[[]]', '[1, 2]', '[1, 2, 3, 4]']) {
      expect(() => json(body), body).to.throw(TypeError, /^data-feed: a list must hold only rows \[time, 2 value\(s\)\]/);
    }
  });

  it('refuses a list that mixes rows with objects or scalars', () => {
    for (const body of ['[[1, 2, 3], {"time": 1}]', '[[1, 2, 3], {"time": 1, "length": 3}]', '[{"time": 1}, [1, 2, 3]]', '[[1, 2, 3], 5]', '[{"time": 1}, null]', '[{"time": 1}, "x"]']) {
      expect(() => json(body), body).to.throw(TypeError, /^data-feed: a list must hold only rows .* or only objects/);
    }
  });
});

describe('parseFeed: JSON objects', () => {
  it('reads one object by name, ignoring other fields', () => {
    expect(chunk('{"B": 2, "host": "x", "time": 5, "A": 1}')).to.deep.equal({ time: [5], values: [[1], [2]] });
  });

  it('reads a list of objects; a missing name is a gap', () => {
    expect(chunk('[{"time": 1, "A": 1}, {"time": 2, "B": 2}, {"time": 3, "A": null, "B": "n/a"}]')).to.deep.equal({
      time: [1, 2, 3],
      values: [
        [1, NaN, NaN],
        [NaN, 2, NaN],
      ],
    });
  });

  it('reads names that are also names of Object.prototype members as gaps when missing', () => {
    const names = ['constructor', '__proto__', 'toString'];
    expect(chunk('{"time": 1}', names).values).to.deep.equal([[NaN], [NaN], [NaN]]);
    expect(chunk('{"time": 1, "__proto__": 4, "constructor": 5}', names).values).to.deep.equal([[5], [4], [NaN]]);
  });

  it('needs a time in every object', () => {
    for (const body of ['{"A": 1}', '[{"time": 1, "A": 1}, {"A": 2}]', '{}']) {
      expect(() => json(body), body).to.throw(TypeError, /^data-feed: .*objects with a "time"/);
    }
  });
});

describe('parseFeed: names', () => {
  it('keeps the names given when not asked to discover them, as the same array', () => {
    const names = ['A', 'B'];
    const answer = parseFeed('{"time": 1, "cpu": 12.5}', { names });
    expect(answer.names).to.equal(names);
    expect(answer.chunk.values).to.deep.equal([[NaN], [NaN]]);
  });

  it("names the series after the first object's keys other than time, in order", () => {
    const answer = parseFeed('[{"cpu": 12.5, "time": 1, "memory": 300}, {"time": 2, "load": 1, "cpu": 13}]', { names: AB, discover: true });
    expect(answer.names).to.deep.equal(['cpu', 'memory']);
    expect(answer.chunk).to.deep.equal({ time: [1, 2], values: [[12.5, 13], [300, NaN]] });
  });

  it('names no series after an empty key or column', () => {
    expect(parseFeed('{"time": 1, "": 2, "cpu": 3}', { names: AB, discover: true }).names).to.deep.equal(['cpu']);
    expect(parseFeed('time,,cpu\r\n1,2,3\r\n', { names: AB, discover: true, contentType: 'text/csv' }).names).to.deep.equal(['cpu']);
  });

  it('names integer-like keys first, in the order JavaScript gives object keys', () => {
    expect(parseFeed('{"time": 1, "b": 1, "2": 2, "a": 3, "1": 4}', { names: AB, discover: true }).names).to.deep.equal(['1', '2', 'b', 'a']);
  });

  it("names the series after a CSV header's columns other than time", () => {
    const answer = parseFeed('cpu,time,"mem, MB"\r\n12.5,1,300\r\n', { names: AB, discover: true, contentType: 'text/csv' });
    expect(answer.names).to.deep.equal(['cpu', 'mem, MB']);
    expect(answer.chunk).to.deep.equal({ time: [1], values: [[12.5], [300]] });
  });

  it('keeps the names given when the answer carries none', () => {
    for (const [body, contentType] of [
      ['[[1, 2, 3]]', null],
      ['{"time": [1], "values": [[2], [3]]}', null],
      ['[]', null],
      ['{"time": 1}', null],
      ['time\r\n1\r\n', 'text/csv'],
      ['', 'application/x-ndjson'],
    ]) {
      expect(parseFeed(body!, { names: AB, discover: true, contentType }).names, body!).to.equal(AB);
    }
  });
});

describe('parseFeed: CSV', () => {
  const csv = (body: string, names: readonly string[] = AB) => parseFeed(body, { names, contentType: 'text/csv; charset=utf-8' });

  it('reads columns by name, whatever their order; other columns are ignored, a missing name is a gap', () => {
    expect(csv('B,host,time\r\n2,x,1\r\n3,y,2\r\n').chunk).to.deep.equal({ time: [1, 2], values: [[NaN, NaN], [2, 3]] });
  });

  it('reads empty and non-numeric fields as gaps', () => {
    expect(csv('time,A,B\n1,,n/a\n2, 4 ,NaN\n').chunk).to.deep.equal({ time: [1, 2], values: [[NaN, 4], [NaN, NaN]] });
  });

  it('reads quoted fields holding commas, quotes and line breaks (RFC 4180)', () => {
    const answer = csv('time,"a,b","say ""hi""","two\r\nlines"\r\n"1","2",3,"4"\r\n', ['a,b', 'say "hi"', 'two\r\nlines']);
    expect(answer.chunk).to.deep.equal({ time: [1], values: [[2], [3], [4]] });
  });

  it('takes CRLF, LF or CR line ends, with or without a last one, and skips blank lines', () => {
    for (const body of ['time,A,B\r\n1,2,3\r\n\r\n4,5,6', 'time,A,B\n\n1,2,3\n4,5,6\n\n', 'time,A,B\r1,2,3\r4,5,6\r']) {
      expect(csv(body).chunk, JSON.stringify(body)).to.deep.equal({ time: [1, 4], values: [[2, 5], [3, 6]] });
    }
  });

  it('trims the names in the header', () => {
    expect(csv(' time , A ,B\n1,2,3').chunk).to.deep.equal({ time: [1], values: [[2], [3]] });
  });

  it('needs a header with a time column', () => {
    for (const body of ['', '\r\n', 'A,B\r\n1,2\r\n', '1,2,3\r\n']) {
      expect(() => csv(body), JSON.stringify(body)).to.throw(TypeError, /^data-feed: CSV must start with a header "time,/);
    }
  });

  it('needs as many fields in every record as in the header', () => {
    expect(() => csv('time,A,B\r\n1,2,3\r\n4,5\r\n')).to.throw(TypeError, /^data-feed: CSV record 3 has 2 fields, not 3/);
    expect(() => csv('time,A,B\r\n1,2,3,4\r\n')).to.throw(TypeError, /^data-feed: CSV record 2 has 4 fields, not 3/);
  });

  it('refuses quotes out of place', () => {
    for (const body of ['time,A,B\r\n1,"2,3\r\n', 'time,A,B\r\n1,2"x",3\r\n', 'time,A,B\r\n1,"2"x,3\r\n', 'time,"A\r\n']) {
      expect(() => csv(body), JSON.stringify(body)).to.throw(TypeError, /^data-feed: CSV is malformed at character \d+/);
    }
  });
});

describe('parseFeed: NDJSON', () => {
  const ndjson = (body: string, names: readonly string[] = AB) => parseFeed(body, { names, contentType: 'application/x-ndjson' });

  it('reads one row per line, skipping blank lines', () => {
    expect(ndjson('[1, 2, 3]\n\n  \r\n[4, 5, null]\r\n').chunk).to.deep.equal({ time: [1, 4], values: [[2, 5], [3, NaN]] });
  });

  it('reads one object per line, by name', () => {
    const answer = parseFeed('{"time": 1, "cpu": 2}\n{"time": 2, "mem": 3}\n', { names: AB, discover: true, contentType: 'application/x-ndjson' });
    expect(answer.names).to.deep.equal(['cpu']);
    expect(answer.chunk).to.deep.equal({ time: [1, 2], values: [[2, NaN]] });
  });

  it('reads an empty body as no points', () => {
    expect(ndjson('').chunk).to.deep.equal({ time: [], values: [[], []] });
  });

  it('says which line is not JSON', () => {
    expect(() => ndjson('[1, 2, 3]\n\n[4, 5,\n')).to.throw(TypeError, /^data-feed: NDJSON line 3 is not JSON/);
  });

  it('refuses lines that are neither a row nor an object, and a mix of both', () => {
    for (const body of ['1\n2\n', '[1, 2, 3]\n"x"\n', '[1, 2, 3]\n{"time": 2}\n', '[1, 2]\n']) {
      expect(() => ndjson(body), JSON.stringify(body)).to.throw(TypeError, /^data-feed: a list must hold only rows/);
    }
  });
});

describe('parseFeed: content types', () => {
  it('reads JSON with no type, a JSON type, or any +json type, whatever their case and parameters', () => {
    for (const type of [undefined, null, '', 'application/json', 'Application/JSON; charset=UTF-8', 'text/json', 'application/feed+json']) {
      expect(chunk('[1, 2, 3]', AB, type), String(type)).to.deep.equal({ time: [1], values: [[2], [3]] });
    }
  });

  it('reads CSV and NDJSON only when the type says so', () => {
    expect(chunk('time,A,B\n1,2,3', AB, 'TEXT/CSV ; header=present')).to.deep.equal({ time: [1], values: [[2], [3]] });
    expect(chunk('[1,2,3]\n[4,5,6]', AB, 'application/x-ndjson; charset=utf-8').time).to.deep.equal([1, 4]);
    expect(() => chunk('time,A,B\n1,2,3')).to.throw(TypeError, /^data-feed: the answer is not JSON/);
    expect(() => chunk('[1,2,3]\n[4,5,6]')).to.throw(TypeError, /^data-feed: the answer is not JSON/);
  });

  it('refuses any other type, whatever the body', () => {
    for (const type of ['text/html', 'text/plain; charset=utf-8', 'application/xml', 'text/event-stream', 'application/octet-stream']) {
      expect(() => chunk('[1, 2, 3]', AB, type), type).to.throw(TypeError, new RegExp(`^data-feed: cannot read an answer of type ${type.split(';')[0]}`));
    }
  });
});

describe('parseFeed: answers that are none of the formats', () => {
  for (const body of ['', ' ', 'oops', '{"time": [1], ', '<html></html>', 'NaN', "{'time': 1}"]) {
    it(`refuses ${JSON.stringify(body)} as not JSON`, () => {
      expect(() => json(body)).to.throw(TypeError, /^data-feed: the answer is not JSON \(.+\)/);
    });
  }
  for (const body of ['1', '"text"', 'null', 'true']) {
    it(`refuses JSON ${body}`, () => {
      expect(() => json(body)).to.throw(TypeError, /^data-feed: an answer must be columns, rows or objects/);
    });
  }
});

describe('readTime', () => {
  it('reads numbers and numeric text as ms', () => {
    expect(readTime(1.5)).to.equal(1.5);
    expect(readTime(' 1700000000000 ')).to.equal(1700000000000);
    expect(readTime('-0')).to.equal(-0);
    expect(readTime('1e3')).to.equal(1000);
  });

  it('reads ISO 8601 text as its instant: UTC, offsets, local time, dates, extended years', () => {
    expect(readTime('2026-01-01T12:00:00Z')).to.equal(T0);
    expect(readTime(' 2026-01-01T12:00:00.250Z ')).to.equal(T0 + 250);
    expect(readTime('2026-01-01T13:30:00+01:30')).to.equal(T0);
    expect(readTime('2026-01-01')).to.equal(Date.UTC(2026, 0, 1));
    expect(readTime('2026-01-01T12:00:00')).to.equal(new Date(2026, 0, 1, 12).getTime());
    expect(readTime('+275760-09-13T00:00:00.000Z')).to.equal(8.64e15);
    expect(readTime('-000001-01-01T00:00:00Z')).to.equal(Date.UTC(-1, 0, 1));
  });

  it('keeps the fractions of a millisecond that ISO text holds', () => {
    expect(readTime('2026-01-01T12:00:00.0015Z')).to.equal(T0 + 1.5);
    expect(readTime('2026-01-01T12:00:00.123456+00:00')).to.equal(T0 + 123.456);
    expect(readTime('1969-12-31T23:59:59.9995Z')).to.equal(-0.5);
    expect(readTime('1970-01-01T00:00:00.00000000015Z')).to.equal(1.5e-7);
  });

  it('reads anything else as NaN, text that only some browsers take for a date too', () => {
    for (const time of ['', 'soon', 'March 7, 2026', 'Sat, 07 Mar 2026 10:00:00 GMT', '2026-13-01', '12:00', null, undefined, true, {}, [1]]) {
      expect(readTime(time), String(time)).to.be.NaN;
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Property-based: random points written in every format are read back exactly; broken bodies throw.

type Encoded = { time: number; timeAs: 'number' | 'text' | 'iso'; values: [value: number, as: number][] };
type Format = 'columns' | 'rows' | 'objects' | 'csv' | 'ndjson';
type Gen = fc.GeneratorValue;

// Names from letters, digits and the characters CSV must quote; never "time", never blank at either end.
const NAME_CHARS = ['a', 'B', 'é', '時', '0', '7', '_', ' ', ',', '"', '\r', '\n', "'", '{'];
const nameArb = fc
  .string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 6 })
  .map((name) => name.trim())
  .filter((name) => name !== '' && name !== 'time');
const namesArb = fc.uniqueArray(nameArb, { minLength: 1, maxLength: 4 });
/** A key no name holds ('-' is not a name character). */
const OTHER_KEY = 'host-name';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const pointArb = (columns: number) =>
  fc.record({
    time: fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: T0 - 1e9, max: T0 + 1e9 }), finite),
    timeAs: fc.constantFrom('number' as const, 'text' as const, 'iso' as const),
    values: fc.array(fc.tuple(fc.oneof(finite, fc.constant(NaN)), fc.nat(2)), { minLength: columns, maxLength: columns }),
  });
const feedArb = namesArb.chain((names) => fc.record({ names: fc.constant(names), points: fc.array(pointArb(names.length), { maxLength: 12 }) }));

/** A number as JSON or CSV text that reads back as the same number, -0 too. */
const num = (n: number) => (Object.is(n, -0) ? '-0' : String(n));
const jsonTime = (p: Encoded) => (p.timeAs === 'number' ? num(p.time) : JSON.stringify(p.timeAs === 'text' ? num(p.time) : isoTime(p.time)));
const jsonValue = ([v, as]: [number, number]) => (v !== v ? (as === 1 ? '"n/a"' : 'null') : as === 1 ? JSON.stringify(num(v)) : num(v));
const textTime = (p: Encoded) => (p.timeAs === 'iso' ? isoTime(p.time) : num(p.time));
const textValue = ([v, as]: [number, number]) => (v !== v ? ['', 'NaN', 'n/a'][as] : num(v));
const csvQuote = (text: string, g: Gen) => (/[",\r\n]/.test(text) || g(fc.boolean) ? `"${text.replace(/"/g, '""')}"` : text);

const jsonRow = (p: Encoded) => `[${[jsonTime(p), ...p.values.map(jsonValue)].join(',')}]`;

/** One point as an object: its keys in random order, an other field perhaps, a gap perhaps left out. */
function jsonObject(names: readonly string[], p: Encoded, g: Gen): string {
  const entries = [['time', jsonTime(p)]];
  p.values.forEach((value, i) => (value[0] === value[0] || value[1] !== 2 ? entries.push([names[i], jsonValue(value)]) : undefined));
  if (g(fc.boolean)) entries.push([OTHER_KEY, '"x"']);
  return objectText(g(fc.shuffledSubarray, entries, { minLength: entries.length }));
}
const objectText = (entries: string[][]) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

/** The CSV records (unquoted) of the points: the columns in random order, some names perhaps left out, an other column perhaps. */
function csvRecords(names: readonly string[], points: Encoded[], g: Gen): { records: string[][]; absent: string[] } {
  const present = g(fc.subarray, [...names]);
  const columns = ['time', ...present, ...(g(fc.boolean) ? [OTHER_KEY] : [])];
  const header: string[] = g(fc.shuffledSubarray, columns, { minLength: columns.length });
  const field = (p: Encoded, column: string) => (column === 'time' ? textTime(p) : column === OTHER_KEY ? 'x' : textValue(p.values[names.indexOf(column)]));
  const records = [header, ...points.map((p) => header.map((column) => field(p, column)))];
  return { records, absent: names.filter((name) => !present.includes(name)) };
}

/** Records as CSV text: fields quoted when they must be and at random, blank lines at random, CRLF or LF. */
function csvText(records: string[][], g: Gen, raw?: [record: number, field: number]): string {
  const lines = records.flatMap((record, r) => {
    const line = record.map((text, f) => (raw && raw[0] === r && raw[1] === f ? text : csvQuote(text, g))).join(',');
    return g(fc.boolean) && g(fc.boolean) ? [line, ''] : [line];
  });
  const end = g(fc.constantFrom, '\r\n', '\n');
  return lines.join(end) + (g(fc.boolean) ? end : '');
}

/** The points written as `format`, with the content type to read them by and the CSV columns left out. */
function write(format: Format, names: readonly string[], points: Encoded[], g: Gen): { body: string; type: string | null | undefined; absent: string[] } {
  const jsonType = () => g(fc.constantFrom, undefined, null, '', 'application/json', 'application/json; charset=utf-8', 'text/json', 'application/feed+json');
  const lineEnd = () => g(fc.constantFrom, '\r\n', '\n');
  switch (format) {
    case 'columns': {
      const columns = names.map((_, i) => `[${points.map((p) => jsonValue(p.values[i])).join(',')}]`);
      const other = g(fc.boolean) ? `,"${OTHER_KEY}":1` : '';
      return { body: `{"time":[${points.map(jsonTime).join(',')}],"values":[${columns.join(',')}]${other}}`, type: jsonType(), absent: [] };
    }
    case 'rows': {
      const single = points.length === 1 && g(fc.boolean);
      return { body: single ? jsonRow(points[0]) : `[${points.map(jsonRow).join(',')}]`, type: jsonType(), absent: [] };
    }
    case 'objects': {
      const objects = points.map((p) => jsonObject(names, p, g));
      const single = objects.length === 1 && g(fc.boolean);
      return { body: single ? objects[0] : `[${objects.join(',')}]`, type: jsonType(), absent: [] };
    }
    case 'csv': {
      const { records, absent } = csvRecords(names, points, g);
      return { body: csvText(records, g), type: g(fc.constantFrom, 'text/csv', 'text/csv; charset=utf-8', 'Text/CSV ; header=present'), absent };
    }
    case 'ndjson': {
      const asRows = g(fc.boolean);
      const lines = points.flatMap((p) => [asRows ? jsonRow(p) : jsonObject(names, p, g), ...(g(fc.boolean) && g(fc.boolean) ? [g(fc.constantFrom, '', '  ')] : [])]);
      const end = lineEnd();
      const type = g(fc.constantFrom, 'application/x-ndjson', 'application/x-ndjson; charset=utf-8', 'application/jsonl');
      return { body: lines.join(end) + (g(fc.boolean) ? end : ''), type, absent: [] };
    }
  }
}

/** What reading the points back must give: times as written (an ISO time has no -0), gaps as NaN. */
const expected = (names: readonly string[], points: Encoded[], absent: string[] = []) => ({
  time: points.map((p) => (p.timeAs === 'iso' ? p.time + 0 : p.time)),
  values: names.map((name, i) => points.map((p) => (absent.includes(name) ? NaN : p.values[i][0]))),
});

const FORMATS: Format[] = ['columns', 'rows', 'objects', 'csv', 'ndjson'];

describe('parseFeed (property-based)', () => {
  for (const format of FORMATS) {
    it(`reads back exactly any points written as ${format}, gaps and ISO times included`, () => {
      fc.assert(
        fc.property(feedArb, fc.gen(), ({ names, points }, g) => {
          const { body, type, absent } = write(format, names, points, g);
          const answer = parseFeed(body, { names, contentType: type });
          expect(answer.names).to.equal(names);
          expect(answer.chunk).to.deep.equal(expected(names, points, absent));
        }),
        runs(300),
      );
    });
  }

  for (const format of ['objects', 'csv', 'ndjson'] as const) {
    it(`names the series after the first ${format === 'csv' ? 'header' : 'object'} when asked (${format})`, () => {
      // Names that are not integer-like keep their order in an object.
      const named = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9 ,"]{0,5}[a-z]$/), { minLength: 1, maxLength: 4 }).filter((names) => !names.includes('time'));
      const feed = named.chain((names) => fc.record({ names: fc.constant(names), points: fc.array(pointArb(names.length), { minLength: 1, maxLength: 6 }) }));
      fc.assert(
        fc.property(feed, fc.gen(), ({ names, points }, g) => {
          let body: string;
          let contentType: string | null = null;
          if (format === 'csv') {
            const header = [...names];
            header.splice(g(fc.nat, names.length), 0, 'time');
            const value = (p: Encoded, name: string) => (name === 'time' ? textTime(p) : textValue(p.values[names.indexOf(name)]));
            body = csvText([header, ...points.map((p) => header.map((name) => value(p, name)))], g);
            contentType = 'text/csv';
          } else {
            // The first object holds every name, in order, the time anywhere among them; the others as they come.
            const first = points[0].values.map(([v, as], i) => [names[i], jsonValue([v, v === v ? as : 0])]);
            first.splice(g(fc.nat, names.length), 0, ['time', jsonTime(points[0])]);
            const objects = [objectText(first), ...points.slice(1).map((p) => jsonObject(names, p, g))];
            body = format === 'ndjson' ? objects.join('\n') : objects.length === 1 && g(fc.boolean) ? objects[0] : `[${objects.join(',')}]`;
            if (format === 'ndjson') contentType = 'application/x-ndjson';
          }
          const answer = parseFeed(body, { names: AB, discover: true, contentType });
          expect(answer.names).to.deep.equal(names);
          expect(answer.chunk).to.deep.equal(expected(names, points));
        }),
        runs(150),
      );
    });
  }

  it('throws a TypeError, and returns nothing, for any broken body in any format', () => {
    const corrupt = (format: Format, names: readonly string[], points: Encoded[], g: Gen): { body: string; type: string | null | undefined } => {
      const written = write(format, names, points, g);
      const kind = g(fc.nat, 2);
      if (kind === 0) {
        // A type the element cannot read, whatever the body.
        return { body: written.body, type: g(fc.constantFrom, 'text/html', 'text/plain', 'application/xml', 'text/event-stream') };
      }
      if (format === 'csv') {
        const { records } = csvRecords(names, points, g);
        if (kind === 1 || records.length === 1) {
          // No time column.
          records[0][records[0].indexOf('time')] = 'tim';
          return { body: csvText(records, g), type: written.type };
        }
        // One record with a field too many or too few, or a quote inside a field that is not quoted
        // (data fields hold no quote of their own).
        const record = records[g(fc.integer, { min: 1, max: records.length - 1 })];
        const change = g(fc.nat, 2);
        if (change === 0) record.push('x');
        else if (change === 1 && (record.length > 2 || (record.length === 2 && record[0] !== ''))) record.pop();
        else {
          const r = records.indexOf(record);
          const f = g(fc.nat, record.length - 1);
          record[f] = `${record[f]}"x`;
          return { body: csvText(records, g, [r, f]), type: written.type };
        }
        return { body: csvText(records, g), type: written.type };
      }
      if (format === 'ndjson') {
        const end = written.body.includes('\r\n') ? '\r\n' : '\n';
        const lines = written.body.split(end);
        lines.splice(g(fc.nat, lines.length), 0, g(fc.constantFrom, '{oops', '5', '"x"', 'null', '{"A":1}', '[]', '[1,2,3,4,5,6,7]'));
        return { body: lines.join(end), type: written.type };
      }
      if (kind === 1) {
        // Cut short: no prefix of a JSON array or object is JSON.
        return { body: written.body.slice(0, g(fc.nat, written.body.length - 1)), type: written.type };
      }
      const value = JSON.parse(written.body);
      if (format === 'columns') {
        const i = g(fc.nat, names.length - 1);
        const change = g(fc.nat, 4);
        if (change === 0) value.values.push([]);
        else if (change === 1) value.values.pop();
        else if (change === 2) value.values[i].push(1);
        else if (change === 3) value.time.push(1);
        else value.values[i] = 'x';
      } else if (format === 'rows') {
        if (value.length === 0) return { body: '[[1]]', type: written.type };
        const row = Array.isArray(value[0]) ? value[g(fc.nat, value.length - 1)] : value;
        if (g(fc.boolean)) row.push(1);
        else row.pop();
      } else {
        const list = Array.isArray(value) ? value : [value];
        if (!list.length) return { body: '[{"A":1}]', type: written.type };
        const i = g(fc.nat, list.length - 1);
        // An object without a time, or (past the first) an item that is no object.
        if (i === 0 || g(fc.boolean)) delete list[i].time;
        else list[i] = g(fc.constantFrom, 5, 'x', null, [1]);
        return { body: JSON.stringify(Array.isArray(value) ? list : list[0]), type: written.type };
      }
      return { body: JSON.stringify(value), type: written.type };
    };
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), feedArb, fc.boolean(), fc.gen(), (format, { names, points }, discover, g) => {
        const { body, type } = corrupt(format, names, points, g);
        let answer: unknown;
        try {
          answer = parseFeed(body, { names, discover, contentType: type });
        } catch (error) {
          expect(error).to.be.instanceOf(TypeError);
          expect((error as Error).message).to.match(/^data-feed: /);
          return;
        }
        expect.fail(`${format} ${JSON.stringify(body)} (${type}) gave ${JSON.stringify(answer)}`);
      }),
      runs(500),
    );
  });

  it('never throws anything but a TypeError for any text, and answers only with well-formed chunks', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue().map((value) => JSON.stringify(value)), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', ',', '"', 'time', ':', '1', '\n', '\r', 'A', ' ') }));
    const type = fc.constantFrom(null, 'application/json', 'text/csv', 'application/x-ndjson', 'text/plain');
    fc.assert(
      fc.property(text, type, namesArb, fc.boolean(), (body, contentType, names, discover) => {
        let answer;
        try {
          answer = parseFeed(body, { names, discover, contentType });
        } catch (error) {
          expect(error).to.be.instanceOf(TypeError);
          expect((error as Error).message).to.match(/^data-feed: /);
          return;
        }
        const { time, values } = answer.chunk;
        expect(answer.names.length).to.be.at.least(1);
        expect(values.length).to.equal(answer.names.length);
        for (const column of [time, ...values]) {
          expect(column.length).to.equal(time.length);
          for (const entry of column) expect(entry).to.be.a('number');
        }
      }),
      runs(1000),
    );
  });
});
