// A built web app (vite output: index.html and hashed assets) served under a path of the gateway,
// without authentication: the files hold no data, the app signs in against its API. Only GET and
// HEAD, only files inside `root` (no `..` escapes), an unknown path under the mount gets index.html.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

// Script and styles from the gateway only: what a CDN or an injected tag would need is refused by the browser.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const readOrNull = async (file: string): Promise<Buffer | null> => {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
};

/** Answers requests under `mountPath` (e.g. `/console`) from `root`; resolves false for any other path. */
export const serveStaticApp = (root: string, mountPath: string) => {
  const base = path.resolve(root);
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== mountPath && !pathname.startsWith(`${mountPath}/`)) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Method not allowed.\n');
      return true;
    }
    // Relative asset URLs resolve against the directory: /console must be /console/.
    if (pathname === mountPath) {
      response.writeHead(308, { location: `${mountPath}/` });
      response.end();
      return true;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(mountPath.length + 1));
    } catch {
      relative = '';
    }
    const file = path.resolve(base, relative);
    const inside = file.startsWith(`${base}${path.sep}`) && !relative.includes('\0');
    let body = inside && path.extname(file) !== '' ? await readOrNull(file) : null;
    let type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (body === null) {
      if (inside && path.extname(file) !== '' && path.extname(file) !== '.html') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found.\n');
        return true;
      }
      body = await readOrNull(path.join(base, 'index.html'));
      type = TYPES['.html'] as string;
      if (body === null) {
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`This app is not built: run npm run build:web.\n`);
        return true;
      }
    }
    // Hashed asset names change with their content; index.html must always be fetched again.
    const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': cache, ...SECURITY_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
};
