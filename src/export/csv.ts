/**
 * The kept points as CSV (RFC 4180): a header `time,<series…>`, one record per point, CRLF line
 * ends, fields quoted only when they must be. Times are ISO 8601 in UTC; a value that is a gap
 * (`NaN`) is an empty field. Every number is written so that reading it back gives the same
 * number: values in JavaScript's shortest round-trip form (`-0` too), times to the fraction of a
 * millisecond they hold (a time that ISO 8601 cannot hold exactly, beyond what a `Date` holds, is
 * written as its number of ms).
 */
export function toCSV(names: readonly string[], columns: readonly ArrayLike<number>[]): string {
  const [time, ...values] = columns;
  const lines = [['time', ...names].map(csvField).join(',')];
  for (let i = 0; i < time.length; i++) {
    let line = isoTime(time[i]);
    for (const column of values) {
      const v = column[i];
      line += v !== v ? ',' : v === 0 && 1 / v < 0 ? ',-0' : `,${v}`;
    }
    lines.push(line);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A field quoted when it holds a comma, a quote or a line break, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `ms` since the epoch as ISO 8601 in UTC, keeping any fraction of a millisecond:
 * `2026-01-01T12:00:00.000Z`, `2026-01-01T12:00:00.0015Z`.
 */
export function isoTime(ms: number): string {
  const whole = Math.floor(ms);
  const fraction = ms - whole;
  // Beyond what a Date can hold (±8.64e15 ms), or a fraction that would not add back exactly
  // (a tiny negative time): the number itself.
  if (!(Math.abs(whole) <= 8.64e15) || whole + fraction !== ms) return String(ms);
  const iso = new Date(whole).toISOString();
  if (fraction === 0) return iso;
  // The digits of the fraction of a millisecond, as the shortest form that reads back the same:
  // 0.5 → "5", 1.5e-7 → "00000015".
  const [mantissa, exponent] = String(fraction).split('e');
  const digits = exponent ? '0'.repeat(-Number(exponent) - 1) + mantissa.replace('.', '') : mantissa.slice(2);
  return `${iso.slice(0, -1)}${digits}Z`;
}
