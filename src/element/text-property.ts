import type { ReactiveElement } from 'lit';
import { property } from 'lit/decorators.js';
import { readText } from '../core/values.js';

/**
 * A text property with an attribute, whose `null` or `undefined` (a removed attribute) means
 * `fallback`: `@textProperty('Start streaming', 'start-label') declare startLabel: string;`.
 * Any other value is shown as its text.
 */
export function textProperty(fallback: string, attribute: string) {
  return (proto: ReactiveElement, name: string): void => {
    const held = new WeakMap<object, string>();
    Object.defineProperty(proto, name, {
      get(this: ReactiveElement) {
        return held.get(this) ?? fallback;
      },
      set(this: ReactiveElement, value: unknown) {
        const old = held.get(this) ?? fallback;
        held.set(this, readText(value, fallback));
        this.requestUpdate(name, old);
      },
      configurable: true,
      enumerable: true,
    });
    property({ attribute, noAccessor: true })(proto, name);
  };
}
