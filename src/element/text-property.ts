import type { ReactiveElement } from 'lit';
import { readText } from '../core/values.js';

/**
 * The accessors of a text property whose `null` or `undefined` (a removed attribute) means
 * `fallback`: `@textProperty('Start streaming') declare startLabel: string;`. Any other value is
 * shown as its text. Declare the property to Lit with `noAccessor: true` (and its attribute).
 */
export function textProperty(fallback: string) {
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
  };
}
