/**
 * Reading attribute and property values. Each reader returns either the value to use or a
 * `Rejected` saying why the input was not taken as given, so the element can warn once.
 */

/** The input was not taken as given: `value` is what is used instead (if anything). */
export interface Adjusted<T> {
  value: T;
  /** Why the input was changed or refused; absent when it was taken as it is. */
  problem?: string;
}

/**
 * A number from a property value or attribute text, clamped to [min, max] and, with `integer`,
 * rounded. Not a number (or empty text) keeps `fallback`; `null`/`undefined` mean `reset`, held
 * within [min, max] too (silently: a removed attribute is no bad value).
 */
export function readNumber(
  input: unknown,
  { min, max, fallback, reset, integer = false }: { min: number; max: number; fallback: number; reset: number; integer?: boolean },
): Adjusted<number> {
  if (input === null || input === undefined) return { value: Math.min(max, Math.max(min, reset)) };
  const n = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
  if (Number.isNaN(n)) return { value: fallback, problem: `not a number; keeping ${fallback}` };
  let value = integer ? Math.round(n) : n;
  value = Math.min(max, Math.max(min, value));
  if (value !== n) return { value, problem: `out of range [${min}, ${max}]${integer ? ' or not an integer' : ''}; using ${value}` };
  return { value };
}

/**
 * `read` changed once more, to `value`, for `problem`: one adjustment naming every reason, so that
 * one value set still logs one warning.
 */
export function readjusted<T>(read: Adjusted<T>, value: T, problem: string): Adjusted<T> {
  return { value, problem: read.problem ? `${read.problem}; then ${problem}` : problem };
}

/** Series names from a comma-separated attribute or an array property. */
export function readSeries(input: unknown, fallback: readonly string[], reset: readonly string[]): Adjusted<readonly string[]> {
  if (input === null || input === undefined) return { value: reset };
  const names = typeof input === 'string' ? input.split(',') : Array.isArray(input) ? input.map(toText) : null;
  const named = names?.map((name) => name.trim()).filter((name) => name !== '');
  if (!named?.length) {
    return { value: fallback, problem: `${names ? 'names no series' : 'not a list of names'}; keeping ${fallback.join(',')}` };
  }
  return { value: named };
}

/** Text from an attribute or property; `null`/`undefined` mean the default. */
export function readText(input: unknown, reset: string): string {
  if (input === null || input === undefined) return reset;
  return toText(input);
}

/** Any value as text, without ever throwing (a hostile `toString` gives the empty string). */
export function toText(input: unknown): string {
  if (typeof input === 'string') return input;
  try {
    return String(input);
  } catch {
    return '';
  }
}

/** Whether two lists of names are the same. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
