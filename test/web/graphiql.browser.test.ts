// Issue 12: GraphiQL served by the gateway, loaded in headless Chromium with every origin but the
// gateway's blocked, runs a query with a pasted supplier key; its schema and docs follow that key.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config/paths';
import { launchBrowser, offlineContext } from '../support/browser';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';

const SCHOOL_UNITS = '{ organisations(first: 3, type: [SKOLENHET]) { edges { node { displayName } } } }';

// docs/graphiql.png is the README's picture: written only when asked, so a test run leaves the tree clean.
const SCREENSHOT = process.env['UPDATE_SCREENSHOTS']
  ? path.join(PROJECT_ROOT, 'docs', 'graphiql.png')
  : path.join(tmpdir(), 'graphiql.png');

let stack: E2E;
let browser: Browser;

beforeAll(async () => {
  stack = await startE2E({ students: 100 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

interface OpenPage {
  page: Page;
  context: BrowserContext & { blocked: string[] };
  /** Console errors, uncaught exceptions and CSP violations of the page and its workers. */
  problems: string[];
}

async function openGraphiql(at = '/'): Promise<OpenPage> {
  const gateway = new URL(stack.gatewayUrl).origin;
  const context = await offlineContext(browser, [gateway]);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });
  const problems: string[] = [];
  page.on('console', (message) => {
    // The one expected error: the browser's own log line for the 401 the page gets before a key is pasted.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // Chromium logs a violation as a console error too; this names the directive even where it does not.
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (event) => console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI))",
  );
  await page.goto(new URL(at, gateway).toString());
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
  return { page, context, problems };
}

const useKey = async (page: Page, key: string): Promise<void> => {
  await page.locator('#supplier-key').fill(key);
  const introspected = page.waitForResponse((response) => response.request().postData()?.includes('IntrospectionQuery') === true);
  await page.getByRole('button', { name: 'Use key' }).click();
  expect((await introspected).status()).toBe(200);
};

const setQuery = async (page: Page, query: string): Promise<void> => {
  await page.locator('.graphiql-query-editor .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.getByRole('button', { name: /^Prettify query/ }).click();
};

/** The response pane's visible text (Monaco draws spaces as no-break spaces). */
const responseText = async (page: Page): Promise<string> =>
  (await page.locator('.graphiql-response .monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');

/** The first value of `read` that `done` accepts, or the last one after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const runQuery = async (page: Page): Promise<void> => {
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.request().postData()?.includes('organisations') === true,
  );
  await page.locator('.graphiql-execute-button').click();
  await answered;
};

describe('GraphiQL', () => {
  it('loads with nothing but the gateway reachable and runs a query with a pasted key', async () => {
    const expected = await stack.query<{ organisations: { edges: { node: { displayName: string } }[] } }>(SCHOOL_UNITS);
    const names = expected.data?.organisations.edges.map(({ node }) => node.displayName) ?? [];
    expect(names).toHaveLength(3);

    const { page, context, problems } = await openGraphiql();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    try {
      await useKey(page, DEMO_KEYS.full);
      await setQuery(page, SCHOOL_UNITS);
      await runQuery(page);
      const shown = await until(
        () => responseText(page),
        (text) => text.includes('"displayName"'),
      );
      for (const name of names) expect(shown).toContain(name);

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      expect(context.blocked).toEqual([]);
      expect(problems).toEqual([]);
      // Monaco's GraphQL language worker (autocomplete, validation) ran from the gateway's own files.
      expect(requested).toContainEqual(expect.stringMatching(/^\/assets\/graphql\.worker-[\w-]+\.js$/));
    } finally {
      await context.close();
    }
  });

  it('keeps the key in this tab session only and sends it in a header, never in a URL', async () => {
    const { page, context } = await openGraphiql();
    try {
      const urls: string[] = [];
      const keyHeaders: (string | undefined)[] = [];
      page.on('request', (request) => {
        urls.push(request.url());
        if (request.method() === 'POST') keyHeaders.push(request.headers()['authorization']);
      });
      await useKey(page, DEMO_KEYS.lms);
      await page.reload();
      await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
      expect(await page.locator('.key-status').innerText()).toMatch(/Key in use/);
      // (Expressions as strings: this file is type-checked for Node, without the DOM's globals.)
      expect(await page.evaluate<string>('JSON.stringify({ ...sessionStorage })')).toContain(DEMO_KEYS.lms);
      expect(await page.evaluate<string>('JSON.stringify({ ...localStorage })')).not.toContain(DEMO_KEYS.lms);
      expect(urls.filter((url) => url.includes(DEMO_KEYS.lms))).toEqual([]);
      expect(keyHeaders).toContain(`Bearer ${DEMO_KEYS.lms}`);

      // Another tab session (a new context) starts without it.
      const other = await openGraphiql();
      expect(await other.page.evaluate<string>('JSON.stringify({ ...sessionStorage })')).not.toContain(DEMO_KEYS.lms);
      await other.context.close();
    } finally {
      await context.close();
    }
  });

  it('loads without a key, shows the key field and says a key is needed instead of breaking', async () => {
    const { page, context, problems } = await openGraphiql();
    try {
      expect(await page.locator('#supplier-key').isVisible()).toBe(true);
      expect(
        await until(
          () => responseText(page),
          (text) => text.includes('"errors"'),
        ),
      ).toContain('No supplier key yet');
      expect(context.blocked).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows the pasted key's contract in the docs: demo-lms has no Person.civicNo, demo-full has", async () => {
    const { page, context } = await openGraphiql();
    try {
      // The search list first shows what matched before the (debounced) search ran, and nothing while the
      // schema of a new key loads: wait for `until` to see this term's answer.
      const search = async (term: string, seen: string): Promise<string> => {
        const input = page.locator('.graphiql-doc-explorer-search-input input');
        await input.fill('');
        await input.fill(term);
        return until(
          () => page.locator('[data-cy="doc-explorer-list"]').innerText(),
          (text) => text.includes(seen),
        );
      };
      await useKey(page, DEMO_KEYS.lms);
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      expect(await search('givenName', 'Person.givenName')).toContain('Person.givenName');
      // The schema is loaded (givenName was found), and neither the field nor the persons(civicNo:) filter
      // is in demo-lms's contract: a supplier is not offered an argument it may not use.
      const lms = await search('civicNo', 'No results');
      expect(lms).toContain('No results');
      expect(lms).not.toContain('civicNo');

      // The open search list makes the rest of the page inert: close it first.
      await page.keyboard.press('Escape');
      await useKey(page, DEMO_KEYS.full);
      expect(await search('civicNo', 'Person.civicNo')).toContain('Person.civicNo');
    } finally {
      await context.close();
    }
  });

  it('is what a browser gets at GET /graphql', async () => {
    const { page, context } = await openGraphiql('/graphql');
    try {
      expect(await page.title()).toMatch(/GraphiQL/);
      expect(context.blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
