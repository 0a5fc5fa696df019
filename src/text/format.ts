/**
 * How times and values read for people, in the legend, the table, the summary and announcements.
 * Formats follow the browser's language; times are shown in the element's time zone.
 */

/** Largest time a `Date` holds, in ms either side of the epoch. */
const MAX_DATE = 8.64e15;

/** A value with up to three decimals, in the browser's language; a gap (`NaN`) is "–". */
export function formatValue(value: number): string {
  return value === value ? valueFormat.format(value) : '–';
}
const valueFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });

/**
 * The canonical name of time zone `name` (an IANA name such as `Europe/Berlin`, or `UTC`).
 * @throws {RangeError} when the browser knows no such zone.
 */
export function checkTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/**
 * A time zone from an attribute or property: its canonical name, or `''` (the browser's) for
 * empty text, `null` or `undefined`. A zone the browser does not know keeps `current`.
 */
export function readTimeZone(input: unknown, current: string): { value: string; problem?: string } {
  const text = input == null ? '' : String(input).trim();
  try {
    return { value: text && checkTimeZone(text) };
  } catch {
    return { value: current, problem: `not a time zone this browser knows; keeping ${current ? JSON.stringify(current) : "the browser's"}` };
  }
}

/**
 * Formats a time (ms since the epoch) as date and time to the second, with milliseconds when it
 * has them, in `timeZone` (the browser's when undefined).
 */
export function timeFormatter(timeZone?: string): (ms: number) => string {
  // One per zone for the page: making the two Intl formats costs more than a chart's first draw.
  let made = formatters.get(timeZone);
  if (!made) formatters.set(timeZone, (made = makeTimeFormatter(timeZone)));
  return made;
}
const formatters = new Map<string | undefined, (ms: number) => string>();

function makeTimeFormatter(timeZone?: string): (ms: number) => string {
  const fields = {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  } as const;
  const whole = new Intl.DateTimeFormat(undefined, fields);
  const fine = new Intl.DateTimeFormat(undefined, { ...fields, fractionalSecondDigits: 3 });
  return (ms) => (Math.abs(ms) <= MAX_DATE ? (ms % 1000 === 0 ? whole : fine).format(ms) : String(ms));
}

/** A duration in ms as the two largest units that matter: "0.5 s", "50 s", "2 min 30 s", "1 h 5 min", "3 d 2 h". */
export function formatSpan(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${+seconds.toFixed(3)} s`;
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const first = units.findIndex(([, size]) => seconds >= size);
  const [bigName, big] = units[first];
  const [smallName, small] = units[first + 1];
  const whole = Math.floor(seconds / big);
  const rest = Math.floor((seconds - whole * big) / small);
  return rest ? `${whole} ${bigName} ${rest} ${smallName}` : `${whole} ${bigName}`;
}
