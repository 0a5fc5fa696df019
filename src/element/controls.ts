import { html, type TemplateResult } from 'lit';
import { download } from '../export/download.js';

/** What the built-in controls show: the element's own properties. */
export interface ControlsState {
  interval: number;
  minInterval: number;
  maxInterval: number;
  step: number;
  streaming: boolean;
  table: boolean;
  sliderLabel: string;
  startLabel: string;
  stopLabel: string;
  tableLabel: string;
  downloadLabel: string;
}

/** The element the controls belong to: they act through its public API. */
type Host = ControlsState & { start(): void; stop(): void; toCSV(): string };

// What the built-in controls do: Lit calls a listener with the host as `this`, so these are made
// once and a render sets no listener again.
function slide(this: Host, event: Event): void {
  this.interval = Number((event.target as HTMLInputElement).value);
}
function toggleTable(this: Host): void {
  this.table = !this.table;
}
function downloadCSV(this: Host): void {
  download(this.toCSV(), 'data-feed.csv', 'text/csv;charset=utf-8');
}

/**
 * The `controls` part: the interval slider (named by its label; its value also shown, hidden
 * from screen readers, which read `aria-valuetext`), Start and Stop (each disabled when it makes
 * no sense), the table toggle and the CSV download. Listeners are called with the host as `this`.
 */
export function controlsTemplate(state: Host): TemplateResult {
  const seconds = state.interval.toFixed(2);
  return html`<div part="controls">
    <div class="slider-label">
      <label for="slider">${state.sliderLabel}</label>
      <output for="slider" aria-hidden="true">${seconds}</output>
    </div>
    <input
      part="slider"
      id="slider"
      type="range"
      min=${state.minInterval}
      max=${state.maxInterval}
      step=${state.step}
      .value=${String(state.interval)}
      aria-valuetext=${`${seconds} s`}
      @input=${slide}
      @change=${slide}
    />
    <button part="start-button" type="button" ?disabled=${state.streaming} @click=${state.start}>${state.startLabel}</button>
    <button part="stop-button" type="button" ?disabled=${!state.streaming} @click=${state.stop}>${state.stopLabel}</button>
    <div class="more">
      <button part="table-button" type="button" aria-pressed=${state.table} @click=${toggleTable}>${state.tableLabel}</button>
      <button part="download-button" type="button" @click=${downloadCSV}>${state.downloadLabel}</button>
    </div>
  </div>`;
}
