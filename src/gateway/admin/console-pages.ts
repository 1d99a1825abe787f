// The console's files (web/console, built into dist/web/console) at /console/, before authentication:
// the files hold no data; the app signs in against the admin API (docs/admin-api.md).
import type { PageResponder } from '../graphiql';
import { staticApp } from '../static-assets';

// Script, styles and calls to the gateway only: what a CDN or an injected tag would need is refused by the browser.
export const CONSOLE_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const MOUNT = '/console/';

/** The console's files under /console/; /console itself redirects there (relative asset URLs need the slash). */
export function consolePages(directory: string): PageResponder {
  const app = staticApp({ directory, mount: MOUNT, contentSecurityPolicy: CONSOLE_CSP });
  return async (request, pathname) => {
    if (pathname === '/console' && (request.method === 'GET' || request.method === 'HEAD')) {
      return { status: 308, headers: { location: MOUNT, 'cache-control': 'no-cache' }, body: Buffer.alloc(0) };
    }
    return app.respond(request, pathname);
  };
}
