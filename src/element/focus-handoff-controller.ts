import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * A button that disables itself when pressed (Start, Stop) hands the focus to its counterpart, so
 * a keyboard user can press Start, then Stop, without looking for the focus; "Follow live", which
 * goes with the zoom it ends, hands it to the chart.
 */
export class FocusHandoffController implements ReactiveController {
  private _focused: Element | null = null;

  constructor(private readonly _host: ReactiveElement) {
    _host.addController(this);
  }

  hostUpdate(): void {
    this._focused = this._host.shadowRoot?.activeElement ?? null;
  }

  hostUpdated(): void {
    const focused = this._focused as HTMLButtonElement | null;
    const gone = focused?.part.contains('live-button') && !focused.isConnected;
    if (!focused?.disabled && !gone) return;
    const other = gone ? 'chart' : focused!.part.contains('start-button') ? 'stop-button' : 'start-button';
    this._host.renderRoot.querySelector<HTMLElement>(`[part=${other}]`)?.focus();
  }
}
