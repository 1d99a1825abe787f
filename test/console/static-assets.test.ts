// The built console's files under /console/: only files the build wrote, a CSP that lets the page load
// nothing but the gateway's own files. Anything else is not the console's (418 here: the gateway goes on).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { consolePages } from '../../src/gateway/admin/console-pages';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'static-'));
  await mkdir(path.join(dir, 'app', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'app', 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(dir, 'app', 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the build');
  const pages = consolePages(path.join(dir, 'app'));
  server = createServer((request, response) => {
    void pages(request, new URL(request.url ?? '/', 'http://localhost').pathname).then((page) => {
      if (!page) return void response.writeHead(418).end();
      response.writeHead(page.status, page.headers);
      response.end(page.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const get = (pathname: string, method = 'GET') => fetch(`${base}${pathname}`, { method, redirect: 'manual' });

test('the mount redirects to its directory; index.html and hashed assets are served with their types', async () => {
  const bare = await get('/console');
  expect([bare.status, bare.headers.get('location')]).toEqual([308, '/console/']);
  const index = await get('/console/');
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const script = await get('/console/assets/index-abc.js');
  expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([
    200,
    'text/javascript; charset=utf-8',
    'console.log(1)',
  ]);
  expect(script.headers.get('cache-control')).toContain('immutable');
});

test('nothing outside the build: an escape gets the app or 404, never the file', async () => {
  for (const escape of [
    '/console/../secret.txt',
    '/console/%2e%2e/secret.txt',
    '/console/..%2fsecret.txt',
    '/console/assets/..%2f..%2fsecret.txt',
  ]) {
    const response = await get(escape);
    expect(await response.text()).not.toContain('outside the build');
  }
  expect((await get('/console/assets/missing.js')).status).toBe(418);
});

test('other paths are not its business; only GET and HEAD', async () => {
  expect((await get('/consoles')).status).toBe(418);
  expect((await get('/graphql')).status).toBe(418);
  expect((await get('/console/', 'POST')).status).toBe(418);
  expect((await get('/console/', 'HEAD')).status).toBe(200);
});
