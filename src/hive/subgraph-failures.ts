// A subgraph that cannot be reached (down, refused, cut at the deadline) is UPSTREAM_UNAVAILABLE naming
// it, as the Apollo gateway reports it (subgraph-data-source.ts), instead of executor-http's
// SUBREQUEST_HTTP_ERROR, which the error format would mask as an unexpected error. One log line, no stack.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { logger } from '../config/logger';
import type { ErrorCode } from '../resolvers/shared/errors';

const TRANSPORT_FAILURE = 'SUBREQUEST_HTTP_ERROR';

const codeOf = (error: unknown): unknown => (error as { extensions?: Record<string, unknown> }).extensions?.['code'];

export const useSubgraphFailures = (): GatewayPlugin => ({
  onSubgraphExecute:
    ({ subgraphName }) =>
    ({ result, setResult }) => {
      if (Symbol.asyncIterator in result || !result.errors?.some((error) => codeOf(error) === TRANSPORT_FAILURE)) return;
      logger.warn(
        { subgraph: subgraphName, reason: result.errors.find((error) => codeOf(error) === TRANSPORT_FAILURE)?.message },
        'subgraph unreachable',
      );
      setResult({
        ...result,
        errors: result.errors.map((error) =>
          codeOf(error) === TRANSPORT_FAILURE
            ? new GraphQLError(`The ${subgraphName} subgraph is unavailable.`, {
                path: error.path,
                extensions: { code: 'UPSTREAM_UNAVAILABLE' satisfies ErrorCode, subgraph: subgraphName },
              })
            : error,
        ),
      });
    },
});
