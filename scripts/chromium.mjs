// The Chromium that the tests, screenshots and benchmarks drive: CHROME_PATH, else the usual
// install locations (docs/contributing.md, "A Chromium browser for the tests").
import { existsSync } from 'node:fs';

/**
 * Path of a Chromium or Chrome binary; throws with install advice when there is none.
 * @returns {string}
 */
export function findChromium() {
  const found = [
    process.env.CHROME_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].find((p) => p && existsSync(p));
  if (!found) throw new Error('No Chromium found. Install one (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH.');
  return found;
}

/** Flags for a headless Chromium that runs as root and never calls the network on its own. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
