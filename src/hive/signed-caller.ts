// The caller signed onto every subgraph request exactly as the Apollo gateway signs it
// (src/auth/signed-caller.ts): the claims in the body's `extensions.ss12000Caller`, and the signature
// header bound to the subgraph's name and the digest of the body actually sent.
//
// Two Hive hooks, because neither sees both: onSubgraphExecute knows the subgraph and the request's
// caller but not the bytes; onFetch sees the serialised body but not which subgraph it is for. The
// first adds the claims and reserves the header (executor-http moves `extensions.headers` onto the
// HTTP request, out of the body), naming the subgraph; the second signs the exact body it is given.
// Signed per subgraph fetch, never once per gateway request: each signature is accepted once.
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { CALLER_EXTENSION, CALLER_SIGNATURE_HEADER, callerClaims, signSubgraphRequest } from '../auth';
import { logger } from '../config/logger';
import { MAX_BODY_BYTES } from '../gateway/http-server';
import type { ErrorCode } from '../resolvers/shared/errors';
import { DEADLINE_HEADER } from '../sources/shared/deadline';
import { requestStates } from './request-state';

const PENDING = 'pending:';

export interface SignedCallerOptions {
  /** The HMAC secret shared with the subgraphs (CALLER_SIGNING_SECRET, at least 32 bytes). */
  callerSecret: string;
}

export const useSignedCaller = (options: SignedCallerOptions): GatewayPlugin => ({
  onSubgraphExecute: ({ subgraphName, executionRequest, setExecutionRequest }) => {
    const state = requestStates.get((executionRequest.context as { request?: Request } | undefined)?.request);
    // No authenticated caller (nothing but the gateway's own requests): sent unsigned, and refused.
    if (!state) return;
    const extensions = executionRequest.extensions ?? {};
    setExecutionRequest({
      ...executionRequest,
      extensions: {
        ...extensions,
        [CALLER_EXTENSION]: callerClaims(state.caller),
        headers: {
          ...(extensions['headers'] as Record<string, string> | undefined),
          [CALLER_SIGNATURE_HEADER]: `${PENDING}${subgraphName}`,
          // The subgraph answers, with what it has, a little before the gateway stops waiting.
          [DEADLINE_HEADER]: String(Math.max(0, state.deadline - Date.now())),
        },
      },
    });
  },
  onFetch: ({ options: init, setOptions }) => {
    const reserved = init.headers?.[CALLER_SIGNATURE_HEADER];
    if (reserved === undefined || !reserved.startsWith(PENDING)) return;
    const subgraph = reserved.slice(PENDING.length);
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body === undefined) {
      // Never expected (executor-http sends JSON text); unsigned, the subgraph would refuse it anyway.
      logger.error({ subgraph }, 'subgraph request body is not text: not signed');
      throw new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } });
    }
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
      logger.warn({ subgraph, part: 'body' }, 'subgraph request too large');
      throw new GraphQLError(`The request to the ${subgraph} subgraph is too large (its body).`, {
        extensions: { code: 'REQUEST_TOO_LARGE' satisfies ErrorCode, subgraph },
      });
    }
    const budget = Number(init.headers?.[DEADLINE_HEADER]);
    const timeout = Number.isFinite(budget) ? AbortSignal.timeout(Math.max(1, budget)) : undefined;
    setOptions({
      ...init,
      headers: { ...init.headers, ...signSubgraphRequest({ subgraph, body }, options.callerSecret) },
      ...(timeout ? { signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout } : {}),
    });
  },
});
