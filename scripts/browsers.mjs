// The three engines the tests run in, from Debian's packages: Chromium, Firefox ESR and WebKitGTK.
// `BROWSERS=chromium,firefox` picks a subset. Run directly, it exits non-zero with instructions
// when a chosen engine is missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, connect } from 'node:net';
import { pathToFileURL } from 'node:url';

export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const miniBrowserPath =
  process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const xvfbPath = '/usr/bin/Xvfb';

/** Flags for headless Chromium as root, on a machine with no network but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const ENGINES = {
  chromium: { needs: [chromiumPath], packages: 'chromium', hint: 'or point CHROME_PATH at a Chromium or Chrome binary' },
  firefox: { needs: [firefoxPath], packages: 'firefox-esr', hint: 'or point FIREFOX_PATH at a Firefox binary' },
  webkit: {
    needs: [webkitDriverPath, miniBrowserPath, xvfbPath],
    packages: 'webkit2gtk-driver xvfb xauth',
    hint: 'WebKitGTK runs as MiniBrowser under Xvfb',
  },
};

/** The engines asked for by BROWSERS (all three by default), in a fixed order. */
export function chosenEngines() {
  const asked = (process.env.BROWSERS || 'chromium,firefox,webkit')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((name) => !(name in ENGINES));
  if (unknown.length) {
    console.error(`BROWSERS names ${unknown.join(', ')}; known engines: ${Object.keys(ENGINES).join(', ')}.`);
    process.exit(1);
  }
  return Object.keys(ENGINES).filter((name) => asked.includes(name));
}

/** Exits with the install command when a chosen engine is not on this machine. */
export function assertEngines(engines = chosenEngines()) {
  const missing = engines.filter((name) => ENGINES[name].needs.some((path) => !existsSync(path)));
  if (!missing.length) return engines;
  const packages = missing.map((name) => ENGINES[name].packages).join(' ');
  console.error(
    `Missing browser engine${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.\n` +
      'The tests run in real headless browsers from Debian\'s packages. Install them with:\n' +
      `  sudo apt-get update && sudo apt-get install -y ${packages}\n` +
      missing.map((name) => `  (${name}: ${ENGINES[name].hint})\n`).join('') +
      'or run a subset, e.g. BROWSERS=chromium npm test',
  );
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) before listening`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not listen on ${port} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts Xvfb on a display it picks itself (`-displayfd`) and resolves with that display. */
function startXvfb() {
  const xvfb = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    xvfb.stderr.on('data', (chunk) => (errors += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve({ xvfb, display: `:${text.trim()}` });
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.trim()}`)));
  });
}

/**
 * WebKitGTK's MiniBrowser driven by WebKitWebDriver under its own Xvfb, both started with the
 * launcher and stopped with it. The machine's locale is kept as it is (C.UTF-8 here): the element
 * must work where `navigator.language` is not a valid language tag.
 */
export async function webkitLauncher() {
  const { WebdriverLauncher } = await import('@web/test-runner-webdriver');
  const capabilities = {
    browserName: 'MiniBrowser',
    // WebKitWebDriver speaks classic WebDriver only: without this, webdriverio asks for BiDi and no session matches.
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
  };
  class WebKitLauncher extends WebdriverLauncher {
    constructor() {
      super({ hostname: '127.0.0.1', port: 0, capabilities, logLevel: 'error' });
      this.processes = [];
    }
    async initialize(config) {
      await super.initialize(config);
      this.name = 'WebKit';
      const { xvfb, display } = await startXvfb();
      this.processes.push(xvfb);
      const port = await freePort();
      const driver = spawn(webkitDriverPath, [`--port=${port}`, '--host=127.0.0.1'], {
        stdio: 'ignore',
        env: { ...process.env, DISPLAY: display },
      });
      this.processes.push(driver);
      await waitForPort(port, driver);
      this.options.port = port;
    }
    async stop() {
      await super.stop();
      for (const child of this.processes.reverse()) child.kill('SIGTERM');
      this.processes = [];
    }
  }
  return new WebKitLauncher();
}

/** A fresh folder for what the tests download (the CSV export). */
function downloadDir() {
  return mkdtempSync(join(tmpdir(), 'data-feed-downloads-'));
}

/** The test runner's launchers for the chosen engines. */
export async function launchers(engines = assertEngines()) {
  const { chromeLauncher } = await import('@web/test-runner-chrome');
  const list = [];
  for (const engine of engines) {
    if (engine === 'chromium') {
      list.push(chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } }));
    } else if (engine === 'firefox') {
      const puppeteer = await import('puppeteer-core');
      list.push(
        chromeLauncher({
          puppeteer: puppeteer.default ?? puppeteer,
          launchOptions: {
            browser: 'firefox',
            protocol: 'webDriverBiDi',
            executablePath: firefoxPath,
            headless: true,
            extraPrefsFirefox: {
              // A finished download opens Firefox's Downloads panel, which takes the focus from the
              // content: every later test file's page then has document.hasFocus() false, so key
              // presses after el.focus() never activate a button and :focus-visible never matches.
              'browser.download.alwaysOpenPanel': false,
              // Save downloads into a folder of this run, not the user's Downloads.
              'browser.download.folderList': 2,
              'browser.download.dir': downloadDir(),
            },
          },
        }),
      );
    } else {
      list.push(await webkitLauncher());
    }
  }
  return list;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Browser engines: ${assertEngines().join(', ')}`);
}
