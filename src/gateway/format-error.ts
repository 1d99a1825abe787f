import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger } from '../config/logger';
import { currentTraceId } from '../observability/trace-ids';
import { CALLER_ERROR_CODES, isBadArgumentValue, UNEXPECTED_ERROR_MESSAGE } from '../resolvers/shared/errors';

// A masked INTERNAL_SERVER_ERROR passes too, but only with the masked message (formatGatewayError).
const OURS: ReadonlySet<string> = new Set<string>(CALLER_ERROR_CODES);
// Apollo Server's own codes for a request it could not run; their messages are about the caller's document.
const REQUEST_ERRORS: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
// Extensions a caller may see; the gateway adds others (serviceName, the subgraph's raw response).
// `traceId` is never passed on from a subgraph: it is the gateway's own request's (withTraceId).
const VISIBLE_EXTENSIONS = ['code', 'producer', 'subgraph', 'path', 'argument', 'field', 'position'] as const;

// The request's trace (src/observability/tracing.ts), so an operator finds the spans and log lines of an error a supplier reports.
const withTraceId = (extensions: Record<string, unknown>): Record<string, unknown> => {
  const traceId = currentTraceId();
  return traceId === undefined ? extensions : { ...extensions, traceId };
};

const visible = (formatted: GraphQLFormattedError, code: string): GraphQLFormattedError => {
  const extensions: Record<string, unknown> = { code };
  for (const key of VISIBLE_EXTENSIONS) {
    if (key !== 'code' && formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  }
  return {
    message: withoutHints(formatted.message),
    locations: formatted.locations,
    path: formatted.path,
    extensions: withTraceId(extensions),
  };
};

// graphql-js suggests names in variable and value errors too ("Did you mean the enum value …?"),
// which Apollo's hideSchemaDetailsFromClientErrors leaves in: a hint may name what the contract hides.
const HINT = / ?Did you mean [^?]*\?/g;
const withoutHints = (message: string): string => message.replace(HINT, '').trimEnd();

// Apollo Server refuses some requests with a 4xx status and no code (its code then defaults to
// INTERNAL_SERVER_ERROR): the status says the message is about the caller's request.
const isUncodedRequestError = (error: unknown): boolean => {
  if (!(error instanceof GraphQLError) || error.extensions['code'] !== undefined) return false;
  const status = (error.extensions['http'] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/**
 * The gateway's formatError: deliberate errors (our codes, Apollo's request errors, an already masked
 * subgraph error) pass; anything else (a subgraph that cannot be reached, a gateway bug) is masked as
 * 'Unexpected error.' and logged in full.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isBadArgumentValue(formatted)) return visible(formatted, 'BAD_USER_INPUT');
  const code = String(formatted.extensions?.['code'] ?? '');
  if (OURS.has(code) || REQUEST_ERRORS.has(code)) return visible(formatted, code);
  if (code === 'INTERNAL_SERVER_ERROR' && formatted.message === UNEXPECTED_ERROR_MESSAGE) return visible(formatted, code);
  if (isUncodedRequestError(error)) return visible(formatted, 'BAD_REQUEST');
  logger.error({ err: error, formatted }, 'unexpected gateway error');
  return {
    message: UNEXPECTED_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: withTraceId({ code: 'INTERNAL_SERVER_ERROR' }),
  };
}
