import type { ReactiveElement } from 'lit';

/**
 * A button that disables itself when pressed (Start, Stop) hands the focus to its counterpart, so
 * a keyboard user can press Start, then Stop, without looking for the focus; "Follow live", which
 * goes with the zoom it ends, hands it to the chart. A controller of `host`, from now on.
 */
export function focusHandoff(host: ReactiveElement): void {
  let focused: HTMLButtonElement | null = null;
  host.addController({
    hostUpdate() {
      focused = (host.shadowRoot?.activeElement ?? null) as HTMLButtonElement | null;
    },
    hostUpdated() {
      const gone = focused?.part.contains('live-button') && !focused.isConnected;
      if (!focused?.disabled && !gone) return;
      const other = gone ? 'chart' : focused!.part.contains('start-button') ? 'stop-button' : 'start-button';
      host.renderRoot.querySelector<HTMLElement>(`[part=${other}]`)?.focus();
    },
  });
}
