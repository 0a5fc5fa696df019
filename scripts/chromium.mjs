// Chromium alone, for the scripts that drive it directly (stories check, screenshots, benchmark).
import { pathToFileURL } from 'node:url';
import { assertEngines, chromiumArgs, chromiumPath } from './browsers.mjs';

export { chromiumArgs, chromiumPath };

export function assertChromium() {
  assertEngines(['chromium']);
  return chromiumPath;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) assertChromium();
