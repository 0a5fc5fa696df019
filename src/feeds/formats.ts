import { malformed, toNumber } from '../core/chunk.js';

/** What one answer of a feed holds: its points as columns, and the series names to read them by. */
export interface FeedAnswer {
  /** `time` in ms since the epoch (`NaN` where a time could not be read); `values[i]` the column of `names[i]`. */
  chunk: { time: number[]; values: number[][] };
  /** The names given, or the ones this answer brought when `discover` was asked. */
  names: readonly string[];
}

export interface FeedFormatOptions {
  /** The series in use, in order: columns and rows must carry one value per name; CSV and objects are read by name. */
  names: readonly string[];
  /**
   * The page never set the series and no answer named them yet: an answer that carries names (a CSV
   * header's columns after `time`, the first object's keys other than `time`) names the series.
   */
  discover?: boolean;
  /**
   * The `Content-Type` of a poll response: `text/csv`, `application/x-ndjson`, or JSON (`application/json`,
   * `…+json`, or none). Leave it out for an SSE or WebSocket message, which is always JSON.
   */
  contentType?: string | null;
}

type Raw = [time: unknown[], values: unknown[][]];

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value == 'object';

/**
 * Reads one poll response body or one SSE/WebSocket message into a chunk:
 * - JSON columns `{"time": [...], "values": [[...], ...]}`, one column per name;
 * - JSON rows `[[t, v1, ...], ...]` or one row `[t, v1, ...]`, one value per name;
 * - JSON objects `{"time": t, "A": 0.5, ...}`, one or an array, read by name: other fields are ignored,
 *   a missing name is a gap;
 * - by `contentType` only: CSV (RFC 4180, a header `time,<name>,...`, read by name) and NDJSON (one row
 *   or object per line, blank lines ignored).
 *
 * A time is a number of ms or ISO 8601 text (fractions of a millisecond kept); a value that is not a
 * number is a gap (`NaN`). Names found in objects come in JavaScript's key order (integer-like keys first).
 * Throws a `TypeError` (`data-feed: …`) for anything else, and then returns nothing at all.
 */
export function parseFeed(body: string, { names, discover, contentType }: FeedFormatOptions): FeedAnswer {
  const type = (contentType || '').split(';')[0].trim().toLowerCase();
  const found = (keys: string[]) => {
    keys = keys.filter((key) => key && key != 'time');
    if (discover && keys.length) names = keys;
  };
  // The list's time column, then one column per name: `read(item, name, i)`, with i = 0 for the time.
  const columns = (list: any[], read: (item: any, name: string, i: number) => unknown): Raw => [
    list.map((item) => read(item, 'time', 0)),
    names.map((name, i) => list.map((item) => read(item, name, i + 1))),
  ];

  const fromJSON = (json: unknown, lines?: boolean): Raw => {
    if (Array.isArray(json)) {
      // One row is a list of scalars: [t, v1, ...].
      if (!lines && json.length && !isObject(json[0])) json = [json];
      const list = json as any[];
      const rows = Array.isArray(list[0]);
      for (const item of list) {
        if (!isObject(item) || Array.isArray(item) != rows || (rows ? item.length != names.length + 1 : !('time' in item))) {
          throw malformed(`a list must hold only rows [time, ${names.length} value(s)] or only objects with a "time"`);
        }
      }
      if (rows) return columns(list, (row, _, i) => row[i]);
      if (list.length) found(Object.keys(list[0]));
      return columns(list, (item, name) => item[name]);
    }
    if (isObject(json)) {
      const { time, values } = json;
      if (!Array.isArray(time)) return fromJSON([json]);
      if (!Array.isArray(values) || values.length != names.length || !values.every((column) => Array.isArray(column) && column.length == time.length)) {
        throw malformed(`columns must be {"time": [...], "values": [${names.length} lists as long as time]}`);
      }
      return [time, values];
    }
    throw malformed('an answer must be columns, rows or objects');
  };

  let raw: Raw;
  if (/ndjson|jsonl/.test(type)) {
    raw = fromJSON(body.split('\n').flatMap((line, i) => (line.trim() ? [readJSON(line, `NDJSON line ${i + 1}`)] : [])), true);
  } else if (type == 'text/csv') {
    const [header = [], ...records] = readCSV(body);
    const heads = header.map((head) => head.trim());
    if (!heads.includes('time')) throw malformed('CSV must start with a header "time,<name>,..."');
    found(heads);
    raw = columns(records, (record, name) => record[heads.indexOf(name)]);
  } else if (!type || /[/+]json$/.test(type)) {
    raw = fromJSON(readJSON(body, 'the answer'));
  } else {
    throw malformed(`cannot read an answer of type ${type}`);
  }
  return { chunk: { time: raw[0].map(readTime), values: raw[1].map((column) => column.map(toNumber)) }, names };
}

/**
 * A time as ms since the epoch: a number as it is, numeric text as its number, ISO 8601 text
 * (`2026-01-01T12:00:00Z`, `2026-01-01T12:00:00.0015Z`) as its instant; anything else `NaN`.
 */
export function readTime(time: unknown): number {
  const n = toNumber(time);
  if (n == n || typeof time != 'string') return n;
  const text = time.trim();
  // Date.parse stops at milliseconds: the digits beyond them come back as a fraction.
  let fraction = 0;
  const ms = Date.parse(text.replace(/(\.\d{3})(\d+)/, (_, whole, more) => ((fraction = +`0.${more}`), whole)));
  return /^([+-]\d\d)?\d{4}-\d\d/.test(text) ? ms + fraction : NaN;
}

function readJSON(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformed(`${what} is not JSON (${(error as Error).message})`);
  }
}

/** Records of RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks; blank lines are skipped. */
function readCSV(text: string): string[][] {
  const records: string[][] = [];
  const field = /(?:"((?:[^"]|"")*)"|([^",\r\n]*))(,|\r\n?|\n|$)/y;
  for (let record: string[] = [], at = 0; ; at = field.lastIndex) {
    const match = field.exec(text);
    if (!match) throw malformed(`CSV is malformed at character ${at + 1}`);
    record.push(match[1] != null ? match[1].replace(/""/g, '"') : match[2]);
    if (match[3] != ',') {
      if (record.length > 1 || record[0]) {
        const width = (records[0] || record).length;
        if (record.length != width) throw malformed(`CSV record ${records.length + 1} has ${record.length} fields, not ${width}`);
        records.push(record);
      }
      if (!match[3]) return records;
      record = [];
    }
  }
}
