// The gateway: @apollo/gateway executing query plans against the subgraphs over real HTTP, served by @apollo/server.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import type { ProducerName } from '../ss12000/resources';
import { formatGatewayError } from './format-error';
import { SubgraphDataSource } from './subgraph-data-source';
import type { RunningServer } from './subgraph-server';

export interface GatewayServerOptions {
  /** Composed supergraph SDL; its subgraph URLs are ignored in favour of `subgraphUrls`. */
  supergraphSdl: string;
  subgraphUrls: Record<ProducerName, string>;
  listen: ListenConfig;
}

export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    logger,
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as ProducerName];
      if (url === undefined) throw new Error(`The supergraph names subgraph "${name}", which has no URL configured.`);
      return new SubgraphDataSource(name, url);
    },
  });
  const server = new ApolloServer({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    logger,
    // main.ts owns shutdown (closeOnSignals): Apollo would otherwise stop itself and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, { listen: options.listen });
  return { url: new URL('graphql', url).toString(), close: () => server.stop() };
}
