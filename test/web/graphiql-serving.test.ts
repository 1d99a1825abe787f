// Issue 12: the gateway serves GraphiQL's built files itself, without a key, with the right types,
// caching and Content-Security-Policy, and nothing outside the build, whatever the path says.
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GRAPHIQL_CSP } from '../../src/gateway/graphiql';
import { staticApp } from '../../src/gateway/static-assets';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { rawRequest } from '../support/raw-request';

let stack: E2E;
const get = (pathname: string, headers: Record<string, string> = {}) => rawRequest(stack.gatewayUrl, 'GET', pathname, headers);

beforeAll(async () => {
  stack = await startE2E({ students: 40 });
});

afterAll(async () => {
  await stack?.close();
});

describe('GraphiQL files', () => {
  it('serves the page at / without a key: HTML, not cached, under a strict CSP', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBe(GRAPHIQL_CSP);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/https?:|unsafe-eval|\*/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<div id="root">');
    // Everything the page names is on the gateway, relative to the page (./assets/…): no CDN.
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves the hashed assets with their types, cached for good', async () => {
    const page = await get('/');
    const assets = [...page.body.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(expect.arrayContaining([expect.stringMatching(/\.js$/), expect.stringMatching(/\.css$/)]));
    for (const asset of assets) {
      const answer = await get(`/${asset}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe(asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // A worker's policy is its own response's: every file carries it.
      expect(answer.headers['content-security-policy']).toBe(GRAPHIQL_CSP);
    }
  });

  it('serves the page to a browser at GET /graphql, while other requests there still need a key', async () => {
    const browser = await get('/graphql', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(browser.status).toBe(200);
    expect(browser.body).toContain('<div id="root">');
    // With a key too: Apollo's own landing page (from a CDN) is off.
    const withKey = await get('/graphql', { accept: 'text/html', authorization: `Bearer ${DEMO_KEYS.full}` });
    expect(withKey.body).toBe(browser.body);
    expect(withKey.body).not.toMatch(/apollographql|embeddable-sandbox|cdn\./);

    expect((await get('/graphql?query=%7B__typename%7D', { accept: 'application/json' })).status).toBe(401);
    const anonymous = await stack.query('{ __typename }', undefined, { apiKey: null });
    expect(anonymous.status).toBe(401);
    const answered = await stack.query('{ __typename }');
    expect(answered).toEqual(expect.objectContaining({ status: 200, data: { __typename: 'Query' } }));
  });

  it('sends text gzipped to a client that accepts it, the same bytes once unzipped', async () => {
    const page = await get('/');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1] ?? '';
    const plain = await get(`/${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    const zipped = await get(`/${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await rawRequest(stack.gatewayUrl, 'HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body).toBe('');
  });

  it('serves nothing outside the build, however the path is written', async () => {
    // The build is dist/web/graphiql: three levels below the project's package.json and config/.
    const attempts = [
      '/../../../package.json',
      '/assets/../../../../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2f..%2fpackage.json',
      '/assets/..%2F..%2F..%2F..%2Fconfig%2Fsuppliers.yaml',
      '/..%5c..%5c..%5cpackage.json',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '//etc/passwd',
      '/assets/',
      '/assets',
      '/index.html/',
      '/assets/missing.js',
      '/%00index.html',
    ];
    for (const attempt of attempts) {
      const answer = await get(attempt);
      expect({ attempt, status: answer.status }).toEqual({ attempt, status: 404 });
      expect(answer.body).not.toMatch(/"name": "ss12000|sha256|root:/);
    }
  });

  it('says how to build the page when the build is missing, and serves nothing else', async () => {
    const missing = staticApp({
      directory: path.join(mkdtempSync(path.join(tmpdir(), 'no-web-')), 'graphiql'),
      mount: '/',
      contentSecurityPolicy: GRAPHIQL_CSP,
    });
    const request = { method: 'GET' } as IncomingMessage;
    expect(missing.built).toBe(false);
    const index = await missing.respond(request, '/');
    expect(index?.status).toBe(404);
    expect(index?.body.toString()).toContain('npm run build:web');
    expect(await missing.respond(request, '/assets/index.js')).toBeUndefined();
  });
});
