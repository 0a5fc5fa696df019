// Headless Chromium for the benchmark: the project's binary and flags, the renderer's CPU time,
// a viewport that shows the whole page, and a forced GC.
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
    if (message.location()?.url?.endsWith('favicon.ico')) return;
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

/**
 * How many objects of the page inherit from `prototype` (an expression, such as
 * `'HTMLCanvasElement.prototype'`), counted by DevTools after a forced GC: what is still alive.
 */
export async function liveCount(page, prototype) {
  await heapAfterGc(page);
  const client = await page.createCDPSession();
  try {
    const { result: proto } = await client.send('Runtime.evaluate', { expression: prototype });
    const { objects } = await client.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
    const { result } = await client.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    return result.value;
  } finally {
    await client.detach();
  }
}

/**
 * The CPU time of the page's renderer main thread, from the DevTools Performance metrics:
 * `ThreadTime` is that thread's CPU time, and it includes the software raster of 2D canvases,
 * which Chromium does on that thread at the end of the task that drew (`TaskDuration` leaves it
 * out; `node bench/run.mjs --only=metric` shows both against a trace).
 */
export async function cpuMeter(page) {
  const client = await page.createCDPSession();
  await client.send('Performance.enable', { timeDomain: 'timeTicks' });
  const read = async () => {
    const { metrics } = await client.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    return { thread: m.ThreadTime * 1000, wall: m.Timestamp * 1000, task: m.TaskDuration * 1000, script: m.ScriptDuration * 1000 };
  };
  return {
    read,
    /** Runs `fn` and returns its result with the CPU (`thread`), wall, task and script ms it took. */
    async measure(fn) {
      const a = await read();
      const value = await fn();
      const z = await read();
      return { thread: z.thread - a.thread, wall: z.wall - a.wall, task: z.task - a.task, script: z.script - a.script, value };
    },
    detach: () => client.detach(),
  };
}

/** Makes the viewport as large as the page, so that every chart is on screen (and painted). */
export async function fitViewport(page) {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.setViewport({ width: Math.max(width, 1280), height: Math.max(height, 900), deviceScaleFactor: 1 });
}
