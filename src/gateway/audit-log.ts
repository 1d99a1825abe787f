// One JSON line per gateway request: who, which operation, which `Type.field`s, how many persons
// came back, how long, how it ended. Never variables, ids, names or any other value of the data.
// The same account feeds the request metrics (src/observability/metrics.ts).
import type { ApolloServerPlugin } from '@apollo/server';
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
  const entry: AuditEntry = { supplier: null, operationName: null, fields: [], persons: 0, durationMs: 0, status: 'unauthenticated', httpStatus: 401, errorCodes: [] };
  record(audit, entry, [{ extensions: { code: 'UNAUTHENTICATED' } }]);
};

/** A request refused 429 by the supplier's rate limit (src/gateway/rate-limit.ts), before it was read. */
export const auditRateLimited = (audit: Logger, supplier: string): void => {
  const entry: AuditEntry = { supplier, operationName: null, fields: [], persons: 0, durationMs: 0, status: 'rate_limited', httpStatus: 429, errorCodes: ['RATE_LIMITED'] };
  record(audit, entry, [{ extensions: { code: 'RATE_LIMITED' } }]);
};

export const auditPlugin = (audit: Logger): ApolloServerPlugin<GatewayContext> => ({
  requestDidStart: async ({ contextValue }) => {
    const started = performance.now();
    let fields: string[] = [];
    return {
      didResolveOperation: async ({ document, schema }) => {
        fields = [...fieldsRead(schema, document).keys()].filter((key) => !key.endsWith('.__typename')).sort();
      },
      willSendResponse: async ({ response, operation, operationName, document, schema }) => {
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const errors = result?.errors ?? [];
        const data = result?.data;
        const fragments = Object.fromEntries(
          (document?.definitions ?? []).flatMap((definition) => (definition.kind === 'FragmentDefinition' ? [[definition.name.value, definition]] : [])),
        );
        const entry: AuditEntry = {
          supplier: contextValue.caller.supplier,
          operationName: operationName ?? null,
          ...(contextValue.documentId === undefined ? {} : { documentId: contextValue.documentId }),
          fields,
          persons: operation && data ? countObjects(schema, operation, fragments, data, 'Person') : 0,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          status: errors.length === 0 ? 'ok' : data ? 'partial' : 'error',
          httpStatus: response.http.status ?? 200,
          errorCodes: [...new Set(errors.map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN')))].sort(),
        };
        record(audit, entry, errors);
      },
    };
  },
});
