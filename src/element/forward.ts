import type { ReactiveElement } from 'lit';

/**
 * Defines accessors on `element`'s prototype that forward each of `names` to the object `target`
 * returns (a controller holding the property's reading and effects), asking the host to render
 * after a set; `read`, when given, reads a value before it is stored. Declare the properties to
 * Lit with `noAccessor: true` (and their attributes).
 */
export function forward<H extends ReactiveElement>(
  element: { prototype: H },
  target: (host: H) => object,
  names: readonly string[],
  read = (value: unknown, _name: string) => value,
): void {
  for (const name of names) {
    Object.defineProperty(element.prototype, name, {
      get(this: H) {
        return (target(this) as Record<string, unknown>)[name];
      },
      set(this: H, value: unknown) {
        const to = target(this) as Record<string, unknown>;
        const old = to[name];
        to[name] = read(value, name);
        this.requestUpdate(name, old);
      },
      configurable: true,
    });
  }
}
