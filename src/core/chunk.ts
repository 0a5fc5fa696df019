/**
 * What a source returns: the points after `since` and before `now`, as columns.
 * `time` is in milliseconds since the epoch; `values[i]` is the column of series `i`.
 */
export interface FeedChunk {
  time: ArrayLike<number>;
  values: ArrayLike<number>[];
}

/**
 * Where `<data-feed>` gets its data. Asked for the points after `since` and before `now`
 * (both in ms since the epoch); may answer at once or with a promise.
 */
export type FeedSource = (since: number, now: number) => FeedChunk | Promise<FeedChunk>;

const isArrayLike = (value: unknown): value is ArrayLike<unknown> =>
  value != null &&
  typeof value !== 'string' &&
  typeof value !== 'function' &&
  Number.isInteger((value as { length?: unknown }).length) &&
  (value as { length: number }).length >= 0;

/** The error for a malformed chunk or answer: a `TypeError` saying `why`. */
export const malformed = (why: string): TypeError => new TypeError(`data-feed: ${why}`);

/**
 * Returns `chunk` if it is well-formed for `columns` series: an object with an array-like `time`
 * and an array-like `values` holding exactly one array-like column per series, each as long as
 * `time`. Throws a `TypeError` saying what is wrong otherwise.
 */
export function checkChunk(chunk: unknown, columns: number): FeedChunk {
  if (chunk === null || typeof chunk !== 'object') {
    throw malformed(`a chunk must be an object { time, values }, got ${describe(chunk)}`);
  }
  const { time, values } = chunk as Partial<FeedChunk>;
  if (!isArrayLike(time)) {
    throw malformed(`chunk.time must be array-like, got ${describe(time)}`);
  }
  if (!isArrayLike(values)) {
    throw malformed(`chunk.values must be an array of columns, got ${describe(values)}`);
  }
  if (values.length !== columns) {
    throw malformed(`chunk.values must hold ${columns} column${columns === 1 ? '' : 's'} (one per series), got ${values.length}`);
  }
  for (let i = 0; i < columns; i++) {
    const column = values[i];
    if (!isArrayLike(column)) {
      throw malformed(`chunk.values[${i}] must be array-like, got ${describe(column)}`);
    }
    if (column.length !== time.length) {
      throw malformed(`chunk.values[${i}] has ${column.length} entries but chunk.time has ${time.length}`);
    }
  }
  return chunk as FeedChunk;
}

/**
 * Reads one entry of a chunk as a number: numbers as they are, numeric strings, bigints and
 * dates by value; anything else (null, undefined, objects, text) as `NaN`.
 */
export function toNumber(entry: unknown): number {
  switch (typeof entry) {
    case 'number':
      return entry;
    case 'string':
      return entry.trim() === '' ? NaN : Number(entry);
    case 'bigint':
      return Number(entry);
    default:
      return entry instanceof Date ? entry.getTime() : NaN;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}
