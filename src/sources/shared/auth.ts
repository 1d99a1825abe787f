// Bearer tokens for a producer: a static token, or OAuth2 client credentials (EduCloud issues
// one key pair per supplier; tokens live `expires_in` seconds, typically 3600).
import { Agent } from 'undici';
import type { ProducerName } from '../../ss12000/resources';
import type { ProducerAuth } from './config';
import { UpstreamInvalidError } from './errors';
import { exchange, parseJson, statusError } from './exchange';

export interface TokenProvider {
  token(): Promise<string>;
  /** The producer answered 401 to `token`: forget it unless a newer one is already cached. */
  invalidate(token: string): void;
  close(): Promise<void>;
}

export interface TokenProviderOptions {
  timeoutMs: number;
  /** Clock in ms, replaceable in tests. */
  now?: () => number;
}

export function createTokenProvider(producer: ProducerName, auth: ProducerAuth, options: TokenProviderOptions): TokenProvider {
  if (auth.kind === 'bearer') {
    return { token: async () => auth.token, invalidate: () => undefined, close: async () => undefined };
  }
  const now = options.now ?? Date.now;
  const url = new URL(auth.tokenUrl);
  const route = `POST ${url.pathname} (token)`;
  const agent = new Agent({ connections: 2 });
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
    if (auth.scope) form.set('scope', auth.scope);
    const response = await exchange({
      producer,
      route,
      dispatcher: agent,
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      timeoutMs: options.timeoutMs,
    });
    if (response.status < 200 || response.status > 299) throw statusError(producer, route, response);
    const body = parseJson(producer, route, response.text) as { access_token?: unknown; expires_in?: unknown } | null;
    if (typeof body?.access_token !== 'string' || body.access_token === '') {
      throw new UpstreamInvalidError(producer, route, 'token response has no access_token');
    }
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    // Refresh a little early so a token does not expire between our check and the producer's.
    cached = { token: body.access_token, refreshAt: now() + lifetimeMs - Math.min(60_000, lifetimeMs / 10) };
    return body.access_token;
  };

  return {
    async token() {
      if (cached && now() < cached.refreshAt) return cached.token;
      // Single flight: concurrent callers share one token request.
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
    close: () => agent.close(),
  };
}
