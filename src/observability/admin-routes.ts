// GET /healthz, GET /readyz and GET /metrics beside /graphql on the gateway and on every subgraph service.
// /healthz needs no credentials and tells nothing but "this process serves"; /readyz (readiness.ts)
// tells whether it can serve real answers (producer breakers, organisation tree), also without credentials. /metrics needs its own
// token (METRICS_TOKEN, sent as a supplier sends its key), not a supplier's: it shows every
// supplier's traffic, so it is not served at all while no token is configured.
import type { IncomingMessage } from 'node:http';
import { keyDigest, matchApiKey, requestCredential } from '../auth';
import { METRICS_CONTENT_TYPE, metricsText } from './metrics';
import { readinessResponse, type Readiness } from './readiness';

export interface AdminResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const carriesToken = (request: IncomingMessage, token: string): boolean => {
  const credential = requestCredential(request.headers);
  return credential !== undefined && matchApiKey(credential, [keyDigest(token)]) === 0;
};

/** The answer to an admin path, or undefined when the request is not for one. */
export async function adminResponse(
  request: IncomingMessage,
  pathname: string,
  metricsToken: string | undefined,
  readiness?: Readiness,
): Promise<AdminResponse | undefined> {
  if (request.method !== 'GET') return undefined;
  if (pathname === '/healthz') return { status: 200, contentType: 'application/json; charset=utf-8', body: '{"status":"ok"}' };
  if (pathname === '/readyz') return readinessResponse(readiness);
  if (pathname !== '/metrics' || metricsToken === undefined) return undefined;
  if (!carriesToken(request, metricsToken)) {
    return {
      status: 401,
      contentType: 'text/plain; charset=utf-8',
      body: 'GET /metrics needs the metrics bearer token.\n',
      headers: { 'www-authenticate': 'Bearer' },
    };
  }
  return { status: 200, contentType: METRICS_CONTENT_TYPE, body: await metricsText() };
}
