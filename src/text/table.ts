import { html, type TemplateResult } from 'lit';
import { formatValue } from './format.js';

/** Most rows the table shows (the newest): a table of a million rows would stall the page. */
const TABLE_ROWS = 500;
/** Rows made before the table's size is known (more than a 300 px table shows). */
const FIRST_ROWS = 40;
/** Rows made beyond each edge of the view, so a short scroll shows rows at once. */
const OVERSCAN = 2;

/**
 * The table's frame: a caption saying how many points of how many it shows, the header row (time,
 * then a column per series) and an empty body, which `TableRows` fills. The row count is the whole
 * table's, as the body holds only the rows in view.
 */
export function tableTemplate(names: readonly string[], count: number, timeHeader: string): TemplateResult {
  const shown = Math.min(count, TABLE_ROWS);
  const caption =
    count === 0 ? 'No points yet' : shown < count ? `Newest ${shown} of ${count} points` : `${count} ${count === 1 ? 'point' : 'points'}, newest first`;
  return html`<table aria-rowcount=${shown + 1}>
    <caption>${caption}</caption>
    <thead>
      <tr aria-rowindex="1">
        <th scope="col">${timeHeader}</th>
        ${names.map((name) => html`<th scope="col">${name}</th>`)}
      </tr>
    </thead>
    <tbody></tbody>
  </table>`;
}

/** Where the table's region is scrolled: its `scrollTop` and `clientHeight`, and a body row's height (0: not known yet). */
export interface TableView {
  top: number;
  height: number;
  row: number;
}

/**
 * Which of `shown` rows (0 is the newest) are worth making for `view`: those in view and
 * `OVERSCAN` more either side, as `[first, end)`.
 */
export function rowWindow(shown: number, view: TableView): [number, number] {
  if (!view.row) return [0, Math.min(shown, FIRST_ROWS)];
  // The caption and header sit above the first row, so this starts a little early: never late.
  const first = Math.min(shown, Math.max(0, Math.floor(view.top / view.row) - OVERSCAN));
  return [first, Math.min(shown, first + Math.ceil(view.height / view.row) + 2 * OVERSCAN)];
}

interface Row {
  element: HTMLTableRowElement;
  values: number[];
  index: number;
}

/**
 * The table's rows, newest first (at most `TABLE_ROWS`), a row per kept point with its time as the
 * row header. Only the rows in view are made, between two empty rows as tall as those left out,
 * so an update lays out and paints a screenful of rows however many there are, and each row says
 * where it stands (`aria-rowindex`). A row is made once per point and kept while its point is in
 * view (checked against its values, as another source may answer other values at the same times):
 * an update adds the rows of the points it brought and removes those it pushed out, and formats
 * nothing else.
 */
export class TableRows {
  private _rows = new Map<number, Row>();
  private readonly _above = gap();
  private readonly _below = gap();

  /** Forgets every row (the time zone changed: all times read differently). */
  reset(): void {
    this._rows.clear();
  }

  /** Makes `body` hold the rows of `columns`' newest points that `view` shows, times written by `time`. */
  sync(body: HTMLTableSectionElement, columns: readonly ArrayLike<number>[], time: (ms: number) => string, view: TableView): void {
    const [times, ...values] = columns;
    const n = times.length;
    const shown = Math.min(n, TABLE_ROWS);
    const [first, end] = rowWindow(shown, view);
    const rows = new Map<number, Row>();
    let next: ChildNode | null = body.firstChild;
    const place = (node: ChildNode): void => {
      if (node !== next) body.insertBefore(node, next);
      else next = next.nextSibling;
    };
    place(size(this._above, first * view.row));
    for (let k = first; k < end; k++) {
      const i = n - 1 - k;
      const t = times[i];
      let row = this._rows.get(t);
      if (!row || row.values.length !== values.length || row.values.some((v, c) => !Object.is(v, values[c][i]))) row = makeRow(t, values.map((column) => column[i]), time);
      if (row.index !== k) row.element.setAttribute('aria-rowindex', String((row.index = k) + 2));
      rows.set(t, row);
      place(row.element);
    }
    place(size(this._below, (shown - end) * view.row));
    while (next) {
      const after: ChildNode | null = next.nextSibling;
      next.remove();
      next = after;
    }
    this._rows = rows;
  }
}

/** An empty row standing for rows not made; hidden from assistive technology, which counts rows by `aria-rowcount`. */
function gap(): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.setAttribute('aria-hidden', 'true');
  return row;
}

/** Sets `row`'s height to `px` (the same height again changes nothing: no restyle). */
function size(row: HTMLTableRowElement, px: number): HTMLTableRowElement {
  row.style.height = `${px}px`;
  return row;
}

function makeRow(t: number, values: number[], time: (ms: number) => string): Row {
  const element = document.createElement('tr');
  const head = element.appendChild(document.createElement('th'));
  head.scope = 'row';
  head.textContent = time(t);
  for (const value of values) element.appendChild(document.createElement('td')).textContent = formatValue(value);
  return { element, values, index: -1 };
}
