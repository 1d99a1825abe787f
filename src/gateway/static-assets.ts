// Serves a built browser app (dist/web/<app>, made by web/build.mjs) without authentication: the files
// are the same for everyone and hold no data. Only the files the build wrote are served: the list is
// read once at start, and a request path is looked up in it as a string, so `..`, encoded slashes or
// symlinks can never reach a file outside it.
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { PROJECT_ROOT } from '../config/paths';

const gzipped = promisify(gzip);

/** Where web/build.mjs writes the apps: dist/web/<app>. */
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface StaticApp {
  /** Whether the build was found (false: the app answers 404 with how to build it). */
  readonly built: boolean;
  /** The answer for `pathname` below the mount point, or undefined when it names no file of the app. */
  respond(request: IncomingMessage, pathname: string): Promise<StaticResponse | undefined>;
}

export interface StaticAppOptions {
  /** The built app's directory (dist/web/<app>). */
  directory: string;
  /** Where it is mounted, ending in a slash: '/' for GraphiQL. */
  mount: string;
  /** Content-Security-Policy of every file (a worker's policy is its own response's, not the page's). */
  contentSecurityPolicy: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite names everything under assets/ by content hash: a changed file is a new name, so it never goes stale.
const IMMUTABLE = 'public, max-age=31536000, immutable';

// Text compresses to about a third (GraphiQL: 7.3 MB to 2.2 MB); fonts and images are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.ttf']);
const acceptsGzip = (request: IncomingMessage): boolean => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/** Every file below `directory`, as slash-separated paths relative to it. */
function listFiles(directory: string, prefix = ''): string[] {
  return readdirSync(path.join(directory, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return listFiles(directory, relative);
    return entry.isFile() ? [relative] : [];
  });
}

const notBuilt = (directory: string): StaticResponse => ({
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: Buffer.from(`This page is not built: run npm run build:web (${path.relative(PROJECT_ROOT, directory)} is missing).\n`),
});

export function staticApp(options: StaticAppOptions): StaticApp {
  const built = statSync(path.join(options.directory, 'index.html'), { throwIfNoEntry: false })?.isFile() === true;
  const files = new Set(built ? listFiles(options.directory) : []);
  const headersOf = (file: string): Record<string, string> => ({
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': file.startsWith('assets/') ? IMMUTABLE : 'no-cache',
    'content-security-policy': options.contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  });
  // Each file is compressed once, on first request, and kept: the files never change while the process runs.
  const compressed = new Map<string, Promise<Buffer>>();
  const gzipOf = (file: string, body: Buffer): Promise<Buffer> => {
    let found = compressed.get(file);
    if (found === undefined) {
      found = gzipped(body);
      compressed.set(file, found);
    }
    return found;
  };
  return {
    built,
    respond: async (request, pathname) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !pathname.startsWith(options.mount)) return undefined;
      const requested = pathname.slice(options.mount.length);
      const file = requested === '' ? 'index.html' : requested;
      if (!built) return file === 'index.html' ? notBuilt(options.directory) : undefined;
      // Compared as the raw (still percent-encoded) path: no decoding, so no encoded `..` or `/` to undo.
      if (!files.has(file)) return undefined;
      // node:http sends no body to a HEAD request; the length says what a GET would get.
      const plain = await readFile(path.join(options.directory, file));
      const headers = headersOf(file);
      if (!COMPRESSIBLE.has(path.extname(file)))
        return { status: 200, headers: { ...headers, 'content-length': String(plain.length) }, body: plain };
      const gzip = acceptsGzip(request);
      const body = gzip ? await gzipOf(file, plain) : plain;
      return {
        status: 200,
        headers: {
          ...headers,
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
          vary: 'Accept-Encoding',
          'content-length': String(body.length),
        },
        body,
      };
    },
  };
}
