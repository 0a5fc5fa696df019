// Takes the screenshots under docs/: the element as a page shows it, light, dark and with its
// table, from the built bundle, in headless Chromium.
//   npm run build && node scripts/screenshot.mjs
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { assertChromium, chromiumArgs } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const shots = [
  { file: 'data-feed-light.png', scheme: 'light', attributes: '', height: 520 },
  { file: 'data-feed-dark.png', scheme: 'dark', attributes: '', height: 520 },
  { file: 'data-feed-table.png', scheme: 'light', attributes: ' table time-zone="UTC"', height: 860 },
];
const page = (attributes) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Data feed</title>
<script type="module" src="/dist/data-feed.bundle.js"></script>
<style>:root { color-scheme: light dark; } body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; }</style></head>
<body><data-feed${attributes}></data-feed></body></html>`;

const server = createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/') {
    const shot = shots[Number(new URL(request.url, 'http://localhost').searchParams.get('shot'))];
    response.writeHead(200, { 'content-type': 'text/html' }).end(page(shot.attributes));
    return;
  }
  try {
    const body = await readFile(root + path.slice(1));
    response.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await puppeteer.launch({ executablePath: assertChromium(), headless: true, args: chromiumArgs });
try {
  const tab = await browser.newPage();
  for (const [index, shot] of shots.entries()) {
    await tab.setViewport({ width: 960, height: shot.height, deviceScaleFactor: 1 });
    await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme }]);
    await tab.goto(`http://127.0.0.1:${server.address().port}/?shot=${index}`);
    await tab.waitForFunction(() => document.querySelector('data-feed')?.shadowRoot?.querySelector('canvas'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const element = await tab.$('data-feed');
    await element.screenshot({ path: fileURLToPath(new URL(`../docs/${shot.file}`, import.meta.url)) });
    console.log(`docs/${shot.file} written`);
  }
} finally {
  await browser.close();
  server.close();
}
