// Headless Chromium for the benchmark: the project's binary and flags, and a forced GC.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

/** Launches the project's Chromium ($CHROME_PATH or /usr/bin/chromium); throws if there is none. */
export async function launch() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install Debian's (apt-get install chromium) or set CHROME_PATH`);
  }
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
    defaultViewport: { width: 1280, height: 900, deviceScaleFactor: 1 },
    protocolTimeout: 600_000,
  });
}

/** Opens `url` + `/${name}.html` + query in a new page and waits for its `bench` object. */
export async function openPage(browser, url, name, query = '') {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  page.on('console', (message) => {
    // A missing favicon, and Chromium's advice after the pixel reads the benchmark makes on purpose.
    if (message.location()?.url?.endsWith('favicon.ico') || message.text().includes('willReadFrequently')) return;
    if (message.type() === 'error' || message.type() === 'warn') console.error(`[${name}] ${message.text()}`);
  });
  await page.goto(`${url}/${name}.html${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => 'bench' in globalThis, { timeout: 30_000 });
  return page;
}

/** JS heap in use after a full garbage collection (twice, to let finalizers run), in bytes. */
export async function heapAfterGc(page) {
  const client = await page.createCDPSession();
  try {
    for (let i = 0; i < 3; i++) await client.send('HeapProfiler.collectGarbage');
    const { usedSize } = await client.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await client.detach();
  }
}
