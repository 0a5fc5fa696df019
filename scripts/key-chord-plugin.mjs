// A test-runner command: press a key while a modifier is held, in Chromium and Firefox (puppeteer)
// and in WebKit (WebDriver actions). @web/test-runner-commands' sendKeys has no down/up over WebDriver.

// WebDriver's code points for the keys the tests use (W3C WebDriver, "keyboard actions").
const WEBDRIVER_KEYS = { Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Tab: '\uE004', Enter: '\uE007' };

export function keyChordPlugin() {
  return {
    name: 'key-chord-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'key-chord') return undefined;
      const { modifier, key } = payload;
      if (session.browser.type === 'puppeteer') {
        const page = session.browser.getPage(session.id);
        await page.keyboard.down(modifier);
        await page.keyboard.press(key);
        await page.keyboard.up(modifier);
        return true;
      }
      if (session.browser.type === 'webdriver') {
        const [held, pressed] = [WEBDRIVER_KEYS[modifier], WEBDRIVER_KEYS[key] ?? key];
        if (!held) throw new Error(`key-chord: unknown modifier ${modifier}`);
        await session.browser.driverManager.performActions(session.id, [
          {
            type: 'key',
            id: 'keyboard',
            actions: [
              { type: 'keyDown', value: held },
              { type: 'keyDown', value: pressed },
              { type: 'keyUp', value: pressed },
              { type: 'keyUp', value: held },
            ],
          },
        ]);
        return true;
      }
      throw new Error(`key-chord is not supported for browser type ${session.browser.type}`);
    },
  };
}
