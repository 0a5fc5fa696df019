import type { ReactiveElement } from 'lit';

/**
 * Defines accessors on `element`'s prototype that forward each of `names` to the object `target`
 * returns (a controller holding the property's reading and effects); `read`, when given, reads a
 * value before it is stored. Lit wraps accessors it finds on the prototype: declared to Lit (in
 * `static properties`, after this has run), a set asks the host to render.
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
        (target(this) as Record<string, unknown>)[name] = read(value, name);
      },
      configurable: true,
    });
  }
}
