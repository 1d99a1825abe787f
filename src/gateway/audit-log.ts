// One JSON line per gateway request: who, which operation, which `Type.field`s, how many persons
// came back, how long, how it ended. Never variables, ids, names or any other value of the data.
// The same account feeds the request metrics (src/observability/metrics.ts).
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { type DestinationStream, type Logger, pino } from 'pino';
import { fieldsRead } from '../auth/operation-fields';
import { gatewayErrors, gatewayRequestSeconds } from '../observability/metrics';
import { currentTraceId } from '../observability/trace-ids';
import { countObjects } from './count-objects';
import type { GatewayContext } from './gateway-context';

export type AuditStatus = 'ok' | 'partial' | 'error' | 'unauthenticated' | 'rate_limited';

export interface AuditEntry {
  supplier: string | null;
  operationName: string | null;
  /** The document's sha256 when the request named it by id (APQ or a trusted document). */
  documentId?: string;
  /** `Type.field` coordinates the operation reads, sorted. */
  fields: string[];
  persons: number;
  durationMs: number;
  status: AuditStatus;
  httpStatus: number;
  errorCodes: string[];
}

/** The audit logger: stdout by default; tests pass a stream to read the lines. */
export const createAuditLogger = (destination?: DestinationStream): Logger =>
  pino({ name: 'audit', base: undefined }, destination ?? pino.destination(1));

const record = (audit: Logger, entry: AuditEntry, errors: readonly { extensions?: Record<string, unknown> }[]): void => {
  // The request's trace, keyed as in every other log line (config/logger.ts); absent when it is not traced.
  const traceId = currentTraceId();
  audit.info(traceId === undefined ? entry : { ...entry, trace_id: traceId }, 'request');
  gatewayRequestSeconds.observe({ supplier: entry.supplier ?? 'none', status: entry.status }, entry.durationMs / 1000);
  for (const error of errors) gatewayErrors.inc({ code: String(error.extensions?.['code'] ?? 'UNKNOWN') });
};

export const auditUnauthenticated = (audit: Logger): void => {
  const entry: AuditEntry = {
    supplier: null,
    operationName: null,
    fields: [],
    persons: 0,
    durationMs: 0,
    status: 'unauthenticated',
    httpStatus: 401,
    errorCodes: [],
  };
  record(audit, entry, [{ extensions: { code: 'UNAUTHENTICATED' } }]);
};

/** A request refused 429 by the supplier's rate limit (src/gateway/rate-limit.ts), before it was read. */
export const auditRateLimited = (audit: Logger, supplier: string): void => {
  const entry: AuditEntry = {
    supplier,
    operationName: null,
    fields: [],
    persons: 0,
    durationMs: 0,
    status: 'rate_limited',
    httpStatus: 429,
    errorCodes: ['RATE_LIMITED'],
  };
  record(audit, entry, [{ extensions: { code: 'RATE_LIMITED' } }]);
};

/** What one request gives its audit line, whatever engine served it. */
export interface AuditedRequest {
  supplier: string;
  operationName: string | null;
  documentId?: string;
  /** Schema and document of an operation that validated and resolved: its `Type.field`s are listed. */
  resolved?: { schema: GraphQLSchema; document: DocumentNode };
  /** The operation that ran, for counting the persons in `data`. */
  operation?: OperationDefinitionNode | null;
  data?: unknown;
  errors: readonly { extensions?: Record<string, unknown> }[];
  /** performance.now() when the request started. */
  startedAt: number;
  httpStatus: number;
}

/** Writes the audit line of a request that was read (authenticated, admitted). */
export const auditRequest = (audit: Logger, request: AuditedRequest): void => {
  const { resolved, operation, data, errors } = request;
  const fields = resolved
    ? [...fieldsRead(resolved.schema, resolved.document).keys()].filter((key) => !key.endsWith('.__typename')).sort()
    : [];
  const fragments = Object.fromEntries(
    (resolved?.document.definitions ?? []).flatMap((definition) =>
      definition.kind === 'FragmentDefinition' ? [[definition.name.value, definition]] : [],
    ),
  );
  const entry: AuditEntry = {
    supplier: request.supplier,
    operationName: request.operationName,
    ...(request.documentId === undefined ? {} : { documentId: request.documentId }),
    fields,
    persons: resolved && operation && data ? countObjects(resolved.schema, operation, fragments, data, 'Person') : 0,
    durationMs: Math.round((performance.now() - request.startedAt) * 10) / 10,
    status: errors.length === 0 ? 'ok' : data ? 'partial' : 'error',
    httpStatus: request.httpStatus,
    errorCodes: [...new Set(errors.map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN')))].sort(),
  };
  record(audit, entry, errors);
};

export const auditPlugin = (audit: Logger): ApolloServerPlugin<GatewayContext> => ({
  requestDidStart: async ({ contextValue }) => {
    const startedAt = performance.now();
    let resolved: AuditedRequest['resolved'];
    return {
      didResolveOperation: async ({ document, schema }) => {
        resolved = { schema, document };
      },
      willSendResponse: async ({ response, operation, operationName }) => {
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        auditRequest(audit, {
          supplier: contextValue.caller.supplier,
          operationName: operationName ?? null,
          documentId: contextValue.documentId,
          resolved,
          operation,
          data: result?.data,
          errors: result?.errors ?? [],
          startedAt,
          httpStatus: response.http.status ?? 200,
        });
      },
    };
  },
});
