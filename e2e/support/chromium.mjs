// Debian's Chromium, headless, as every browser run of the project starts
// it: the browser tests, the benchmark, the ranking comparison and
// Lighthouse. Nothing is downloaded: Playwright drives the system browser.
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Launches it through `chromium` from the caller's own playwright-core (each
 * npm package folder pins its copy). Playwright gives every launch a fresh,
 * empty --user-data-dir of its own.
 */
export function launchChromium(chromium, extraFlags = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}
