import type { Warn } from '../core/settings.js';
import { toText } from '../core/values.js';

/**
 * The host's attribute bookkeeping: which attribute is being applied (so a warning names what
 * the page wrote, and writing an attribute back does not echo), and reflected attributes written
 * at once, as a native element's are, not at the next render.
 */
export class Attributes {
  /** Set at the first connect: before it, attributes arrive one by one and may re-clamp each other. */
  ready = false;
  private _applying: string | null = null;

  constructor(private readonly _host: HTMLElement) {}

  /** Runs `apply` as the application of attribute `name`, unless it is our own write coming back. */
  apply(name: string, apply: () => void): void {
    if (this._applying === name) return;
    this._applying = name;
    try {
      apply();
    } finally {
      this._applying = null;
    }
  }

  get(name: string): string | null {
    return this._host.getAttribute(name);
  }

  /** Writes attribute `name` (`null` removes it) now. Not while attributes are first applied. */
  write(name: string, value: string | null): void {
    if (this._applying === name || (this._applying && !this.ready)) return;
    if (this._host.getAttribute(name) === value) return;
    this.apply(name, () => (value === null ? this._host.removeAttribute(name) : this._host.setAttribute(name, value)));
  }

  /** Logs one warning naming the attribute being applied, or else the property, and the value. */
  readonly warn: Warn = (property, input, problem) => {
    const name = this._applying ?? property;
    const shown = typeof input === 'string' ? JSON.stringify(input) : toText(input);
    console.warn(`data-feed: ${this._applying ? 'attribute' : 'property'} ${name} = ${shown}: ${problem}.`);
  };
}
