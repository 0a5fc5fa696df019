// Finds the Chromium the tests drive: $CHROME_PATH if set, else Debian's /usr/bin/chromium.
// Run directly, it exits non-zero with instructions when there is none.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

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

export function assertChromium() {
  if (existsSync(chromiumPath)) return chromiumPath;
  console.error(
    `No Chromium at ${chromiumPath}.\n` +
      'The tests run in a real headless Chromium. Install Debian\'s:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) assertChromium();
