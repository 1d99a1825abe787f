// CORS for the gateway's /graphql and /sdl: a browser app on an allowed origin (gateway.cors.allowedOrigins)
// may call them with a supplier key in a header. Preflights are answered before authentication (a browser
// sends them without credentials); an origin not allowed gets no CORS headers at all, so the browser keeps
// the answer from the page. Keys travel in headers only, never cookies: no Allow-Credentials, and a key
// in a query string authenticates nothing (src/auth/credentials.ts reads headers).
import type { IncomingHttpHeaders } from 'node:http';
import { parseOriginPattern, type OriginMatcher } from '../lib/origin-pattern';

export interface CorsConfig {
  /** Exact origins (`https://app.example.se`) or loopback origins with any port (`http://localhost:*`); none by default. */
  allowedOrigins: readonly string[];
}

export interface CorsPolicy {
  /** Headers for an answer to a request from this Origin (none unless it is allowed; always Vary: Origin). */
  responseHeaders(headers: IncomingHttpHeaders): Record<string, string>;
  /** The answer to an OPTIONS request (204), with the preflight headers when the origin is allowed. */
  preflightHeaders(headers: IncomingHttpHeaders): Record<string, string>;
}

// What a browser client of the gateway sends: the two credential headers (credentials.ts), JSON bodies,
// an idempotency key and a trace context.
const ALLOWED_HEADERS = ['content-type', 'authorization', 'x-api-key', 'idempotency-key', 'traceparent'];
// Long enough to spare a preflight per request, short enough that a config change reaches browsers soon.
const MAX_AGE_SECONDS = 600;

export function createCorsPolicy(config: CorsConfig): CorsPolicy {
  const matchers: OriginMatcher[] = config.allowedOrigins.map((pattern) => {
    const parsed = parseOriginPattern(pattern);
    if ('problem' in parsed) throw new Error(`gateway.cors.allowedOrigins: ${parsed.problem}`);
    return parsed.matches;
  });
  const allowedOrigin = (headers: IncomingHttpHeaders): string | undefined => {
    const origin = headers.origin;
    return origin !== undefined && matchers.some((matches) => matches(origin)) ? origin : undefined;
  };
  const responseHeaders = (headers: IncomingHttpHeaders): Record<string, string> => {
    const origin = allowedOrigin(headers);
    // Vary even when refused: a shared cache must not hand one origin's answer to another.
    if (origin === undefined) return { vary: 'Origin' };
    return { vary: 'Origin', 'access-control-allow-origin': origin, 'access-control-expose-headers': 'retry-after' };
  };
  return {
    responseHeaders,
    preflightHeaders: (headers) => {
      const base: Record<string, string> = { ...responseHeaders(headers), allow: 'GET, POST, OPTIONS' };
      if (base['access-control-allow-origin'] === undefined) return base;
      return {
        ...base,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
        'access-control-max-age': String(MAX_AGE_SECONDS),
      };
    },
  };
}
