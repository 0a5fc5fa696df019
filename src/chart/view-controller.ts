import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { Warn } from '../core/settings.js';
import type { ChartController } from './chart-controller.js';
import { joinGroup, leaveGroup, readView, sameView, shareView, type View, type ViewMember } from './view-sync.js';

export interface ViewControllerOptions {
  chart: ChartController;
  warn: Warn;
  /** The view changed (after the first connect), whatever changed it: tell the page. */
  changed: (view: View | null) => void;
}

/** The narrowest view the keys zoom into, in ms. */
const MIN_WIDTH = 1;

/**
 * What the user sees of the time axis: live (following the data) or a range held still, set by a
 * drag across the plot, the keys on the focused plot, a double-click, the "Follow live" button, the
 * `view` property, or another element of the same `sync` group. Each change redraws the chart,
 * re-renders the host (the chart's name, the button) and is told once through `changed`. A member
 * of a sync group joins it on connect and leaves it on disconnect.
 */
export class ViewController implements ReactiveController, ViewMember {
  private _view: View | null = null;
  private _sync = '';
  /** The group joined now ('' for none). */
  private _joined = '';
  /** The first connect happened: changes are told from then on (values set before are the initial state). */
  private _ready = false;

  constructor(
    private readonly _host: ReactiveElement,
    private readonly _options: ViewControllerOptions,
  ) {
    _host.addController(this);
    _options.chart.onSelect = (from, to) => this._change({ from, to });
    _options.chart.onReset = () => this._change(null);
  }

  get view(): View | null {
    return this._view;
  }
  set view(value: View | null) {
    const view = readView(value);
    if (view === undefined) this._options.warn('view', value, 'not null or { from, to } with finite from < to (ms since the epoch); keeping the current view');
    else this._change(view);
  }

  get sync(): string {
    return this._sync;
  }
  set sync(value: string) {
    const name = value == null ? '' : String(value).trim();
    if (name === this._sync) return;
    this._sync = name;
    this._options.chart.setCursorSync(name);
    if (this._host.isConnected) this._join();
  }

  hostConnected(): void {
    this._ready = true;
    this._join();
  }

  hostDisconnected(): void {
    this._leave();
  }

  /** Another element of the group changed its view. */
  follow(view: View | null): void {
    this._change(view, false);
  }

  /** The chart's accessible name: its series, and live or the range it shows. */
  label(names: readonly string[]): string {
    return `Line chart of ${names.join(', ')}, ${this._view ? this._describe(this._view) : 'live'}`;
  }

  /** The "Follow live" button, while zoomed. */
  liveButton(text: string): TemplateResult | typeof nothing {
    return this._view ? html`<button part="live-button" type="button" @click=${this._onLive}>${text}</button>` : nothing;
  }

  /** Keys on the focused plot: + and - zoom around the middle, ← and → move by a tenth, Home and Escape go live. */
  readonly onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // the browser's zoom, shortcuts
    const shown = this._shown();
    if (!shown) return;
    const [from, to] = shown;
    const width = to - from;
    const middle = from + width / 2;
    const step = event.key === 'ArrowLeft' ? -width / 10 : width / 10;
    let next: View | null;
    if (event.key === '+' || event.key === '=') {
      const half = Math.max(width / 4, MIN_WIDTH / 2);
      next = { from: middle - half, to: middle + half };
    } else if (event.key === '-' || event.key === '_') next = { from: middle - width, to: middle + width };
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') next = { from: from + step, to: to + step };
    else if ((event.key === 'Home' || event.key === 'Escape') && this._view) next = null;
    else return;
    event.preventDefault();
    this._change(next);
  };

  private readonly _onLive = (): void => this._change(null);

  /** The range shown now: the view, or what the live chart spans. */
  private _shown(): [number, number] | null {
    if (this._view) return [this._view.from, this._view.to];
    const x = this._options.chart.plot?.scales.x;
    return x?.min != null && x.max != null && x.min < x.max ? [x.min, x.max] : null;
  }

  /**
   * Shows `view` (null: live). A change made here (`own`) is shared with the sync group and
   * announced; one followed from the group is not passed on, so no change goes round.
   */
  private _change(input: View | null, own = true): void {
    const view = input && readView(input);
    if (view === undefined || sameView(view, this._view)) return;
    this._view = view;
    this._options.chart.setView(view && [view.from, view.to]);
    this._host.requestUpdate();
    if (this._ready) {
      this._options.changed(view);
      if (this._view !== view) return; // a listener changed it again, and shared that
    }
    if (!own) return;
    if (this._joined) shareView(this._joined, this, view);
    const announcer = this._host.renderRoot?.querySelector('.announcer');
    if (announcer) announcer.textContent = view ? `Showing ${this._describe(view)}.` : 'Following live data.';
  }

  private _describe(view: View): string {
    const time = this._options.chart.formatTime;
    return `from ${time(view.from)} to ${time(view.to)}`;
  }

  /** Joins the group named by `sync` (leaving any other), taking the view its members show. */
  private _join(): void {
    this._leave();
    if (!this._sync) return;
    this._joined = this._sync;
    const shown = joinGroup(this._sync, this);
    if (shown !== undefined) this._change(shown, false);
  }

  private _leave(): void {
    if (this._joined) leaveGroup(this._joined, this);
    this._joined = '';
  }
}
