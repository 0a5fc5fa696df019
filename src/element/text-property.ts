import type { ReactiveElement } from 'lit';
import { readText } from '../core/values.js';

/**
 * Defines accessors on `element`'s prototype for text properties whose `null` or `undefined`
 * (a removed attribute) means their default, given here by name. Any other value is shown as its
 * text. Declare the properties to Lit with `noAccessor: true` (and their attributes).
 */
export function textProperties(element: { prototype: ReactiveElement }, defaults: Record<string, string>): void {
  for (const [name, fallback] of Object.entries(defaults)) {
    const held = new WeakMap<object, string>();
    Object.defineProperty(element.prototype, name, {
      get(this: ReactiveElement) {
        return held.get(this) ?? fallback;
      },
      set(this: ReactiveElement, value: unknown) {
        const old = held.get(this) ?? fallback;
        held.set(this, readText(value, fallback));
        this.requestUpdate(name, old);
      },
      configurable: true,
    });
  }
}
