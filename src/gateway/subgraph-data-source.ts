// How the gateway reaches one subgraph over HTTP, with the two failures @apollo/gateway would
// otherwise report as a bare "400: Bad Request" or a raw socket error.
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { logger } from '../config/logger';
import type { ErrorCode } from '../resolvers/shared/errors';

type ProcessOptions = Parameters<RemoteGraphQLDataSource['process']>[0];
type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetchResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    readonly subgraph: string,
    url: string,
  ) {
    super({ url });
  }

  // A subgraph answers 400 when it rejects the request as a whole (a variable that is not a Date):
  // pass its own coded error on instead of the status line.
  override async errorFromResponse(response: FetchResponse): Promise<GraphQLError> {
    const generic = await super.errorFromResponse(response);
    const body = (generic.extensions['response'] as { body?: { errors?: GraphQLFormattedError[] } } | undefined)?.body;
    const first = body?.errors?.[0];
    const code = first?.extensions?.['code'];
    if (first && code === ('BAD_USER_INPUT' satisfies ErrorCode)) return new GraphQLError(first.message, { extensions: { code } });
    return generic;
  }

  override async process(options: ProcessOptions): Promise<ProcessResult> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      logger.warn({ err: error, subgraph: this.subgraph }, 'subgraph unreachable');
      throw new GraphQLError(`The ${this.subgraph} subgraph is unavailable.`, {
        extensions: { code: 'UPSTREAM_UNAVAILABLE' satisfies ErrorCode, subgraph: this.subgraph },
      });
    }
  }
}
