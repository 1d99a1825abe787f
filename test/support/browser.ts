// Headless Chromium for the web pages' tests: Debian's `chromium` package driven by playwright-core
// (nothing is downloaded at test time; .ci/run installs the package when it is missing).
//
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   await page.goto(stack.url);
//   await browser.close();
//
// `offline: true` blocks every request that does not go to the given origins, so a page that
// reaches for a CDN fails the test instead of quietly working on a connected machine.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// The flags a root sandbox with a closed network needs: without the background-networking ones,
// Chromium keeps dialling Google's hosts and its connections are refused.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const launchBrowser = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium), or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
};

/**
 * A browser context where only the given origins answer; any other request is aborted and recorded
 * in `blocked`, so a test can assert the page asked for nothing outside the gateway.
 */
export const offlineContext = async (browser: Browser, allowedOrigins: string[]): Promise<BrowserContext & { blocked: string[] }> => {
  const context = await browser.newContext();
  const blocked: string[] = [];
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const origin = url.startsWith('data:') || url.startsWith('blob:') ? null : new URL(url).origin;
    if (origin === null || allowed.has(origin)) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return Object.assign(context, { blocked });
};
