import { render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Columns } from '../core/buffer.js';
import { timeFormatter } from './format.js';
import { Throttle, describeLatest, summarize } from './summary.js';
import { TableRows, tableTemplate, type TableView } from './table.js';

/** Where the words go, in the element's shadow root (any may be absent). */
interface TextTargets {
  summary: Element | null;
  announcer: Element | null;
  table: HTMLElement | null;
}

/**
 * The chart in words, kept in step with what is drawn: the summary the chart is described by,
 * polite announcements of new data (at most one every 5 s), and the data table when shown.
 * Written straight into their nodes after each draw, so a data update re-renders none of the
 * element's controls.
 */
export class TextViews implements ReactiveController {
  private _time = timeFormatter();
  private readonly _rows = new TableRows();
  private _timeZone = '';
  private readonly _throttle = new Throttle();
  /** While streaming the summary is rewritten at most as often as new data is announced. */
  private readonly _summaryThrottle = new Throttle();
  /** Points arrived while streaming that no announcement has told yet. */
  private _untold = false;
  private _targets: TextTargets = { summary: null, announcer: null, table: null };
  /** Where the table is scrolled, read when it scrolls or changes size (never in an update). */
  private _view: TableView = { top: 0, height: 0, row: 0 };
  /** What the table showed last, to show again when it scrolls. */
  private _shown!: [readonly string[], Columns];
  /** Tells of the table's size once laid out, and of its header's (a font that loaded later), so rows fill it. */
  private readonly _sized = new ResizeObserver(() => this._scrolled());
  /** The header of the table shown: a new one is a new table. */
  private _head: Element | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Detached, the table's sizes are not watched; the next render watches them again. */
  hostDisconnected(): void {
    if (!this._head) return;
    this._sized.disconnect();
    this._head = null;
  }

  /**
   * Finds the nodes the words go into in `root`: the `summary` and `table` parts and the
   * `.announcer` live region. Called after each render (not on every draw).
   */
  find(root: ParentNode): void {
    this._targets = {
      summary: root.querySelector('[part=summary]'),
      announcer: root.querySelector('.announcer'),
      table: root.querySelector<HTMLElement>('[part=table]'),
    };
  }

  /**
   * The table scrolled or changed size: reads where it stands (layout is fresh at these times, so
   * this forces none) and shows the rows now in view.
   */
  private _scrolled(): void {
    const region = this._targets.table;
    // Row 1 is the header; not row 2 either, which WebKit draws a pixel shorter under the header's border.
    const rows = region?.querySelectorAll<HTMLElement>('[aria-rowindex]');
    // Its exact height, not offsetHeight's whole pixels: half a pixel off would put row 500 a screen away.
    const row = (rows?.[2] ?? rows?.[1])?.getBoundingClientRect().height;
    // Detached or hidden, a row measures 0: nothing to show until it is back.
    if (!row) return;
    this._view = { top: region!.scrollTop, height: region!.clientHeight, row };
    this.renderTable(...this._shown);
  }

  /** Shows times in `timeZone` (canonical IANA name or `UTC`; empty: the browser's). */
  setTimeZone(timeZone: string): void {
    this._timeZone = timeZone;
    this._time = timeFormatter(timeZone || undefined);
    this._rows.reset();
  }

  /** New points were kept: while `streaming` they are worth announcing. */
  arrived(streaming: boolean): void {
    if (streaming) this._untold = true;
  }

  /**
   * Streaming turned on or off: what arrived before is not announced any more, and a new stream's
   * first points are told without waiting out the last announcement.
   */
  reset(): void {
    this._untold = false;
    this._throttle.reset();
    this._summaryThrottle.reset();
  }

  /**
   * Writes the words for `columns` into the nodes found last; `now` is the time in ms (for the throttles).
   * While `streaming` the summary is rewritten at most once every 5 s (formatting it is a visible
   * share of an update's cost, and it describes a moving chart anyway); otherwise every time.
   */
  update(names: readonly string[], columns: Columns, now: number, streaming: boolean): void {
    const targets = this._targets;
    if (targets.summary && (!streaming || this._summaryThrottle.take(now))) targets.summary.textContent = summarize(names, columns, this._time);
    if (this._untold && columns[0].length > 0 && targets.announcer && this._throttle.take(now)) {
      this._untold = false;
      targets.announcer.textContent = describeLatest(names, columns, this._time);
    }
    this.renderTable(names, columns);
  }

  /** Renders the table of `columns`, when it is shown. */
  renderTable(names: readonly string[], columns: Columns): void {
    const region = this._targets.table;
    if (!region) return;
    this._shown = [names, columns];
    const header = this._timeZone ? `Time (${this._timeZone})` : 'Time';
    render(tableTemplate(names, columns[0].length, header), region);
    const head = region.querySelector('thead');
    if (head !== this._head) {
      this._head = head;
      this._view = { top: 0, height: 0, row: 0 };
      this._sized.disconnect();
      this._sized.observe(region);
      this._sized.observe(head!);
      region.onscroll = () => this._scrolled();
    }
    this._rows.sync(region.querySelector('tbody')!, columns, this._time, this._view);
  }
}
