import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';

/** The engine running this test file, from its user agent. */
export type Engine = 'chromium' | 'firefox' | 'webkit';
export const engine: Engine = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrome\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';
const engineName = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }[engine];

/**
 * `it` for a check that needs a test command only Chromium has (it goes through CDP). In the other
 * engines the test is reported as skipped and the browser log says which command it needs.
 */
export function itInChromium(title: string, needs: string, fn: Mocha.AsyncFunc): Mocha.Test {
  if (engine === 'chromium') return it(title, fn);
  return it(title, function () {
    console.log(`skipped in ${engineName}: "${title}" needs ${needs}, which only Chromium has (CDP)`);
    this.skip();
  });
}

/** Puts the emulated media back after a Chromium-only test changed it; nothing to undo elsewhere. */
export async function resetMedia(): Promise<void> {
  if (engine === 'chromium') await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
}

/**
 * Presses `key` while `modifier` is held (e.g. Shift+Tab), in every engine: the test runner's
 * `sendKeys` has no key-down/up over WebDriver, so a command of this project's does it
 * (see `keyChordPlugin` in web-test-runner.config.mjs).
 */
export async function pressChord(modifier: 'Shift' | 'Control' | 'Alt', key: string): Promise<void> {
  await executeServerCommand('key-chord', { modifier, key });
}
