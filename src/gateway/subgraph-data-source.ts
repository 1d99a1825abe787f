// How the gateway reaches one subgraph over HTTP: the caller signed onto every request (claims in the
// body's extensions, the signature bound to the subgraph and the body: src/auth/signed-caller.ts), and
// the failures @apollo/gateway would otherwise report as a bare "400: Bad Request", "431: Request
// Header Fields Too Large" or a raw socket error.
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { CALLER_EXTENSION, CALLER_SIGNATURE_HEADER, callerClaims, signSubgraphRequest } from '../auth';
import { logger } from '../config/logger';
import type { ErrorCode } from '../resolvers/shared/errors';
import type { GatewayContext } from './gateway-context';
import { MAX_BODY_BYTES } from './http-server';
import type { Fetcher } from './subgraph-fetcher';

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;
type SendOptions = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0];
type FetchResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

// Reserves the signature header in willSendRequest; the fetcher fills it in over the exact bytes sent
// (@apollo/gateway serialises the body after willSendRequest, in a method it keeps private).
const PENDING = 'pending';

const tooLarge = (subgraph: string, part: 'body' | 'headers'): GraphQLError => {
  logger.warn({ subgraph, part }, 'subgraph request too large');
  return new GraphQLError(`The request to the ${subgraph} subgraph is too large (its ${part}).`, {
    extensions: { code: 'REQUEST_TOO_LARGE' satisfies ErrorCode, subgraph },
  });
};

/** `fetcher` signing each request whose signature header willSendRequest reserved; refusing a body no subgraph would take. */
const signingFetcher =
  (subgraph: string, secret: string, fetcher: Fetcher): Fetcher =>
  async (url, init = {}) => {
    if (init.headers?.[CALLER_SIGNATURE_HEADER] !== PENDING) return fetcher(url, init);
    const body = init.body ?? '';
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw tooLarge(subgraph, 'body');
    return fetcher(url, { ...init, headers: { ...init.headers, ...signSubgraphRequest({ subgraph, body }, secret) } });
  };

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraph: string,
    url: string,
    callerSecret: string,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher: signingFetcher(subgraph, callerSecret, fetcher) });
  }

  // Signed per subgraph request, not once per gateway request: each signature is accepted once, and a
  // long plan must not outlive it.
  override willSendRequest({ request, context }: SendOptions): void {
    const caller = (context as Partial<GatewayContext>).caller;
    // No caller (the gateway's own requests): sent unsigned, and the subgraph refuses it.
    if (!caller || !request.http) return;
    request.extensions = { ...request.extensions, [CALLER_EXTENSION]: callerClaims(caller) };
    request.http.headers.set(CALLER_SIGNATURE_HEADER, PENDING);
  }

  // A subgraph answers 400 when it rejects the request as a whole (a variable that is not a Date):
  // pass its own coded error on instead of the status line. 413/431: the subgraph (or a proxy before
  // it) would not take the request's size: a coded error naming the subgraph, not a masked one.
  override async errorFromResponse(response: FetchResponse): Promise<GraphQLError> {
    if (response.status === 413 || response.status === 431) return tooLarge(this.subgraph, response.status === 413 ? 'body' : 'headers');
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
