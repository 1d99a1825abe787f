// GraphiQL (web/graphiql, built into dist/web/graphiql) at / and at GET /graphql for a browser (Accept:
// text/html), before authentication: the page loads without a key and asks for one (SECURITY.md).
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { staticApp, WEB_DIST_DIR, type StaticApp, type StaticResponse } from './static-assets';

// Measured in test/web/graphiql.browser.test.ts (it fails on any CSP violation): Monaco's workers load
// as files ('self'), its editors add <style> elements at run time ('unsafe-inline' styles only; no
// inline or eval'd script), graphiql's fonts are data: URLs in its CSS.
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type PageResponder = (request: IncomingMessage, pathname: string) => Promise<StaticResponse | undefined>;

const prefersHtml = (request: IncomingMessage): boolean => request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');

/** GraphiQL's files at /, and its page at GET /graphql for a browser; undefined for anything else. */
export function graphiqlPages(directory = path.join(WEB_DIST_DIR, 'graphiql')): PageResponder & { app: StaticApp } {
  const app = staticApp({ directory, mount: '/', contentSecurityPolicy: GRAPHIQL_CSP });
  const respond: PageResponder = (request, pathname) =>
    app.respond(request, pathname === '/graphql' && prefersHtml(request) ? '/' : pathname);
  return Object.assign(respond, { app });
}
