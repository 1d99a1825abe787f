// An allowed browser origin as written in the gateway config (`gateway.cors.allowedOrigins`): an exact
// origin (`https://app.example.se`), or a loopback origin with any port (`http://localhost:*`), which is
// what a developer's local app looks like. No other wildcard: a pattern such as `https://*.example.se`
// would let any subdomain anyone can host on call the gateway from a browser.

/** Tells whether a request's Origin header is the allowed origin (or one of the allowed loopback ports). */
export type OriginMatcher = (origin: string) => boolean;

const LOOPBACK_ANY_PORT = /^(https?):\/\/(localhost|127\.0\.0\.1|\[::1\]):\*$/;

/** The matcher for one config entry, or the reason it is not one. */
export function parseOriginPattern(pattern: string): { matches: OriginMatcher } | { problem: string } {
  const loopback = LOOPBACK_ANY_PORT.exec(pattern);
  if (loopback) {
    const [, scheme, host] = loopback;
    return {
      matches: (origin) => {
        const url = parseOrigin(origin);
        return url !== undefined && url.protocol === `${scheme}:` && url.hostname === host;
      },
    };
  }
  if (pattern.includes('*'))
    return { problem: `"${pattern}": a wildcard is allowed only as the port of a loopback origin (http://localhost:*)` };
  const url = parseOrigin(pattern);
  if (url === undefined) return { problem: `"${pattern}" is not an origin: scheme, host and port only, e.g. https://app.example.se` };
  return { matches: (origin) => origin === url.origin };
}

/** The URL of an origin written as browsers send it (no path, query, user or trailing slash), else undefined. */
function parseOrigin(origin: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.origin === origin ? url : undefined;
}
