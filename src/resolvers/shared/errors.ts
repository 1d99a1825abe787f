import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { SourceError } from '../../sources/shared/errors';
import { upstreamError } from './upstream-errors';
import { logger } from '../../config/logger';

/** The codes of errors meant for the caller: a formatted error with one of them is shown as it is. */
export const CALLER_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_INVALID',
  'REQUEST_TOO_LARGE',
  'UPSTREAM_UNSUPPORTED',
] as const;

/** The closed set of error codes the graph answers with: the caller's, and the masked one. */
export const ERROR_CODES = [...CALLER_ERROR_CODES, 'INTERNAL_SERVER_ERROR'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const DELIBERATE: ReadonlySet<string> = new Set<string>(ERROR_CODES);

export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

const coded = (message: string, code: ErrorCode, extensions: Record<string, unknown> = {}): GraphQLError =>
  new GraphQLError(message, { extensions: { ...extensions, code } });

export function badUserInput(message: string, argument: string): GraphQLError {
  return coded(message, 'BAD_USER_INPUT', { argument });
}

/** True for a GraphQLError that carries one of our codes: it was meant for the caller. */
export const isDeliberate = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError && DELIBERATE.has(String(error.extensions['code']));

/**
 * THE mapping from anything a resolver can throw to what the caller sees. Source errors become
 * coded errors naming the producer; anything we did not mean to show is masked and logged in full.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (isDeliberate(error)) return error;
  // Every producer status has its code (upstream-errors.ts), logged once by the producer client.
  const upstream = error instanceof SourceError ? upstreamError(error) : undefined;
  if (upstream) return upstream;
  logger.error({ err: error }, 'unexpected resolver error');
  return coded(UNEXPECTED_ERROR_MESSAGE, 'INTERNAL_SERVER_ERROR');
}

// graphql-js reports a literal argument of the wrong shape (an unknown enum value, `first: "x"`, a
// Date that is not a date) as a validation failure; to the caller it is a bad input value.
const BAD_VALUE = /^(Expected value of type|Value ".*" does not exist in ".*" enum|\w+ cannot represent)/;

/** A GRAPHQL_VALIDATION_FAILED error that is really about an argument's value. */
export const isBadArgumentValue = (formatted: GraphQLFormattedError): boolean =>
  formatted.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED' && BAD_VALUE.test(formatted.message);

/**
 * Apollo Server `formatError` for subgraphs: applies toGraphQLError to what a resolver threw,
 * keeping the path and locations graphql-js attached. Errors Apollo raises itself (parse,
 * validation, variable coercion) already carry their own code and pass through.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isBadArgumentValue(formatted)) return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
  const code = formatted.extensions?.['code'];
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const mapped = toGraphQLError(unwrapResolverError(error));
  return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
}
