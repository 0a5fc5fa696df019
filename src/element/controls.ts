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

/** What the built-in controls do. */
export interface ControlsActions {
  slide: (event: Event) => void;
  start: () => void;
  stop: () => void;
  toggleTable: () => void;
  download: () => void;
}

/** What the built-in controls do to `el`, through its public API: made once, so a render sets no listener again. */
export function controlsActions(el: ControlsState & { start(): void; stop(): void; toCSV(): string }): ControlsActions {
  return {
    slide: (event) => (el.interval = Number((event.target as HTMLInputElement).value)),
    start: () => el.start(),
    stop: () => el.stop(),
    toggleTable: () => (el.table = !el.table),
    download: () => download(el.toCSV(), 'data-feed.csv', 'text/csv;charset=utf-8'),
  };
}

/**
 * The `controls` part: the interval slider (named by its label; its value also shown, hidden
 * from screen readers, which read `aria-valuetext`), Start and Stop (each disabled when it makes
 * no sense), the table toggle and the CSV download. Listeners are called with the host as `this`.
 */
export function controlsTemplate(state: ControlsState, on: ControlsActions): TemplateResult {
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
      @input=${on.slide}
      @change=${on.slide}
    />
    <button part="start-button" type="button" ?disabled=${state.streaming} @click=${on.start}>${state.startLabel}</button>
    <button part="stop-button" type="button" ?disabled=${!state.streaming} @click=${on.stop}>${state.stopLabel}</button>
    <div class="more">
      <button part="table-button" type="button" aria-pressed=${state.table} @click=${on.toggleTable}>${state.tableLabel}</button>
      <button part="download-button" type="button" @click=${on.download}>${state.downloadLabel}</button>
    </div>
  </div>`;
}
