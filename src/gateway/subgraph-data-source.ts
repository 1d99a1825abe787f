// How the gateway reaches one subgraph over HTTP: the caller signed onto every request, and the two
// failures @apollo/gateway would otherwise report as a bare "400: Bad Request" or a raw socket error.
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { signCallerHeaders } from '../auth';
import { logger } from '../config/logger';
import type { ErrorCode } from '../resolvers/shared/errors';
import type { GatewayContext } from './gateway-context';
import type { Fetcher } from './subgraph-fetcher';

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;
type SendOptions = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0];
type FetchResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraph: string,
    url: string,
    private readonly callerSecret: string,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher });
  }

  // Signed per subgraph request, not once per gateway request: a long plan must not outlive its signature.
  override willSendRequest({ request, context }: SendOptions): void {
    const caller = (context as Partial<GatewayContext>).caller;
    // No caller (the gateway's own requests): sent unsigned, and the subgraph refuses it.
    if (!caller || !request.http) return;
    for (const [name, value] of Object.entries(signCallerHeaders(caller, this.callerSecret))) request.http.headers.set(name, value);
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
      // One line, no stack: a subgraph that is down or cut at the request's deadline is not our bug.
      logger.warn({ subgraph: this.subgraph, reason: error instanceof Error ? error.message : String(error) }, 'subgraph unreachable');
      throw new GraphQLError(`The ${this.subgraph} subgraph is unavailable.`, {
        extensions: { code: 'UPSTREAM_UNAVAILABLE' satisfies ErrorCode, subgraph: this.subgraph },
      });
    }
  }
}
