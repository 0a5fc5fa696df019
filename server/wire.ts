/** One point as the server sends it: `values[i]` belongs to `names[i]`; NaN is a gap. */
export interface Point {
  time: number;
  values: number[];
}

/** The answer formats of docs/feeds.md. CSV and NDJSON are for poll answers only. */
export const FORMATS = ['objects', 'rows', 'columns', 'csv', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];
export const PUSH_FORMATS: readonly Format[] = ['objects', 'rows', 'columns'];

const TYPES: Record<Format, string> = {
  objects: 'application/json',
  rows: 'application/json',
  columns: 'application/json',
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
};

export interface EncodeOptions {
  /** Times as ISO 8601 text instead of ms. */
  iso?: boolean;
  /** One point as one object or one row, not a list of one (push messages after the first). */
  single?: boolean;
}

/** The points as one answer in `format`, with its Content-Type. */
export function encode(format: Format, names: readonly string[], points: readonly Point[], options: EncodeOptions = {}): { body: string; type: string } {
  const time = (t: number) => (options.iso ? new Date(t).toISOString() : t);
  const value = (v: number) => (Number.isFinite(v) ? v : null);
  const object = (p: Point) => {
    const fields: Record<string, unknown> = { time: time(p.time) };
    names.forEach((name, i) => (fields[name] = value(p.values[i])));
    return fields;
  };
  const row = (p: Point) => [time(p.time), ...names.map((_, i) => value(p.values[i]))];
  const one = options.single && points.length === 1;
  let body: string;
  switch (format) {
    case 'objects':
      body = JSON.stringify(one ? object(points[0]) : points.map(object));
      break;
    case 'rows':
      body = JSON.stringify(one ? row(points[0]) : points.map(row));
      break;
    case 'columns':
      body = JSON.stringify({ time: points.map((p) => time(p.time)), values: names.map((_, i) => points.map((p) => value(p.values[i]))) });
      break;
    case 'csv':
      body = [['time', ...names].map(csvField).join(','), ...points.map((p) => row(p).map((v) => v ?? '').join(','))]
        .map((line) => `${line}\r\n`)
        .join('');
      break;
    case 'ndjson':
      body = points.map((p) => `${JSON.stringify(object(p))}\n`).join('');
      break;
  }
  return { body, type: TYPES[format] };
}

/** A body that is none of the formats, for fault injection: broken in the way the format would break. */
export function malformed(format: Format): { body: string; type: string } {
  const body = format === 'csv' ? 'time,value\r\n1,"unterminated\r\n' : format === 'ndjson' ? '{"time": 1,\n' : '{"time": [1, 2], "values": oops';
  return { body, type: TYPES[format] };
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The format to answer in: `?format=` if given (null when it names none), else the first type the
 * `Accept` header prefers among CSV, NDJSON and JSON, else objects.
 */
export function negotiate(format: string | null, accept: string | undefined, allowed: readonly Format[] = FORMATS): Format | null {
  if (format !== null) return (allowed as readonly string[]).includes(format) ? (format as Format) : null;
  const ranked = (accept ?? '')
    .split(',')
    .map((part, order) => {
      const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { type, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { type } of ranked) {
    const found: Format | undefined =
      type === 'text/csv' ? 'csv' : type === 'application/x-ndjson' ? 'ndjson' : type === 'application/json' || type === '*/*' || type === 'application/*' ? 'objects' : undefined;
    if (found && allowed.includes(found)) return found;
  }
  return 'objects';
}
