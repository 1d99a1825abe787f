// The front door of the Hive gateway, before Yoga reads the body: the supplier is authenticated from the
// request's headers (src/auth, the same suppliers file as the Apollo gateway), a unit-scoped supplier
// waits for the organisation tree, its rate limit is counted, and GET /sdl answers its contract SDL.
// Refused requests are answered here (401, 503, 429, 413) and audited; nothing else of them runs.
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Authenticator } from '../auth';
import { auditRateLimited, auditUnauthenticated } from '../gateway/audit-log';
import type { Contracts } from '../gateway/contract-schema';
import { TREE_UNKNOWN } from '../gateway/gateway-server';
import { MAX_BODY_BYTES, type TextResponse } from '../gateway/http-server';
import { rateLimitedResponse, type RateLimiter } from '../gateway/rate-limit';
import { requestStates } from './request-state';

export interface SupplierGateOptions {
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  audit: Logger;
  contracts: Contracts;
  /** The schema Hive serves (its API schema), once loaded. */
  apiSchema(): GraphQLSchema | undefined;
  /** Whether the organisation tree unit scopes expand over is known; always known without one. */
  organisationTreeKnown?: () => boolean;
  /** Deadline of one request, every subgraph call included, in ms. */
  requestTimeoutMs: number;
}

// Hive's health and readiness endpoints (createGatewayRuntime's defaults).
const HIVE_PROBES: ReadonlySet<string> = new Set(['/healthcheck', '/readiness']);

const coded = (status: number, code: string, message: string, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

const text = ({ status, contentType, body }: TextResponse, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { 'content-type': contentType, ...headers } });

export const useSupplierGate = (options: SupplierGateOptions): GatewayPlugin => ({
  onRequest: async ({ request, url, endResponse }) => {
    // Deny by default: every path but Hive's own probes (which tell nothing) needs a supplier, so a
    // path Yoga also matches (`/graphql/`, say) cannot be reached around the gate.
    if (HIVE_PROBES.has(url.pathname)) return;
    const isSdl = url.pathname === '/sdl' && request.method === 'GET';
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      endResponse(coded(413, 'REQUEST_TOO_LARGE', 'The request body is too large.', { connection: 'close' }));
      return;
    }
    const startedAt = performance.now();
    const caller = await options.authenticator.authenticate(request.headers);
    if (caller === null) {
      auditUnauthenticated(options.audit);
      endResponse(coded(401, 'UNAUTHENTICATED', 'Missing, unknown or invalid credentials.', { 'www-authenticate': 'Bearer' }));
      return;
    }
    if (caller.units !== 'all' && options.organisationTreeKnown?.() === false) {
      endResponse(text(TREE_UNKNOWN));
      return;
    }
    if (isSdl) {
      const schema = options.apiSchema();
      endResponse(
        schema
          ? new Response(options.contracts(schema, caller.scopes, caller.writes).sdl, {
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            })
          : new Response('The schema is not loaded yet.\n', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
      );
      return;
    }
    const admission = await options.rateLimiter.admit(caller.supplier, caller.limits?.rateLimit);
    if (!admission.admitted) {
      auditRateLimited(options.audit, caller.supplier);
      const refusal = rateLimitedResponse(admission);
      endResponse(text(refusal, { ...refusal.headers, connection: 'close' }));
      return;
    }
    requestStates.set(request, { caller, startedAt, deadline: Date.now() + options.requestTimeoutMs });
  },
});
