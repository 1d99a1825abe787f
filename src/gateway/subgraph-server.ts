// One subgraph as an HTTP service: @apollo/server over node:http, a SubgraphContext per request.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLSchema } from 'graphql';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import type { SubgraphContext } from '../resolvers/shared/context';
import { formatSubgraphError } from '../resolvers/shared/errors';
import type { SourceClients } from '../sources';
import type { ProducerName } from '../ss12000/resources';

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123/graphql */
  readonly url: string;
  close(): Promise<void>;
}

export interface SubgraphServerOptions {
  name: ProducerName;
  schema: GraphQLSchema;
  /** Long-lived clients; `forRequest()` gives each GraphQL request its own loaders. */
  sourceClients: SourceClients;
  listen: ListenConfig;
}

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  const server = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    logger,
    // main.ts owns shutdown (closeOnSignals): Apollo would otherwise stop itself and re-raise the signal.
    stopOnTerminationSignals: false,
    // Inline traces are for Apollo Studio, which this project does not report to.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: options.listen,
    context: async () => ({ sources: options.sourceClients.forRequest() }),
  });
  return { url: new URL('graphql', url).toString(), close: () => server.stop() };
}
