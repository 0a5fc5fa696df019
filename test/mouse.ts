// The mouse on the plot, as a user moves it: real moves and drags (the test runner's sendMouse: CDP
// in Chromium, WebDriver BiDi in Firefox, WebDriver in WebKit). Imports no build of the element, so
// the bundle's tests can use it before the bundle is registered.
import { sendMouse } from '@web/test-runner-commands';
import { cursorLayer } from './harness.js';

/** Viewport coordinates (whole pixels) at `fraction` of the plot's width, halfway down. */
export function at(el: Element, fraction: number): [number, number] {
  const box = cursorLayer(el).getBoundingClientRect();
  return [Math.round(box.left + fraction * box.width), Math.round(box.top + box.height / 2)];
}

/** A real drag with the mouse's main button from `a` to `b` (fractions of the plot's width). */
export async function drag(el: Element, a: number, b: number, onMove?: () => void): Promise<void> {
  const [x0, y] = at(el, a);
  const [x1] = at(el, b);
  await sendMouse({ type: 'move', position: [x0, y] });
  await sendMouse({ type: 'down' });
  for (let k = 1; k <= 4; k++) await sendMouse({ type: 'move', position: [Math.round(x0 + ((x1 - x0) * k) / 4), y] });
  onMove?.();
  await sendMouse({ type: 'up' });
}
