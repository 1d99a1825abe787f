import type { GraphQLFormattedError } from 'graphql';
import { logger } from '../config/logger';
import { isBadArgumentValue, UNEXPECTED_ERROR_MESSAGE, type ErrorCode } from '../resolvers/shared/errors';

const OURS: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_INVALID',
  'UPSTREAM_UNSUPPORTED',
]);
// Apollo Server's own codes for a request it could not run; their messages are about the caller's document.
const REQUEST_ERRORS: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST',
]);
// Extensions a caller may see; the gateway adds others (serviceName, the subgraph's raw response).
const VISIBLE_EXTENSIONS = ['code', 'producer', 'subgraph', 'path', 'argument', 'field'] as const;

const visible = (formatted: GraphQLFormattedError, code: string): GraphQLFormattedError => {
  const extensions: Record<string, unknown> = { code };
  for (const key of VISIBLE_EXTENSIONS) {
    if (key !== 'code' && formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  }
  return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
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
  logger.error({ err: error, formatted }, 'unexpected gateway error');
  return { message: UNEXPECTED_ERROR_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
