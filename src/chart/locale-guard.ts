/**
 * uPlot builds `new Intl.NumberFormat(navigator.language)` while its module is evaluated. Where the
 * browser reports a language that is not a BCP 47 tag (WebKitGTK under `LANG=C.UTF-8` says `"C"`),
 * that throws a `RangeError`, uPlot's module fails, and the element never registers. This module is
 * evaluated just before uPlot's (see `uplot.ts`): if the reported language would throw, it shadows
 * `navigator.language` with the runtime's default locale until `restoreLanguage()` runs, just after.
 */
const nav: Navigator | undefined = globalThis.navigator;
/** The page's own descriptor of `language` on the navigator object, if it set one itself. */
let own: PropertyDescriptor | undefined;
let shadowed = false;

function validTag(tag: unknown): boolean {
  try {
    new Intl.NumberFormat(tag as string);
    return true;
  } catch {
    return false;
  }
}

if (nav && !validTag(nav.language)) {
  let fallback = 'en-US';
  try {
    fallback = new Intl.NumberFormat().resolvedOptions().locale;
  } catch {
    // keep en-US
  }
  own = Object.getOwnPropertyDescriptor(nav, 'language');
  Object.defineProperty(nav, 'language', { configurable: true, value: fallback });
  shadowed = true;
}

/** Gives the page its own `navigator.language` back. */
export function restoreLanguage(): void {
  if (!shadowed) return;
  if (own) Object.defineProperty(nav, 'language', own);
  else delete (nav as { language?: string }).language;
  shadowed = false;
}
