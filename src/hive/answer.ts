// The answer as the Apollo gateway shapes it, and its audit line. Every error leaves through
// formatGatewayError (src/gateway/format-error.ts): our codes and the request errors pass, with only
// the extensions a caller may see; anything else is masked as "Unexpected error." and logged in full.
// Yoga's own masking stays on underneath, so a stack trace cannot get out even past this hook.
// The cost of the operation goes to `extensions.cost`, and one audit line per request is written
// once the response status is known.
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from 'pino';
import { auditRequest } from '../gateway/audit-log';
import { formatGatewayError } from '../gateway/format-error';
import { requestStates } from './request-state';

const formatted = (error: GraphQLError): GraphQLError => {
  const shown: GraphQLFormattedError = formatGatewayError(error.toJSON(), error);
  // The status Yoga answers with (http is never shown: Yoga drops it when serialising). Without `spec`:
  // Yoga answers a document it cannot run 200 to an application/json client (GraphQL over HTTP's legacy
  // rule), the Apollo gateway 400 to every client; the same request gets the same status from both.
  const { status, headers } = (error.extensions?.['http'] ?? {}) as { status?: number; headers?: Record<string, string> };
  return new GraphQLError(shown.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: shown.path,
    extensions: { ...shown.extensions, ...(status === undefined ? {} : { http: { status, headers } }) },
  });
};

const isSingle = (result: unknown): result is ExecutionResult =>
  typeof result === 'object' && result !== null && !Array.isArray(result) && !(Symbol.asyncIterator in result);

export const useGatewayAnswer = (options: { audit: Logger }): GatewayPlugin => ({
  onResultProcess: ({ request, result, setResult }) => {
    // Batched (array) and streamed answers are refused earlier: Yoga's batching and @defer are off.
    if (!isSingle(result)) return;
    const state = requestStates.get(request);
    const errors = result.errors?.map((error) =>
      formatted(error instanceof GraphQLError ? error : new GraphQLError(String((error as Error).message ?? error))),
    );
    const answer: ExecutionResult = {
      ...result,
      ...(errors ? { errors } : {}),
      ...(state?.priced ? { extensions: { ...result.extensions, cost: state.priced } } : {}),
    };
    if (state) state.result = answer;
    setResult(answer);
  },
  onResponse: ({ request, response }) => {
    const state = requestStates.get(request);
    if (!state) return;
    auditRequest(options.audit, {
      supplier: state.caller.supplier,
      operationName: state.operationName ?? null,
      documentId: state.documentId,
      resolved: state.resolved,
      operation: state.operation,
      data: state.result?.data,
      errors: (state.result?.errors ?? []) as readonly { extensions?: Record<string, unknown> }[],
      startedAt: state.startedAt,
      httpStatus: response.status,
    });
  },
});
